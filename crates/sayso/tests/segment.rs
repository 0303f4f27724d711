//! Sentence splitting through the public API: builder extensions, kinds, and cost that
//! stays linear on hostile input (a megabyte of dots, quotes or line breaks, one
//! ten-megabyte line).

use std::time::{Duration, Instant};

use sayso::{Analyzer, SentenceKind};

fn texts(analyzer: &Analyzer, text: &str) -> Vec<String> {
    analyzer
        .split(text)
        .iter()
        .map(|s| s.text().to_string())
        .collect()
}

#[test]
fn builder_lists_reach_the_splitter() {
    let plain = Analyzer::new();
    let text = "Cllr. Roe spoke. Insp. Doe left.";
    assert_eq!(texts(&plain, text).len(), 2);
    let custom = Analyzer::builder()
        .abbreviation("Pct.")
        .title("Sheriff.")
        .boilerplate_phrase("=Tip us off")
        .build()
        .unwrap();
    assert_eq!(
        texts(&custom, "Turnout rose 4 Pct. Roe won."),
        ["Turnout rose 4 Pct. Roe won."]
    );
    let doc = custom.split(
        "The vote was held on Monday in the old town hall of the city.\n\nTip us off\n\nRoe won.",
    );
    assert_eq!(doc[1].kind(), SentenceKind::Boilerplate);
}

#[test]
fn byte_spans_on_non_ascii_text() {
    let text = "«Ми чекаємо.» Він пішов. Türkiye — “evet.” Tamam.";
    let s = Analyzer::new().split(text);
    for x in &s {
        assert_eq!(&text[x.start()..x.end()], x.text());
    }
    let t: Vec<&str> = s.iter().map(|x| x.text()).collect();
    assert_eq!(
        t,
        ["«Ми чекаємо.»", "Він пішов.", "Türkiye — “evet.”", "Tamam."]
    );
}

/// Best of three runs: the machine may be busy.
fn time(analyzer: &Analyzer, text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(analyzer.split(text));
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// Splitting 32× the text takes about 32× the time, never 1000× (quadratic); the bound
/// leaves room for a busy machine.
fn assert_linear(unit: &str) {
    let a = Analyzer::new();
    let small = unit.repeat(16 * 1024 / unit.len() + 1);
    let large = unit.repeat(512 * 1024 / unit.len() + 1);
    let (ts, tl) = (time(&a, &small), time(&a, &large));
    let ratio = tl.as_secs_f64() / ts.as_secs_f64().max(1e-6);
    assert!(
        ratio < 200.0,
        "{unit:?}: 512 KB took {tl:?}, 16 KB {ts:?} (×{ratio:.1})"
    );
}

#[test]
fn linear_on_hostile_input() {
    for unit in [
        ".",
        ". ",
        "...",
        "… ",
        "\"",
        "“",
        "” ",
        "\n",
        "\n\n",
        " \n",
        "a.",
        "A. ",
        "U.S. ",
        "“Why? ",
        "(... ",
        "Mr. ",
        "1. ",
        "x",
        "Read more\n",
        "•\n",
        "\r",
        "\u{a0}",
    ] {
        assert_linear(unit);
    }
}

#[test]
fn a_single_long_line() {
    let a = Analyzer::new();
    let line = "word ".repeat(2 * 1024 * 1024);
    let s = a.split(&line);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].end(), line.len() - 1);
    let dots = ".".repeat(10 * 1024 * 1024);
    assert_eq!(a.split(&dots).len(), 1);
}

#[test]
fn many_sentences_many_lines() {
    let a = Analyzer::new();
    let text = "He came. She left!\nThey stayed?\n\n".repeat(20_000);
    let s = a.split(&text);
    assert_eq!(s.len(), 60_000);
    assert!(s.iter().all(|x| x.kind() != SentenceKind::Heading));
}

#[test]
fn wrapped_lines_ending_with_a_joiner_run_on() {
    let a = Analyzer::new();
    let text = "Trump said he would impose a 25% tariff on goods from\nIndia, citing its \
                purchases of Russian oil, and warned that other buyers could face\nsimilar \
                penalties.";
    assert_eq!(texts(&a, text).len(), 1, "{:?}", texts(&a, text));
    // A line without a joiner at its end still stands alone before a capital.
    assert_eq!(
        texts(&a, "Talks in Geneva\nThe envoys met on Monday.").len(),
        2
    );
}

#[test]
fn a_number_after_a_line_break_continues_the_sentence() {
    let a = Analyzer::new();
    assert_eq!(
        texts(&a, "Growth will fall below\n1% this year, the bank said.").len(),
        1
    );
    // A numbered list item still starts its own line.
    assert_eq!(texts(&a, "Top stories\n2. Talks resume in Geneva").len(), 2);
}

#[test]
fn a_sentence_with_nothing_to_read_is_boilerplate() {
    let doc = Analyzer::new().split("Air defense downed 97 drones, the Air Force said. 🧵");
    assert_eq!(doc.len(), 2);
    assert_eq!(doc[1].kind(), SentenceKind::Boilerplate);
}

#[test]
fn teasers_after_a_read_more_marker_are_boilerplate() {
    // The marker's sentence runs on to the first teaser; the zone still opens.
    let text = "Troops shelled the port on Monday, the governor said. Two people were hurt.\n\n\
                Read more:\nWhy the grid is so vulnerable\nExplainer: What is in the plan?\n";
    let doc = Analyzer::new().split(text);
    let kinds: Vec<SentenceKind> = doc.iter().map(|s| s.kind()).collect();
    assert!(
        kinds[..2].iter().all(|&k| k != SentenceKind::Boilerplate),
        "{kinds:?}"
    );
    assert!(
        kinds[2..].iter().all(|&k| k == SentenceKind::Boilerplate),
        "{kinds:?}"
    );
}

#[test]
fn a_short_label_above_a_list_is_a_heading() {
    let text = "The council met on Monday.\n\nKey points\n- Rents are frozen\n- Buses run later\n";
    let doc = Analyzer::new().split(text);
    let label = doc
        .iter()
        .find(|s| s.text() == "Key points")
        .expect("a sentence");
    assert_eq!(label.kind(), SentenceKind::Heading);
    assert!(
        doc.iter()
            .any(|s| s.text() == "- Rents are frozen" && s.kind() == SentenceKind::Body)
    );
}

#[test]
fn a_wrapped_line_runs_on_into_a_quotation_that_opens_lowercase() {
    let text = "Graham wrote on X that Congress would vote on the bill\n\"within weeks.\"\n\
                \"We will vote,\" he said.";
    let got = texts(&Analyzer::new(), text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].ends_with("\"within weeks.\""), "{got:?}");
}

#[test]
fn a_prompt_closing_a_paragraph_is_boilerplate_but_a_quotation_is_not() {
    let doc = Analyzer::new().split(
        "Senate to vote on sanctions\n\n\
         The senator said the vote would come within weeks. Read more at apnews.com/ukraine.\n\n\
         The mayor smiled at the crowd. \"Listen.\"",
    );
    let kinds: Vec<(&str, SentenceKind)> = doc.iter().map(|s| (s.text(), s.kind())).collect();
    assert_eq!(
        kinds[2],
        (
            "Read more at apnews.com/ukraine.",
            SentenceKind::Boilerplate
        )
    );
    assert_eq!(kinds[4], ("\"Listen.\"", SentenceKind::Body));
}
