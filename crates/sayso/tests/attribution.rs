//! Attribution and entities (SPEC §3, §4, §6) on invented sentences: the simple cases as
//! data (`data/attributions.txt`: text and expected source | cue | content), the rest one
//! construction per test.

use sayso::{Analyzer, Attribution, AttributionKind, Document, EntityKind};

fn analyze(text: &str) -> Document<'_> {
    Analyzer::new().analyze(text)
}

/// (source, cue, content) as text, "-" for none.
fn triples<'d>(doc: &'d Document<'_>) -> Vec<(&'d str, &'d str, &'d str)> {
    doc.attributions()
        .iter()
        .map(|a| {
            (
                a.source.map_or("-", |s| s.as_str()),
                a.cue.map_or("-", |s| s.as_str()),
                a.content.as_str(),
            )
        })
        .collect()
}

/// Runs a case file (`## name`, `text:` lines, `=> expected` lines; format in
/// `data/attributions.txt`): `describe` turns each attribution into the line expected.
/// Every failing case is reported by name, with what came out; returns the cases read.
fn run_case_file(data: &str, describe: impl Fn(&Attribution<'_>) -> String) -> usize {
    let analyzer = Analyzer::new();
    let (mut name, mut cases, mut failures) = ("", 0, Vec::new());
    let mut pending: Option<(String, Vec<String>)> = None;
    let mut check = |case: Option<(String, Vec<String>)>, name: &str| {
        let Some((text, want)) = case else { return };
        let doc = analyzer.analyze(&text);
        check_spans(&doc);
        let got: Vec<String> = doc.attributions().iter().map(&describe).collect();
        if got != want {
            failures.push(format!("{name}: {text}\n  want {want:#?}\n  got  {got:#?}"));
        }
    };
    for line in data.lines() {
        if let Some(n) = line.strip_prefix("## ") {
            check(pending.take(), name);
            name = n;
        } else if let Some(t) = line.strip_prefix("text: ") {
            check(pending.take(), name);
            pending = Some((t.replace("\\n", "\n"), Vec::new()));
            cases += 1;
        } else if let Some(w) = line.strip_prefix("=> ") {
            let (_, want) = pending.as_mut().expect("`=>` after a `text:` line");
            want.push(w.to_string());
        }
    }
    check(pending.take(), name);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    cases
}

/// The cases of `data/attributions.txt`: source | cue | content of each attribution.
#[test]
fn constructions_from_the_case_file() {
    let or_dash =
        |s: Option<sayso::Span<'_>>| s.map_or("-".to_string(), |s| s.as_str().to_string());
    let cases = run_case_file(include_str!("data/attributions.txt"), |a| {
        format!(
            "{} | {} | {}",
            or_dash(a.source),
            or_dash(a.cue),
            a.content.as_str()
        )
    });
    assert!(cases >= 30, "only {cases} cases read");
}

/// The cases of `data/speakers.txt`: the resolved speaker of each attribution.
#[test]
fn speakers_from_the_case_file() {
    let cases = run_case_file(include_str!("data/speakers.txt"), |a| {
        a.speaker.clone().unwrap_or_else(|| "-".into())
    });
    assert!(cases >= 10, "only {cases} cases read");
}

fn only<'d, 't>(doc: &'d Document<'t>) -> &'d Attribution<'t> {
    assert_eq!(doc.attributions().len(), 1, "{:#?}", doc.attributions());
    &doc.attributions()[0]
}

fn check_spans(doc: &Document<'_>) {
    let text = doc.text();
    for a in doc.attributions() {
        for s in [Some(a.content), a.source, a.cue, a.via]
            .into_iter()
            .flatten()
        {
            assert_eq!(&text[s.range()], s.as_str());
            assert_eq!(s.as_str().trim(), s.as_str(), "span on whitespace: {s:?}");
        }
    }
    for e in doc.entities() {
        assert_eq!(doc.entity(e.id).map(|x| x.id), Some(e.id));
    }
}

#[test]
fn direct_quote_then_cue() {
    let doc = analyze("“We will go,” she said.");
    let a = only(&doc);
    assert_eq!(a.content.as_str(), "We will go");
    assert_eq!(a.source.unwrap().as_str(), "she");
    assert_eq!(a.cue.unwrap().as_str(), "said");
    assert_eq!(a.kind, AttributionKind::Direct);
    check_spans(&doc);
}

#[test]
fn final_mark_inside_the_quote_stays() {
    let doc = analyze("“Is he afraid?” the envoy asked.");
    let a = only(&doc);
    assert_eq!(a.content.as_str(), "Is he afraid?");
    assert_eq!(a.source.unwrap().as_str(), "the envoy");
}

#[test]
fn inverted_cue() {
    let doc = analyze("“The talks are over,” said the minister.");
    let a = only(&doc);
    assert_eq!(a.source.unwrap().as_str(), "the minister");
    assert_eq!(a.content.as_str(), "The talks are over");
}

#[test]
fn colon_lead_in_with_title() {
    let doc = analyze("Kremlin aide Yuri Ushakov said: “Nothing is agreed yet.”");
    let a = only(&doc);
    assert_eq!(a.source.unwrap().as_str(), "Kremlin aide Yuri Ushakov");
    assert_eq!(a.speaker.as_deref(), Some("Yuri Ushakov"));
    assert_eq!(a.content.as_str(), "Nothing is agreed yet.");
}

#[test]
fn split_quote_is_two_attributions_with_one_speaker() {
    let doc = analyze("“The first part is fine,” Marta Ilves said. “The second part is too.”");
    assert_eq!(
        triples(&doc),
        [
            ("Marta Ilves", "said", "The first part is fine"),
            ("Marta Ilves", "said", "The second part is too.")
        ]
    );
    let ids: Vec<_> = doc.attributions().iter().map(|a| a.entity).collect();
    assert_eq!(ids[0], ids[1]);
    assert!(ids[0].is_some());
}

#[test]
fn new_paragraph_quote_continues_the_speaker() {
    let text =
        "“We are ready,” Minister Olena Kovalenko wrote on Telegram.\n\n“The rest is up to them.”";
    let doc = analyze(text);
    let atts = doc.attributions();
    assert_eq!(atts.len(), 2, "{atts:#?}");
    assert_eq!(atts[1].content.as_str(), "The rest is up to them.");
    assert!(atts[1].cue.is_none() && atts[1].source.is_none());
    assert_eq!(atts[1].speaker.as_deref(), Some("Olena Kovalenko"));
    assert_eq!(atts[1].entity, atts[0].entity);
    assert_eq!(atts[1].channel.as_deref(), Some("Telegram"));
}

#[test]
fn paragraph_quote_continues_into_next_paragraph() {
    let text = "Ana Souza said: “The first paragraph goes on.\n\n“And the second one ends it.”";
    let doc = analyze(text);
    let atts = doc.attributions();
    assert_eq!(atts.len(), 2, "{atts:#?}");
    assert_eq!(atts[0].content.as_str(), "The first paragraph goes on.");
    assert_eq!(atts[1].content.as_str(), "And the second one ends it.");
    assert_eq!(atts[1].speaker.as_deref(), Some("Ana Souza"));
}

#[test]
fn scare_quotes_alone_are_no_attribution() {
    let doc = analyze("The so-called “peace plan” drew sharp criticism in Brussels.");
    assert!(doc.attributions().is_empty(), "{:#?}", doc.attributions());
}

#[test]
fn scare_quotes_in_reported_speech_make_it_mixed() {
    let doc = analyze("Kovalenko said the offer was “perfectly reasonable”.");
    let a = only(&doc);
    assert_eq!(a.kind, AttributionKind::Mixed);
    assert_eq!(a.content.as_str(), "the offer was “perfectly reasonable”");
}

#[test]
fn quoted_words_someone_used_are_direct() {
    let doc = analyze("Trump called him a “dictator” on Wednesday.");
    let a = only(&doc);
    assert_eq!(a.kind, AttributionKind::Direct);
    assert_eq!(a.cue.unwrap().as_str(), "called");
    assert_eq!(a.content.as_str(), "dictator");
}

#[test]
fn noun_phrase_objects_are_no_attribution() {
    for text in [
        "The minister stressed the importance of sanctions.",
        "She noted the progress made in Geneva.",
        "The envoy called for talks.",
        "Kyiv accused Moscow of stalling.",
    ] {
        let doc = analyze(text);
        assert!(
            doc.attributions().is_empty(),
            "{text}: {:#?}",
            doc.attributions()
        );
    }
}

#[test]
fn reported_clause_without_that_and_final_period() {
    let doc = analyze("The mayor said that the bridge will reopen on Monday.");
    let a = only(&doc);
    assert_eq!(a.content.as_str(), "the bridge will reopen on Monday");
    assert_eq!(a.kind, AttributionKind::Indirect);
    assert_eq!(a.source.unwrap().as_str(), "The mayor");
}

#[test]
fn subordinate_clause_ends_at_its_comma() {
    let doc = analyze("While Souza had said the port was open, the army closed it.");
    let a = only(&doc);
    assert_eq!(a.content.as_str(), "the port was open");
    assert_eq!(a.source.unwrap().as_str(), "Souza");
}

#[test]
fn citing_is_via() {
    let doc = analyze(
        "The Financial Times reported, citing five Western officials, that the talks had stalled.",
    );
    let a = only(&doc);
    assert_eq!(a.source.unwrap().as_str(), "The Financial Times");
    assert_eq!(a.via.unwrap().as_str(), "five Western officials");
    assert_eq!(a.content.as_str(), "the talks had stalled");
    let e = doc.entity(a.entity.unwrap()).unwrap();
    assert_eq!(e.kind, EntityKind::Media);
    // A citing or quoting apposition, and a fronted citing phrase.
    for (text, source, via) in [
        (
            "The Wall Street Journal, quoting unnamed officials, said the deliveries had paused.",
            "The Wall Street Journal",
            "unnamed officials",
        ),
        (
            "Citing satellite images, the institute said the troops had advanced.",
            "the institute",
            "satellite images",
        ),
    ] {
        let doc = analyze(text);
        let a = only(&doc);
        assert_eq!(a.source.unwrap().as_str(), source, "{text}");
        assert_eq!(a.via.map(|v| v.as_str()), Some(via), "{text}");
    }
}

#[test]
fn channels_named_in_the_text() {
    let cases = [
        (
            "In his nightly address, Zelenskiy said the front was holding.",
            Some("address"),
        ),
        (
            "The general told a press conference that the bridge was hit.",
            Some("press conference"),
        ),
        (
            "Vance said in an interview with Fox News that talks would go on.",
            Some("Fox News"),
        ),
        ("“We are ready,” Tusk wrote on X.", Some("X")),
        (
            "In a statement, the ministry said the strike killed two people.",
            Some("statement"),
        ),
        (
            "After a meeting in Paris, the minister said the deal was close.",
            None,
        ),
        (
            "Speaking at a news conference in Brussels, Rutte said the alliance was ready.",
            Some("news conference"),
        ),
        (
            "Sergei Ryabkov was quoted by RIA Novosti as saying that Moscow would respond.",
            Some("RIA Novosti"),
        ),
        (
            "The plan was never shown to Moscow, spokesman Dmitry Peskov told state news agency TASS.",
            Some("TASS"),
        ),
        (
            "Peskov told reporters in Moscow that the plan was never shown to him.",
            None,
        ),
    ];
    for (text, want) in cases {
        let doc = analyze(text);
        let a = only(&doc);
        assert_eq!(a.channel.as_deref(), want, "{text}");
    }
}

#[test]
fn added_outlets_may_open_with_a_number() {
    let analyzer = Analyzer::builder()
        .gazetteer("60 Minutes", EntityKind::Media)
        .build()
        .unwrap();
    let doc = analyzer.analyze("The senator told 60 Minutes that the vote would fail.");
    let a = only(&doc);
    assert_eq!(a.channel.as_deref(), Some("60 Minutes"));
}

#[test]
fn first_person_goes_to_the_author() {
    let doc = Analyzer::new().analyze_with_author(
        "I emphasized that the talks must continue. We discussed the next steps.",
        Some("Jane Roe"),
    );
    let a = only(&doc);
    assert_eq!(a.source.unwrap().as_str(), "I");
    assert_eq!(a.content.as_str(), "the talks must continue");
    let e = doc.entity(a.entity.unwrap()).unwrap();
    assert_eq!((e.name.as_str(), e.kind), ("Jane Roe", EntityKind::Author));
    assert_eq!(a.speaker.as_deref(), Some("Jane Roe"));
}

#[test]
fn pronoun_resolves_to_the_last_subject() {
    let doc = analyze(
        "Prime Minister Ana Souza arrived in Lisbon on Monday. She said the talks would resume.",
    );
    let a = only(&doc);
    assert_eq!(a.source.unwrap().as_str(), "She");
    assert_eq!(a.speaker.as_deref(), Some("Ana Souza"));
}

#[test]
fn pronoun_agrees_in_gender_with_its_person() {
    let doc = analyze(
        "Mary Walsh said the plan was sound. John Carter said it would fail. \
         She said the talks would resume.",
    );
    let a = doc
        .attributions()
        .iter()
        .find(|a| a.source.unwrap().as_str() == "She");
    assert_eq!(a.unwrap().speaker.as_deref(), Some("Mary Walsh"));
    // A title marks the gender too; a person of unknown gender agrees with both.
    let doc = analyze(
        "Mrs. Okafor said the plan was sound. Mr. Lind said it would fail. \
         She said the vote would be close. He said it would not.",
    );
    let speaker = |src: &str| {
        doc.attributions()
            .iter()
            .find(|a| a.source.unwrap().as_str() == src)
            .and_then(|a| a.speaker.clone())
    };
    // Titles are dropped from speakers (SPEC §3); the gender they mark stays.
    assert_eq!(speaker("She").as_deref(), Some("Okafor"));
    assert_eq!(speaker("He").as_deref(), Some("Lind"));
}

#[test]
fn transliteration_variants_are_one_entity() {
    let doc = analyze(
        "Volodymyr Zelenskyy arrived in Rome. Zelensky said the front held. \
         Zelenskiy added that more air defence was needed.",
    );
    assert_eq!(doc.attributions().len(), 2);
    let ids: Vec<_> = doc.attributions().iter().map(|a| a.entity).collect();
    assert_eq!(ids[0], ids[1]);
    let e = doc.entity(ids[0].unwrap()).unwrap();
    assert_eq!(e.name, "Volodymyr Zelenskyy");
    assert_eq!(e.kind, EntityKind::Person);
    assert!(e.mentions.len() >= 3, "{:?}", e.mentions);
}

#[test]
fn role_description_links_when_unambiguous() {
    let doc = analyze(
        "Ukrainian President Volodymyr Zelenskyy met the envoy in Kyiv. \
         The Ukrainian leader said the meeting had been useful.",
    );
    let a = only(&doc);
    assert_eq!(a.speaker.as_deref(), Some("Volodymyr Zelenskyy"));
}

#[test]
fn apposition_gives_the_name() {
    let doc = analyze("His chief of staff, Andriy Yermak, said the talks had been useful.");
    let a = only(&doc);
    assert_eq!(
        a.source.unwrap().as_str(),
        "His chief of staff, Andriy Yermak"
    );
    assert_eq!(a.speaker.as_deref(), Some("Andriy Yermak"));
}

#[test]
fn titles_are_dropped_from_speakers() {
    let doc = analyze("US President Donald Trump said the deal was done.");
    assert_eq!(only(&doc).speaker.as_deref(), Some("Donald Trump"));
}

#[test]
fn unnamed_groups_keep_the_mention() {
    let doc = analyze("Several European officials said the sanctions would stay.");
    let a = only(&doc);
    assert_eq!(a.speaker.as_deref(), Some("Several European officials"));
    let e = doc.entity(a.entity.unwrap()).unwrap();
    assert_eq!(e.kind, EntityKind::Group);
}

#[test]
fn gazetteer_bodies() {
    let doc = analyze("The Kremlin said the talks were premature.");
    let a = only(&doc);
    let e = doc.entity(a.entity.unwrap()).unwrap();
    assert_eq!(e.kind, EntityKind::Organization);
}

#[test]
fn attributions_are_sorted_by_content() {
    let doc = analyze(
        "The port is closed, the mayor said. “It will reopen,” she added. Officials said it was safe.",
    );
    let starts: Vec<_> = doc
        .attributions()
        .iter()
        .map(|a| a.content.start())
        .collect();
    assert_eq!(starts.len(), 3);
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn apostrophes_are_not_quotes() {
    let doc = analyze("The voters’ choice was clear, Sanders’ aide said. Don't 'worry' now.");
    let a = only(&doc);
    assert_eq!(a.content.as_str(), "The voters’ choice was clear");
}

#[test]
fn wire_style_quotes() {
    let doc = analyze("''We will not back down,'' Mr. Holt said.");
    let a = only(&doc);
    assert_eq!(a.content.as_str(), "We will not back down");
    assert_eq!(a.source.unwrap().as_str(), "Mr. Holt");
}

#[test]
fn non_ascii_text() {
    let text = "„Wir sind bereit“, said Olaf Brandt. «Готовы», he wrote on Telegram 🇺🇦. \
                Officials in Türkiye said the talks in İstanbul would resume.";
    let doc = analyze(text);
    check_spans(&doc);
    let t = triples(&doc);
    assert_eq!(t[0], ("Olaf Brandt", "said", "Wir sind bereit"));
    assert_eq!(t[1], ("he", "wrote", "Готовы"));
    assert_eq!(t[2].2, "the talks in İstanbul would resume");
    assert_eq!(
        doc.attributions()[1].speaker.as_deref(),
        Some("Olaf Brandt")
    );
    assert_eq!(doc.attributions()[1].channel.as_deref(), Some("Telegram"));
}

#[test]
fn unmatched_mark_loses_only_its_quote() {
    let doc = analyze("He said “no.\n\nThe minister said the talks had failed.");
    check_spans(&doc);
    let last = doc.attributions().last().unwrap();
    assert_eq!(last.content.as_str(), "the talks had failed");
}

#[test]
fn builder_cues_and_aliases() {
    let analyzer = Analyzer::builder()
        .cue("quipped")
        .alias("Zelensky", "Volodymyr Zelensky")
        .build()
        .unwrap();
    let doc = analyzer.analyze("“Not today,” Zelensky quipped.");
    let a = only(&doc);
    assert_eq!(a.cue.unwrap().as_str(), "quipped");
    assert_eq!(a.speaker.as_deref(), Some("Volodymyr Zelensky"));
}

#[test]
fn colon_lead_ins() {
    let doc = analyze("Said Ellis: “Nobody wants this war.”");
    let a = only(&doc);
    assert_eq!(a.source.unwrap().as_str(), "Ellis");
    assert_eq!(a.content.as_str(), "Nobody wants this war.");
    let doc = analyze("Kovalenko: Ceasefire Talks Have Failed");
    assert_eq!(
        triples(&doc),
        [("Kovalenko", ":", "Ceasefire Talks Have Failed")]
    );
    // A dateline is no speaker.
    let doc = analyze("Kyiv: The army shot down 40 drones overnight.");
    assert!(doc.attributions().is_empty(), "{:#?}", doc.attributions());
}

#[test]
fn no_attributions_in_boilerplate() {
    let doc = analyze(
        "The mayor said the bridge will reopen.\n\nAlso Read | Minister says talks failed\n",
    );
    assert_eq!(
        triples(&doc),
        [("The mayor", "said", "the bridge will reopen")],
        "{:?}",
        doc.sentences()
    );
}

#[test]
fn dash_source_after_quote() {
    let doc = analyze("“Peace needs strength.” — Jane Doe");
    let a = only(&doc);
    assert_eq!(a.source.unwrap().as_str(), "Jane Doe");
    assert!(a.cue.is_none());
}

/// No input makes attribution super-linear: these finish quickly (measured
/// separately; the test only checks that they complete and stay sane).
#[test]
fn pathological_inputs_complete() {
    let marks = "“".repeat(50_000) + &"”".repeat(50_000);
    let doc = analyze(&marks);
    check_spans(&doc);

    let one_open = format!("He said “{}", "word and more words said ".repeat(40_000));
    assert!(one_open.len() > 1_000_000);
    let doc = analyze(&one_open);
    check_spans(&doc);

    let apostrophes = "the voters’ ".repeat(100_000);
    let doc = analyze(&apostrophes);
    assert!(doc.attributions().is_empty());

    let straight = "\"a\" '".repeat(50_000);
    let doc = analyze(&straight);
    check_spans(&doc);

    let cues = "said ".repeat(100_000);
    let doc = analyze(&cues);
    check_spans(&doc);

    let commas = "X said, ".repeat(20_000);
    let doc = analyze(&commas);
    check_spans(&doc);
}

#[test]
fn polnear_dev_smoke() {
    // Research data is never copied here; skip when it is absent.
    let base = std::env::var("SAYSO_SHARED").unwrap_or_else(|_| "../../../shared".into());
    let path = std::path::Path::new(&base).join("data/polnear/dev.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return;
    };
    let analyzer = Analyzer::new();
    let mut found = 0;
    for line in data.lines().take(20) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = analyzer.analyze(v["text"].as_str().unwrap());
        check_spans(&doc);
        found += doc.attributions().len();
    }
    assert!(found > 50, "{found}");
}

#[test]
fn findings_of_a_survey_with_a_clause() {
    let doc = analyze("The survey shows that most farmers in Türkiye want cheaper fuel.");
    assert_eq!(
        triples(&doc),
        [(
            "The survey",
            "shows",
            "most farmers in Türkiye want cheaper fuel"
        )]
    );
    // A finding with a noun phrase only is no attribution.
    assert!(
        analyze("The map shows the river and the old bridge.")
            .attributions()
            .is_empty()
    );
    check_spans(&doc);
}

#[test]
fn bare_plural_noun_with_base_verb() {
    let doc = analyze("Police say the driver fled the scene on foot.");
    assert_eq!(
        triples(&doc),
        [("Police", "say", "the driver fled the scene on foot")]
    );
    // A subjunctive after "that" has no speaker.
    let doc = analyze("The envoy left, demanding that Kyiv accept the new border.");
    assert!(
        doc.attributions()
            .iter()
            .all(|a| a.source.map(|s| s.as_str()) != Some("Kyiv"))
    );
}

#[test]
fn quotation_ending_a_longer_clause_is_mixed() {
    let doc = analyze("Raising the levy now “is a reckless idea,” said Ms. Ortega.");
    let a = only(&doc);
    assert_eq!(
        a.content.as_str(),
        "Raising the levy now “is a reckless idea,”"
    );
    assert_eq!(a.source.unwrap().as_str(), "Ms. Ortega");
    assert_eq!(a.kind, AttributionKind::Mixed);
    check_spans(&doc);
}

#[test]
fn quotation_opening_a_longer_clause_is_mixed() {
    let doc = analyze("The senator said “tax relief” and new jobs would follow soon.");
    let a = only(&doc);
    assert_eq!(
        a.content.as_str(),
        "“tax relief” and new jobs would follow soon"
    );
    assert_eq!(a.kind, AttributionKind::Mixed);
}

#[test]
fn tail_followed_by_an_adverbial_clause() {
    let doc =
        analyze("Prices rose sharply in the north, officials said Tuesday, as the storm moved on.");
    assert_eq!(
        triples(&doc),
        [("officials", "said", "Prices rose sharply in the north")]
    );
}

#[test]
fn cue_with_a_phrase_inside_the_clause() {
    let doc = analyze(
        "The deficit grew by 3 percent, the ministry said in a May report, and exports fell by half.",
    );
    let a = only(&doc);
    assert_eq!(a.source.unwrap().as_str(), "the ministry");
    assert_eq!(
        a.content.as_str(),
        "The deficit grew by 3 percent, the ministry said in a May report, and exports fell by half"
    );
}

#[test]
fn relative_clause_content_ends_at_its_comma() {
    let doc = analyze("Adaeze Okoye, who has often said the count was flawed, spoke on Monday.");
    let a = only(&doc);
    assert_eq!(a.source.unwrap().as_str(), "who");
    assert_eq!(a.content.as_str(), "the count was flawed");
    assert_eq!(a.speaker.as_deref(), Some("Adaeze Okoye"));
}

#[test]
fn a_relative_that_is_no_reported_clause() {
    let doc = Analyzer::new().analyze(
        "Officials agreed on Thursday to reopen the grain corridor that was closed in July.",
    );
    assert!(doc.attributions().is_empty(), "{:?}", doc.attributions());
    let doc = Analyzer::new().analyze("Officials said on Thursday that the corridor was closed.");
    assert_eq!(doc.attributions().len(), 1);
    assert_eq!(
        doc.attributions()[0].content.as_str(),
        "the corridor was closed"
    );
}

#[test]
fn crowds_and_counts_are_sources() {
    for (text, source) in [
        ("Forecasters say spending will rise.", "Forecasters"),
        ("But economists say spending will rise.", "economists"),
        ("Others say the plan is too costly.", "Others"),
        (
            "47 percent say the country is on the wrong track.",
            "47 percent",
        ),
        ("One in five say the plan is too costly.", "One in five"),
    ] {
        let doc = analyze(text);
        let a = only(&doc);
        assert_eq!(a.source.unwrap().as_str(), source, "{text}");
        assert_eq!(a.cue.unwrap().as_str().to_lowercase(), "say", "{text}");
    }
}

#[test]
fn asked_with_an_addressee_and_a_question() {
    let doc = analyze("Todd asked Pence whether the audit would end before the election.");
    assert_eq!(
        triples(&doc),
        [(
            "Todd",
            "asked",
            "whether the audit would end before the election"
        )]
    );
    let doc = analyze("When asked which issue mattered most, most voters named the economy.");
    assert_eq!(
        triples(&doc)[0],
        ("-", "asked", "which issue mattered most")
    );
}

#[test]
fn coordinated_said_after_a_comma_shares_the_subject() {
    let doc =
        analyze("In April, the company reported flat growth, and said it was still losing money.");
    assert_eq!(
        triples(&doc),
        [("the company", "said", "it was still losing money")]
    );
}

#[test]
fn a_quotation_ending_its_sentence_ends_the_reported_clause() {
    let text = "The senator said his campaign was “closing really strong.” He noted that crowds had grown.";
    let doc = analyze(text);
    let t = triples(&doc);
    assert_eq!(
        t[0],
        (
            "The senator",
            "said",
            "his campaign was “closing really strong.”"
        )
    );
}

#[test]
fn manner_of_speaking_verbs_are_cues() {
    let doc =
        analyze("“They would have gone to the bipartisan bill,” Senator Adeyemi fumed on Tuesday.");
    assert_eq!(
        triples(&doc),
        [(
            "Senator Adeyemi",
            "fumed",
            "They would have gone to the bipartisan bill"
        )]
    );
    let doc = analyze("As the columnist Jane Doe puts it, “The voters are unmoved.”");
    assert_eq!(
        triples(&doc),
        [(
            "the columnist Jane Doe",
            "puts it",
            "The voters are unmoved."
        )]
    );
}

#[test]
fn a_restrictive_relative_clause_belongs_to_the_source() {
    let doc =
        analyze("Supporters who have heard from the campaign say their priority is to win Iowa.");
    assert_eq!(
        triples(&doc),
        [(
            "Supporters who have heard from the campaign",
            "say",
            "their priority is to win Iowa"
        )]
    );
}

#[test]
fn by_saying_takes_the_subject_of_the_sentence() {
    let doc = analyze(
        "Axelrod extended an olive branch by telling reporters she had been an able opponent.",
    );
    assert_eq!(
        triples(&doc),
        [("Axelrod", "telling", "she had been an able opponent")]
    );
}

/// The source text of the attribution whose cue is `cue`.
fn source_of<'d>(doc: &'d Document<'_>, cue: &str) -> &'d str {
    let t = triples(doc);
    t.iter()
        .find(|x| x.1 == cue)
        .unwrap_or_else(|| panic!("no cue {cue}: {t:#?}"))
        .0
}

#[test]
fn a_participle_after_a_fronted_phrase_takes_the_main_subject() {
    let doc = analyze(
        "Speaking at a school in Dayton, Ohio, Mayor Ines Calder defended the budget, \
         saying the new library would open in May.",
    );
    check_spans(&doc);
    assert_eq!(source_of(&doc, "saying"), "Mayor Ines Calder");
    let doc = analyze(
        "For months, the union has stayed out of the dispute, arguing that the talks \
         were a matter for the council.",
    );
    assert_eq!(source_of(&doc, "arguing"), "the union");
    let doc = analyze(
        "GLASGOW (Reuters) - Minister Tom Briar rejected the plan on Monday, saying it \
         would cost too much.",
    );
    assert_eq!(source_of(&doc, "saying"), "Minister Tom Briar");
}

#[test]
fn a_participle_in_a_fronted_phrase_takes_the_subject_after_it() {
    let doc = analyze(
        "While saying that she respects the court, Judge Mara Olsen criticised the ruling.",
    );
    assert_eq!(source_of(&doc, "saying"), "Judge Mara Olsen");
}

#[test]
fn a_name_ending_in_ing_is_no_participle() {
    let doc = analyze("Ebeling smiled, and said their views had changed during the war.");
    assert_eq!(source_of(&doc, "said"), "Ebeling");
}

#[test]
fn the_addressee_of_telling_is_not_the_source() {
    let doc = analyze(
        "Kovalenko seemed ready to joke about it, telling the crowd, “Some people get \
         carried away.”",
    );
    assert_eq!(source_of(&doc, "telling"), "Kovalenko");
    let doc = analyze("The senator praised the plan as “bold,” telling reporters it would pass.");
    assert_eq!(source_of(&doc, "telling"), "The senator");
}

#[test]
fn a_parenthetical_with_commas_keeps_the_name_before_it() {
    let doc = analyze(
        "Rosa Lind, who lost her home in Aurora, Colorado, in 2012, said the fund had \
         helped her.",
    );
    assert_eq!(source_of(&doc, "said"), "Rosa Lind");
    let doc = analyze("Walter Benz, 58, who lives outside Duluth, says he will vote.");
    assert_eq!(source_of(&doc, "says"), "Walter Benz");
}

#[test]
fn a_closed_quotation_is_not_the_content_of_a_new_sentence() {
    let doc = analyze("Lind shouted: “It is not true.” He said the fund would close in May.");
    let t = triples(&doc);
    assert!(
        t.iter()
            .any(|x| x.1 == "said" && x.2 == "the fund would close in May"),
        "{t:#?}"
    );
}

#[test]
fn with_and_a_participle_names_its_own_subject() {
    let doc = analyze(
        "The mayor has improved her standing, with 40 percent of residents saying they \
         trust her.",
    );
    assert_eq!(source_of(&doc, "saying"), "40 percent of residents");
}

#[test]
fn a_statement_saying_is_one_attribution_of_the_subject() {
    let doc = analyze(
        "Shortly after the ruling, the league issued a statement saying that the season \
         would go on.",
    );
    let t = triples(&doc);
    assert_eq!(t.len(), 1, "{t:#?}");
    assert_eq!(t[0], ("the league", "saying", "the season would go on"));
}

#[test]
fn according_to_after_a_colon_opens_its_clause() {
    let doc =
        analyze("It has not gone unnoticed: According to recent polls, Lind holds a small lead.");
    let t = triples(&doc);
    assert!(
        t.contains(&("recent polls", "According to", "Lind holds a small lead")),
        "{t:#?}"
    );
}

#[test]
fn a_participle_label_before_a_headline_colon_names_no_one() {
    let doc =
        analyze("Revealed: The Mayor Quits After The Budget Vote\n\nThe council met on Monday.");
    assert!(
        doc.attributions()
            .iter()
            .all(|a| a.cue.map(|c| c.as_str()) != Some(":")),
        "{:#?}",
        doc.attributions()
    );
}

#[test]
fn a_party_and_state_tag_stays_in_the_source() {
    let doc = analyze("“The veto will fall,” Senator Ann Holt, R-Ky., said Tuesday.");
    let a = only(&doc);
    assert_eq!(
        a.source.map(|s| s.as_str()),
        Some("Senator Ann Holt, R-Ky.")
    );
    assert_eq!(a.content.as_str(), "The veto will fall");
}

/// Each entity's name and kind, in order.
fn entity_kinds<'d>(doc: &'d sayso::Document<'_>) -> Vec<(&'d str, EntityKind)> {
    doc.entities()
        .iter()
        .map(|e| (e.name.as_str(), e.kind))
        .collect()
}

