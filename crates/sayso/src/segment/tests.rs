//! One test (at least) for every rule of SPEC §1, on invented sentences.

use super::Segmenter;
use crate::analyzer::AnalyzerBuilder;
use crate::document::SentenceKind::{self, Body, Boilerplate, Heading};

fn seg() -> Segmenter {
    Segmenter::new(&AnalyzerBuilder::new()).unwrap()
}

fn split(text: &str) -> Vec<String> {
    seg()
        .split(text)
        .iter()
        .map(|s| s.text().to_string())
        .collect()
}

fn kinds(text: &str) -> Vec<(String, SentenceKind)> {
    seg()
        .split(text)
        .iter()
        .map(|s| (s.text().to_string(), s.kind()))
        .collect()
}

#[test]
fn terminal_punctuation_and_closers() {
    assert_eq!(
        split("It rained. Then it stopped!"),
        ["It rained.", "Then it stopped!"]
    );
    assert_eq!(split("Really?! Yes… Fine."), ["Really?!", "Yes…", "Fine."]);
    assert_eq!(
        split("He said “go.” Then he left. (It was late.) Next."),
        ["He said “go.”", "Then he left.", "(It was late.)", "Next."]
    );
    assert_eq!(split("Done. 2025 was hard."), ["Done.", "2025 was hard."]);
    assert_eq!(split("Done. • Next item"), ["Done.", "• Next item"]);
}

#[test]
fn no_end_before_lowercase_or_inside_tokens() {
    assert_eq!(
        split("It fell 3.5 per cent. ok then."),
        ["It fell 3.5 per cent. ok then."]
    );
    assert_eq!(
        split("Meet at 5.30 in room 2."),
        ["Meet at 5.30 in room 2."]
    );
}

#[test]
fn blank_line_always_breaks() {
    assert_eq!(
        split("No stop here\n\nand here"),
        ["No stop here", "and here"]
    );
    assert_eq!(split("One,\n \n two"), ["One,", "two"]);
}

#[test]
fn single_line_break_rules() {
    assert_eq!(
        split("A title line\nThe body starts."),
        ["A title line", "The body starts."]
    );
    assert_eq!(
        split("runs on\nto the next line."),
        ["runs on\nto the next line."]
    );
    assert_eq!(
        split("Rome, Paris,\nBerlin agreed."),
        ["Rome, Paris,\nBerlin agreed."]
    );
    assert_eq!(split("He said:\n“Go.”"), ["He said:\n“Go.”"]);
    assert_eq!(split("Kyiv —\nThe talks"), ["Kyiv —\nThe talks"]);
    assert_eq!(split("Talks (\nMonday)"), ["Talks (\nMonday)"]);
    assert_eq!(split("It ended.\nthen more."), ["It ended.\nthen more."]);
    assert_eq!(split("Line one\r\nLine two"), ["Line one", "Line two"]);
}

#[test]
fn abbreviations_and_titles() {
    assert_eq!(
        split("Mr. Smith arrived at 5 p.m. on Dec. 6. He left."),
        ["Mr. Smith arrived at 5 p.m. on Dec. 6.", "He left."]
    );
    assert_eq!(
        split("Gen. Brown met Lt. Gray at St. Mark's."),
        ["Gen. Brown met Lt. Gray at St. Mark's."]
    );
    assert_eq!(
        split("See No. 5 and e.g. this, i.e. that, vs. them."),
        ["See No. 5 and e.g. this, i.e. that, vs. them."]
    );
    assert_eq!(
        split("Acme Inc. Chief Jo Doe spoke."),
        ["Acme Inc. Chief Jo Doe spoke."]
    );
    assert_eq!(
        split("The U.S. President spoke."),
        ["The U.S. President spoke."]
    );
}