#[test]
fn capitals_and_agencies_get_their_kinds() {
    let doc = analyze(
        "Kyiv says the talks failed.\n\nThe International Energy Agency said demand fell.\n\n\
         The state news agency said the plant was shut.",
    );
    assert_eq!(
        entity_kinds(&doc),
        [
            ("Kyiv", EntityKind::Organization),
            ("International Energy Agency", EntityKind::Organization),
            ("state news agency", EntityKind::Media),
        ]
    );
}

#[test]
fn countries_are_states_and_a_definite_description_names_the_body_before_it() {
    let doc = analyze(
        "Ukraine says drones hit three regions.\n\nUkraine's air force said 64 drones were \
         downed. The air force said two missiles hit Kharkiv.\n\nThe ministry said it would \
         investigate.",
    );
    assert_eq!(
        entity_kinds(&doc),
        [
            ("Ukraine", EntityKind::Organization),
            ("Ukraine's air force", EntityKind::Organization),
            // No body named before it ends with "ministry".
            ("ministry", EntityKind::Organization),
        ]
    );
    let atts = doc.attributions();
    assert_eq!(atts[1].entity, atts[2].entity);
}

#[test]
fn wrapped_lines_stay_in_one_attribution() {
    let doc = analyze(
        "Trump said he would impose a tariff on goods from\nIndia, citing its purchases of \
         oil, and warned that other buyers could face\nsimilar penalties.\n\nGrowth will \
         fall below\n1%, according to the bank.",
    );
    let got = triples(&doc);
    assert_eq!(
        got,
        [
            (
                "Trump",
                "said",
                "he would impose a tariff on goods from\nIndia"
            ),
            (
                "Trump",
                "warned",
                "other buyers could face\nsimilar penalties"
            ),
            ("the bank", "according to", "Growth will fall below\n1%"),
        ]
    );
}