#[test]
fn ending_abbreviations_before_a_clear_start() {
    assert_eq!(
        split("They held talks with the U.S. The envoy left."),
        ["They held talks with the U.S.", "The envoy left."]
    );
    assert_eq!(
        split("It opened at 9 a.m. He came."),
        ["It opened at 9 a.m.", "He came."]
    );
    assert_eq!(
        split("He sold Acme Inc. It grew."),
        ["He sold Acme Inc.", "It grew."]
    );
    assert_eq!(
        split("Pens, pads, etc. We bought all."),
        ["Pens, pads, etc.", "We bought all."]
    );
    // A title never ends a sentence.
    assert_eq!(split("Ask Dr. The Great."), ["Ask Dr. The Great."]);
}

#[test]
fn builder_extends_abbreviations_and_titles() {
    let b = AnalyzerBuilder::new().abbreviation("Gov.").title("Cmsr");
    let s = Segmenter::new(&b).unwrap();
    assert_eq!(
        s.split("Gov. Smith and Cmsr. Jones spoke. They left.")
            .len(),
        2
    );
}

#[test]
fn initials() {
    assert_eq!(
        split("J. D. Vance met Donald J. Trump."),
        ["J. D. Vance met Donald J. Trump."]
    );
}

#[test]
fn decimals_versions_times_urls_emails_handles_files() {
    assert_eq!(
        split("Version 2.0.1 is out. It costs $3.50 now."),
        ["Version 2.0.1 is out.", "It costs $3.50 now."]
    );
    assert_eq!(
        split("See https://p.example.org/p/4qkoW. Then go."),
        ["See https://p.example.org/p/4qkoW.", "Then go."]
    );
    assert_eq!(
        split("Mail press@example.org today."),
        ["Mail press@example.org today."]
    );
    assert_eq!(
        split("Thanks @jane.doe for report.pdf and more."),
        ["Thanks @jane.doe for report.pdf and more."]
    );
}

#[test]
fn ordinals_in_other_languages() {
    assert_eq!(
        split("Er kam am 3. Oktober an."),
        ["Er kam am 3. Oktober an."]
    );
    assert_eq!(
        split("Die Sitzung am 3. Mai. Dann Ruhe."),
        ["Die Sitzung am 3. Mai.", "Dann Ruhe."]
    );
}

#[test]
fn numbered_list_markers() {
    assert_eq!(
        split("1. Skip to content\n2. Main menu"),
        ["1. Skip to content", "2. Main menu"]
    );
    assert_eq!(split("He was 1. She was 2."), ["He was 1.", "She was 2."]);
}

#[test]
fn ellipsis_inside_quotes_or_brackets() {
    assert_eq!(
        split("They want robust (...) security guarantees."),
        ["They want robust (...) security guarantees."]
    );
    assert_eq!(
        split("He said “we tried … Nobody came” today."),
        ["He said “we tried … Nobody came” today."]
    );
    assert_eq!(
        split("\"It works. ... That is all.\""),
        ["\"It works. ... That is all.\""]
    );
    assert_eq!(
        split("He paused... Then he left."),
        ["He paused...", "Then he left."]
    );
}

#[test]
fn quotations() {
    assert_eq!(
        split("“I will wait for him. Personally,” she wrote."),
        ["“I will wait for him.", "Personally,” she wrote."]
    );
    assert_eq!(
        split("“I will wait.” she said"),
        ["“I will wait.” she said"]
    );
    assert_eq!(
        split("“Why now?” Graham asked."),
        ["“Why now?” Graham asked."]
    );
    assert_eq!(
        split("“Enough talk!” Ada Lovelace wrote on X."),
        ["“Enough talk!” Ada Lovelace wrote on X."]
    );
    assert_eq!(
        split("Ada Lovelace wrote on X. “We will go.” Then X. Zed arrived."),
        [
            "Ada Lovelace wrote on X.",
            "“We will go.”",
            "Then X.",
            "Zed arrived."
        ]
    );
    assert_eq!(
        split("“Why now?” Nobody knew."),
        ["“Why now?”", "Nobody knew."]
    );
    assert_eq!(
        split("He asked: “Why? Who?” Then silence."),
        ["He asked: “Why?", "Who?”", "Then silence."]
    );
}

#[test]
fn non_ascii_text() {
    assert_eq!(
        split("Київ мовчить. Türkiye wartet. 🇺🇦 Ende."),
        ["Київ мовчить.", "Türkiye wartet.", "🇺🇦 Ende."]
    );
    assert_eq!(
        split("Grüße\u{a0}aus Köln.\u{a0}Ja."),
        ["Grüße\u{a0}aus Köln.", "Ja."]
    );
}

#[test]
fn empty_and_blank_inputs() {
    assert!(split("").is_empty());
    assert!(split(" \n\n\t ").is_empty());
    assert_eq!(split("..."), ["..."]);
}

#[test]
fn headings() {
    let k = kinds(
        "Talks Stall in Geneva\n\nThe envoy left. Both sides met again.\n\nWhat Comes Next\n\nNobody knows.",
    );
    assert_eq!(k[0], ("Talks Stall in Geneva".into(), Heading));
    assert_eq!(k[1].1, Body);
    assert_eq!(k[3], ("What Comes Next".into(), Heading));
    assert_eq!(k[4].1, Body);
}

#[test]
fn first_line_is_the_title_even_with_a_period() {
    let k = kinds(
        "Judges reject a plea to unseal the file.\n\nA judge on Monday rejected the plea of three newspapers, saying courts are no place for it.",
    );
    assert_eq!(k[0].1, Heading);
    assert_eq!(k[1].1, Body);
    // Not standing alone, or alone in the text: body.
    let k = kinds("The envoy left.\nHe came back.");
    assert_eq!(k[0].1, Body);
    let k = kinds("The envoy left. He came back.");
    assert_eq!(k[0].1, Body);
    let k = kinds("The envoy left.");
    assert_eq!(k[0].1, Body);
    // A title of two sentences.
    let k = kinds(
        "Kyiv waits. Again.\n\nThe city waited all day on Monday for news of the talks in Geneva, officials in the capital said.",
    );
    assert_eq!(
        k.iter().map(|x| x.1).collect::<Vec<_>>(),
        [Heading, Heading, Body]
    );
    // A short lede that speaks to the reader is no deck.
    let k = kinds(
        "Mixed signals on the plan.\n\nI have a deal for you.\n\nThe plan, unveiled on Monday by the campaign, is vague about who would qualify for it, experts said.",
    );
    assert_eq!(
        k.iter().map(|x| x.1).collect::<Vec<_>>(),
        [Heading, Body, Body]
    );
}

#[test]
fn deck_under_the_title() {
    let k = kinds(
        "Mixed signals on the plan.\n\nRules unclear, experts say.\n\nThe plan, unveiled on Monday by the campaign, is vague about who would qualify for it, experts said.",
    );
    assert_eq!(
        k.iter().map(|x| x.1).collect::<Vec<_>>(),
        [Heading, Heading, Body]
    );
}

#[test]
fn a_line_introducing_a_quote_is_no_heading() {
    let k = kinds(
        "The war went on for a long time and nobody could stop it.\n\nThe letter reads in full:\n\n“We will stay.”",
    );
    assert_eq!(k[1].1, Body);
}

#[test]
fn standalone_short_line_without_period_is_a_heading() {
    let k = kinds(
        "The war went on for a long time and nobody could stop it.\n\nwhat the rebels want now\n\nThey want land.",
    );
    assert_eq!(k[1].1, Heading);
}

#[test]
fn repeated_title_is_a_heading() {
    let k = kinds(
        "Ministers agree on a new budget deal\n\n3 min read\nMinisters agree on a new budget deal\nThe ministers met on Monday in the capital to agree it.",
    );
    assert_eq!(k[0].1, Heading);
    assert_eq!(k[1].1, Boilerplate);
    assert_eq!(k[2].1, Heading);
    assert_eq!(k[3].1, Body);
}

#[test]
fn page_furniture() {
    let text = "Skip to content\n\nShare this article\n\nCity Council Votes on Budget\n\nBy Jane Roe\n\nUpdated 3 hours ago\n\nThe council voted 7-2 on Tuesday to pass the budget. It takes effect in May.\n\nAdvertisement\n\nSign up for our daily newsletter\n\nThe mayor said he would sign it. Critics said it was too small.\n\nImage: Jo Bloggs\n\nhttps://example.org/story/123\n\n© 2025 Example Media. All rights reserved.";
    let k = kinds(text);
    let got: Vec<(&str, SentenceKind)> = k.iter().map(|(t, k)| (t.as_str(), *k)).collect();
    assert_eq!(
        got,
        [
            ("Skip to content", Boilerplate),
            ("Share this article", Boilerplate),
            ("City Council Votes on Budget", Heading),
            ("By Jane Roe", Boilerplate),
            ("Updated 3 hours ago", Boilerplate),
            ("The council voted 7-2 on Tuesday to pass the budget.", Body),
            ("It takes effect in May.", Body),
            ("Advertisement", Boilerplate),
            ("Sign up for our daily newsletter", Boilerplate),
            ("The mayor said he would sign it.", Body),
            ("Critics said it was too small.", Body),
            ("Image: Jo Bloggs", Boilerplate),
            ("https://example.org/story/123", Boilerplate),
            ("© 2025 Example Media.", Boilerplate),
            ("All rights reserved.", Boilerplate),
        ]
    );
}

#[test]
fn counters_and_labels_above_the_title() {
    let k = kinds(
        "12 members on board\n\nThanks for reading our work every day.\n\nWorld\n\nFloods hit the northern valleys\n\nHeavy rain flooded three valleys on Sunday, officials said, and roads were closed.",
    );
    let kinds: Vec<_> = k.iter().map(|x| x.1).collect();
    assert_eq!(
        kinds,
        [Boilerplate, Boilerplate, Boilerplate, Heading, Body]
    );
}

#[test]
fn caption_is_body_and_its_credit_furniture() {
    let k = kinds(
        "Storm Hits Coast\n\nA man walks past a flooded shop on Monday. (Jo Bloggs / Reuters)\n\nThe storm made landfall at dawn.",
    );
    assert_eq!(
        k[1],
        ("A man walks past a flooded shop on Monday.".into(), Body)
    );
    assert_eq!(k[2], ("(Jo Bloggs / Reuters)".into(), Boilerplate));
    // A credit glued to its caption stays in it.
    let k = kinds(
        "Storm Hits Coast\n\nThe storm made landfall at dawn on Monday and flooded the old town, officials in the region said.\n\nA flooded shop (Photo: Jo Bloggs) on Monday.\n\nThe storm hit.",
    );
    assert_eq!(
        k[2],
        ("A flooded shop (Photo: Jo Bloggs) on Monday.".into(), Body)
    );
}

#[test]
fn inline_prompts_and_separators() {
    let k = kinds(
        "We met the envoy today.\n• • •\nMissing a post in this feed? You can try to\nreload the page\nWe also met the minister.",
    );
    let k2: Vec<_> = k.iter().map(|x| x.1).collect();
    assert_eq!(k2, [Body, Boilerplate, Body, Body, Body]);
    let b = AnalyzerBuilder::new().boilerplate_phrase("^Missing a post");
    let s = Segmenter::new(&b).unwrap();
    let k: Vec<_> = s.split("We met the envoy today.\n• • •\nMissing a post in this feed? You can try to\nreload the page\nWe also met the minister.").iter().map(|s| s.kind()).collect();
    assert_eq!(k, [Body, Boilerplate, Boilerplate, Boilerplate, Body]);
}

#[test]
fn also_read_line_mid_article() {
    let k = kinds(
        "Talks Resume\n\nThe talks resumed on Monday after a long pause, officials in the capital said on Monday evening.\n\nAlso Read | Markets Rally After Vote\n\nThe envoys will meet again on Friday.",
    );
    let k2: Vec<_> = k.iter().map(|x| x.1).collect();
    assert_eq!(k2, [Heading, Body, Boilerplate, Body]);
}

#[test]
fn teaser_run_after_a_marker() {
    let text = "Talks Resume\n\nThe talks resumed on Monday after a long pause, officials in the capital said on Monday evening.\n\nRelated stories\n\nMarkets Rally After Vote\n\nLondon: Shares rose sharply on Friday as investors cheered the result of the...\n\nFloods Hit Valleys Again\n\nRome: Heavy rain flooded three valleys for the second time this...";
    let k: Vec<_> = kinds(text).iter().map(|x| x.1).collect();
    assert_eq!(
        k,
        [
            Heading,
            Body,
            Boilerplate,
            Boilerplate,
            Boilerplate,
            Boilerplate,
            Boilerplate
        ]
    );
}

#[test]
fn furniture_run_ends_when_article_text_returns() {
    let text = "Talks Resume\n\nRead more\n\nThe talks resumed on Monday after a long pause in the capital. Officials on both sides were hopeful.\n\nThe envoys will meet again on Friday in Geneva, a senior diplomat said. Both sides confirmed the date.";
    let k: Vec<_> = kinds(text).iter().map(|x| x.1).collect();
    assert_eq!(k, [Heading, Boilerplate, Body, Body, Body, Body]);
}

#[test]
fn author_box_and_bio() {
    let text = "Talks Resume\n\nThe talks resumed on Monday after a long pause, officials in the capital said on Monday evening.\n\nDams Burst After Storm\nAvatar\nJane Roe\n\nJane Roe is a staff reporter at the Daily Example. She lives in Leeds.";
    let k: Vec<_> = kinds(text).iter().map(|x| x.1).collect();
    assert_eq!(
        k,
        [
            Heading,
            Body,
            Boilerplate,
            Boilerplate,
            Boilerplate,
            Boilerplate,
            Boilerplate
        ]
    );
    let text = "Talks Resume\n\nThe talks resumed on Monday after a long pause, officials said on Monday evening in the capital.\n\nJane Roe is a staff reporter at the Daily Example. She lives in Leeds.";
    let k: Vec<_> = kinds(text).iter().map(|x| x.1).collect();
    assert_eq!(k, [Heading, Body, Boilerplate, Boilerplate]);
}

#[test]
fn editors_note_paragraph() {
    let k = kinds(
        "Talks Resume\n\nThe talks resumed.\n\nEditor’s note: this story\nwas updated on Monday.",
    );
    assert_eq!(k.last().unwrap().1, Boilerplate);
}

#[test]
fn title_of_a_page_without_blank_lines() {
    let k = kinds(
        "Politics\nSenate passes a stopgap bill before the deadline\nBy Jo Roe\nThe Senate on Friday passed a short-term bill.\nJo Roe/AP\nThe vote was 68-31.\nAP’s Al Doe contributed to this report.\nMost Read\nStorm Batters Coast",
    );
    let k: Vec<_> = k.iter().map(|x| x.1).collect();
    assert_eq!(
        k,
        [
            Boilerplate,
            Heading,
            Boilerplate,
            Body,
            Boilerplate,
            Body,
            Boilerplate,
            Boilerplate,
            Boilerplate
        ]
    );
}

#[test]
fn list_items_are_no_headings() {
    let k = kinds(
        "The night in numbers, according to the air force on Sunday morning:\n\n• Forty drones shot down over the north\n\n2) Three missiles intercepted near the city\n\nThe attack lasted six hours, officials said on Sunday.",
    );
    let k: Vec<_> = k.iter().map(|x| x.1).collect();
    assert_eq!(k, [Body, Body, Body, Body]);
}

#[test]
fn a_furniture_phrase_opening_a_paragraph_takes_only_its_sentence() {
    let k = kinds(
        "Army Repels Attack\n\nKyiv — The army repelled an attack on the eastern front on Tuesday night, regional officials said in a statement.\n\nRead the full statement at https://example.org/statement-12. He also wrote on X that the talks must go on, whatever Moscow says next.\n\nRead more\n",
    );
    let k: Vec<_> = k.iter().map(|x| x.1).collect();
    assert_eq!(k, [Heading, Body, Body, Body, Boilerplate]);
}
