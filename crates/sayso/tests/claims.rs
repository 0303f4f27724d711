//! Claim tagging through the public API (SPEC §2): labels with evidence, non-quantities,
//! hedging, the score's order, and invariants on arbitrary text. All sentences are invented.

use proptest::prelude::*;
use sayso::{Analyzer, Claim, Document, Label, SentenceKind};

fn analyzer() -> &'static Analyzer {
    use std::sync::OnceLock;
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(Analyzer::new)
}

/// The claim of the only sentence of `text`.
fn claim<'d, 't>(doc: &'d Document<'t>) -> Option<&'d Claim<'t>> {
    doc.claim_of(0)
}

/// Evidence texts for `label` in the claim of a one-sentence text.
fn evidence(text: &str, label: Label) -> Vec<String> {
    let doc = analyzer().analyze(text);
    claim(&doc)
        .map(|c| {
            c.evidence
                .iter()
                .filter(|e| e.label == label)
                .map(|e| e.span.as_str().to_string())
                .collect()
        })
        .unwrap_or_default()
}

fn labels(text: &str) -> Vec<Label> {
    let doc = analyzer().analyze(text);
    claim(&doc).map(|c| c.labels.clone()).unwrap_or_default()
}

#[test]
fn quantity_evidence_is_the_number_phrase() {
    assert_eq!(
        evidence("Almost 60 shells hit the depot overnight.", Label::Quantity),
        ["Almost 60 shells"]
    );
    assert_eq!(
        evidence("The bridge will cost €2.4 billion.", Label::Quantity),
        ["€2.4 billion"]
    );
    assert_eq!(
        evidence(
            "Turnout reached 71 percent of registered voters.",
            Label::Quantity
        ),
        ["71 percent of registered voters"]
    );
    assert_eq!(
        evidence(
            "The floods displaced hundreds of thousands in Sindh.",
            Label::Quantity
        ),
        ["hundreds of thousands"]
    );
}

#[test]
fn dates_names_and_labels_are_no_quantity() {
    for text in [
        "The G20 summit opened in Rome on March 3, 2025.",
        "Soldiers of the 110th Brigade held the line near Pokrovsk.",
        "The envoys discussed a 28-point plan in Geneva.",
        "The train left Lviv at 5:30 on Friday.",
        "In 2019, the council adopted Section 5 of the charter.",
        "Both sides remember 9/11 differently.",
    ] {
        assert!(
            !labels(text).contains(&Label::Quantity),
            "{text}: {:?}",
            evidence(text, Label::Quantity)
        );
    }
}

#[test]
fn comparison_causal_prediction_rule() {
    let c = evidence("It was the deadliest storm since 1998.", Label::Comparison);
    assert!(c.iter().any(|e| e.contains("deadliest")), "{c:?}");
    assert_eq!(
        evidence("Bread prices rose because of the drought.", Label::Causal),
        ["because of"]
    );
    assert!(labels("Bread prices rose because of the drought.").contains(&Label::Comparison));
    let p = evidence(
        "The ferry service will resume on Monday.",
        Label::Prediction,
    );
    assert!(p.iter().any(|e| e.starts_with("will resume")), "{p:?}");
    let r = evidence("The accord requires both armies to pull back.", Label::Rule);
    assert!(r.iter().any(|e| e.contains("requires")), "{r:?}");
    let r = evidence(
        "The new statute would ban night flights over the city.",
        Label::Rule,
    );
    assert!(r.iter().any(|e| e.contains("statute would ban")), "{r:?}");
    assert!(
        !labels("The new statute would ban night flights over the city.")
            .contains(&Label::Prediction)
    );
}

#[test]
fn event_position_opinion() {
    let e = evidence(
        "The mayor met the delegation in Odesa on Tuesday.",
        Label::Event,
    );
    assert!(
        e.iter().any(|x| x.contains("mayor met the delegation")),
        "{e:?}"
    );
    let p = evidence(
        "The farmers’ union opposes the new tariff.",
        Label::Position,
    );
    assert!(p.iter().any(|x| x.contains("opposes")), "{p:?}");
    assert_eq!(
        evidence("It was a wonderful concert.", Label::Opinion),
        ["wonderful"]
    );
    // Saying is no event; a stance verb is a position (SPEC §6).
    assert!(!labels("The spokesman stressed that peace matters.").contains(&Label::Event));
    assert_eq!(labels("The senator rejected the offer."), [Label::Position]);
    // A negated past action is still one.
    assert!(labels("The council didn't approve the budget.").contains(&Label::Event));
    // A speech verb with a noun phrase of stance is a position (SPEC §6); a call that
    // took place is an event.
    assert_eq!(
        labels("The mayor stressed the importance of the new bridge."),
        [Label::Position]
    );
    assert!(labels("The mayor had a phone call with the governor.").contains(&Label::Event));
    // "as X put it" is a way of saying, not an action.
    assert!(!labels("As the mayor put it, the bridge is a lifeline.").contains(&Label::Event));
}

#[test]
fn present_actions_with_an_object_are_events() {
    // An action happening now, with what it acts on, is an event; a bare present
    // progressive characterises and is not.
    assert!(
        labels("The navy is escorting the tankers through the strait.").contains(&Label::Event)
    );
    assert!(labels("Farmers are blocking roads near the capital.").contains(&Label::Event));
    assert_eq!(
        evidence("We’re shipping generators to the region.", Label::Event).len(),
        1
    );
    assert!(!labels("The ministry is stalling.").contains(&Label::Event));
    // "going to" is a plan, not an action under way.
    assert!(!labels("They are going to build the dam.").contains(&Label::Event));
}

#[test]
fn superlatives_and_records_are_comparisons() {
    assert_eq!(
        evidence(
            "Kent has the wealthiest villages in the county.",
            Label::Comparison
        ),
        ["the wealthiest villages"]
    );
    assert_eq!(
        evidence(
            "Norway was the first country to ban the trawlers.",
            Label::Comparison
        ),
        ["the first country to ban"]
    );
    // An ordinal or a bare "first" ranks nothing.
    assert!(!labels("The first round of talks ended.").contains(&Label::Comparison));
    assert!(!labels("The priest blessed the boats.").contains(&Label::Comparison));
}

#[test]
fn trends_under_way_are_comparisons() {
    assert!(labels("Rents are going up in every district.").contains(&Label::Comparison));
    assert!(labels("The toll on the bridge goes down next year.").contains(&Label::Comparison));
}

#[test]
fn comparisons_need_something_compared() {
    // A sentence opening with "the first time" sets a time; "for the first time" ranks.
    assert!(
        !labels("The first time the choir sang there, it rained.").contains(&Label::Comparison)
    );
    assert!(
        labels("The choir sang in the cathedral for the first time.").contains(&Label::Comparison)
    );
    // A bare comparative after "a" describes; with "than" it compares.
    assert!(!labels("The mayor wants to reach a wider audience.").contains(&Label::Comparison));
    assert!(
        labels("The mayor reached a wider audience than her rival.").contains(&Label::Comparison)
    );
    // A trend participle naming a thing after a preposition asserts no change.
    assert!(
        !labels("The union asked for increased staffing at the depot.")
            .contains(&Label::Comparison)
    );
    assert!(labels("Staffing at the depot increased sharply.").contains(&Label::Comparison));
    // A bare trend verb opening a list item is a demand, not a change.
    assert!(
        !labels("We call on the council to:\n• increase the number of night buses;")
            .contains(&Label::Comparison)
    );
    // Records and contrasts without "than".
    assert!(
        labels("It was the first such strike at the port since 1984.").contains(&Label::Comparison)
    );
    assert!(
        labels("The bakery’s oven is the first of its kind in Wales.").contains(&Label::Comparison)
    );
    assert!(labels("Her view makes her an outlier in the party.").contains(&Label::Comparison));
}

#[test]
fn judgements_blame_and_insults_are_opinions() {
    for s in [
        "The coach called the referee unfit and unstable.",
        "Critics said the rollout was a fiasco.",
        "The columnist mocked the council’s new logo.",
        "Their plan is reckless and divisive.",
        "It was a truly inspiring performance.",
        "The tabloid ran a shameless smear on the singer.",
    ] {
        assert!(labels(s).contains(&Label::Opinion), "{s}");
    }
    assert_eq!(
        evidence("The report called the audit deeply flawed.", Label::Opinion),
        ["deeply flawed"]
    );
    // Blame keeps its causal reading and is an opinion too (SPEC §6).
    let l = labels("The farmers blamed the shortage on the new tariff rules.");
    assert!(l.contains(&Label::Opinion), "{l:?}");
    let l = labels("Locals blamed on the dam the flooding of the valley.");
    assert!(
        l.contains(&Label::Opinion) && l.contains(&Label::Causal),
        "{l:?}"
    );
    // A word in capitals for emphasis is no name.
    assert!(labels("He promised to end the SHAMEFUL waste.").contains(&Label::Opinion));
    // An adjective-like word between a determiner and a preposition is a noun.
    assert!(!labels("The rebels resumed their offensive in the hills.").contains(&Label::Opinion));
    assert!(labels("The rebels sent an offensive letter.").contains(&Label::Opinion));
}

#[test]
fn states_and_declarations_are_not_events() {
    // A participle after present "is/are" is mostly a state.
    assert!(!labels("The library is located in the old mill.").contains(&Label::Event));
    assert!(!labels("Most of the lambs are born in spring.").contains(&Label::Event));
    // ... unless it is dated: a caption reports one occurrence.
    assert!(labels("The skipper is pictured at the harbour on Friday.").contains(&Label::Event));
    // A passive gerund after a preposition reports nothing.
    assert!(
        !labels("The drivers fear the risk of being fined at the border.").contains(&Label::Event)
    );
    assert!(labels("The drivers were being fined at the border.").contains(&Label::Event));
    // ... but the outcome at risk is a possible future.
    assert!(
        labels("If the bridge closed, the drivers are at risk of being fined.")
            .contains(&Label::Prediction)
    );
    // A past participle after "was" still narrates.
    assert!(labels("The skipper was injured at the harbour.").contains(&Label::Event));
    // "-ing" after a word of degree is an adjective.
    assert!(!labels("It was deeply moving to hear the choir.").contains(&Label::Event));
    // Making something clear is saying it (SPEC §6).
    assert!(
        !labels("The coach has made it clear that he wants a new keeper.").contains(&Label::Event)
    );
}

#[test]
fn labels_combine_and_come_in_spec_order() {
    let l = labels("The army fired more than 300 missiles at Kharkiv last week.");
    assert_eq!(l, [Label::Quantity, Label::Event]);
}

#[test]
fn hedges() {
    for text in [
        "The general was reportedly dismissed on Monday.",
        "Fuel prices could double by spring.",
        "The convoy may have been attacked near the border.",
        "It remains unclear whether the ministry signed the deal.",
    ] {
        let doc = analyzer().analyze(text);
        assert!(claim(&doc).is_some_and(|c| c.hedged), "{text}");
    }
    for text in [
        "The firm could not explain the loss of 300 jobs.",
        "The minister will visit Kyiv on Friday.",
    ] {
        let doc = analyzer().analyze(text);
        assert!(claim(&doc).is_some_and(|c| !c.hedged), "{text}");
    }
}

#[test]
fn questions_and_feelings_score_below_facts() {
    let pairs = [
        (
            "Unemployment fell to 4.1 percent in March, the lowest level since 2001.",
            "I think this is a wonderful day for all of us.",
        ),
        (
            "The army fired 40 missiles at Kharkiv on Sunday.",
            "Will they really come back tomorrow?",
        ),
        (
            "Parliament passed the budget by 280 votes to 120 on Thursday.",
            "We must stay strong and keep going.",
        ),
    ];
    for (fact, talk) in pairs {
        let a = analyzer().analyze(fact);
        let b = analyzer().analyze(talk);
        let sa = claim(&a).map_or(0.0, |c| c.score);
        let sb = claim(&b).map_or(0.0, |c| c.score);
        assert!(sa > sb, "{fact} ({sa}) vs {talk} ({sb})");
        assert!(claim(&a).is_some_and(|c| c.checkworthy), "{fact}");
        assert!(!claim(&b).is_some_and(|c| c.checkworthy), "{talk}");
    }
}

#[test]
fn builder_words_extend_the_lexicons() {
    let plain = analyzer().analyze("The ballet was splendiferous.");
    assert!(plain.claims().is_empty());
    let a = Analyzer::builder()
        .label_word(Label::Opinion, "splendiferous")
        .hedge("word has it")
        .build()
        .unwrap();
    let doc = a.analyze("The ballet was splendiferous.");
    assert_eq!(doc.claims()[0].labels, [Label::Opinion]);
    let doc = a.analyze("Word has it the mayor resigned.");
    assert!(doc.claims()[0].hedged);
}

#[test]
fn non_ascii_text_keeps_evidence_on_char_boundaries() {
    let text = "Türkiye’s navy seized 12 vessels near Ізмаїл 🚢 on “Friday”, officials said.";
    let doc = analyzer().analyze(text);
    let c = claim(&doc).expect("a claim");
    assert!(c.labels.contains(&Label::Quantity), "{:?}", c.labels);
    for e in &c.evidence {
        assert_eq!(&text[e.span.range()], e.span.as_str());
    }
}

/// Sentences to build random documents from: facts, talk, furniture, odd characters.
const PIECES: &[&str] = &[
    "The army fired 40 missiles at Kharkiv on Sunday.",
    "“We will go,” she said.",
    "Prices rose because of the blockade.",
    "Share this article",
    "Read more",
    "Türkiye’s envoy met Зеленський in Kyiv.",
    "It was a remarkable film!",
    "Will they come?",
    "1. Skip to content",
    "The treaty requires both sides to withdraw.",
    "🚀 Nearly 3,000 homes lost power",
    "I think it could work.",
    "G20",
    "—",
    "\n\n",
    " ",
    "\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn claims_point_at_real_sentences(parts in prop::collection::vec(0..PIECES.len(), 0..12),
                                      noise in "[a-zA-Z0-9 .,;:!?“”'’()\\-–—é€$%\n]{0,40}") {
        let mut text = String::new();
        for (k, p) in parts.iter().enumerate() {
            text.push_str(PIECES[*p]);
            text.push(if k % 3 == 0 { '\n' } else { ' ' });
        }
        text.push_str(&noise);
        let doc = analyzer().analyze(&text);
        let mut last = None;
        for c in doc.claims() {
            // Sorted by sentence, one claim per sentence.
            prop_assert!(last.is_none_or(|l| l < c.sentence));
            last = Some(c.sentence);
            let s = &doc.sentences()[c.sentence];
            prop_assert_ne!(s.kind(), SentenceKind::Boilerplate);
            prop_assert!(!c.labels.is_empty());
            let mut sorted = c.labels.clone();
            sorted.sort();
            sorted.dedup();
            prop_assert_eq!(&sorted, &c.labels);
            prop_assert!((0.0..=1.0).contains(&c.score));
            prop_assert_eq!(c.checkworthy, c.score >= 0.5 && c.labels.iter().any(|l| l.is_factual()));
            for e in &c.evidence {
                prop_assert!(c.labels.contains(&e.label));
                prop_assert!(e.span.start() >= s.start() && e.span.end() <= s.end());
                prop_assert!(!e.span.is_empty());
                prop_assert_eq!(&text[e.span.range()], e.span.as_str());
                prop_assert!(!e.span.as_str().starts_with(char::is_whitespace));
                prop_assert!(!e.span.as_str().ends_with(char::is_whitespace));
            }
            for l in &c.labels {
                prop_assert!(c.evidence.iter().any(|e| e.label == *l));
            }
        }
    }
}

#[test]
fn past_actions_after_pronouns_and_relatives_are_events() {
    // A subject pronoun makes an "-ed" form a past tense; a relative pronoun too when an
    // object follows.
    assert!(labels("They expanded the port last spring.").contains(&Label::Event));
    assert_eq!(
        evidence("She is the one who reopened the clinic.", Label::Event).len(),
        1
    );
    assert!(labels("We are the party that lowered the fees.").contains(&Label::Event));
    // Irregular past tenses of the grammar's list; a progressive perfect with an object.
    assert!(labels("The rebels hid the weapons in a school.").contains(&Label::Event));
    assert!(labels("The city has been paying the contractors late.").contains(&Label::Event));
    assert!(labels("The province is paying.").contains(&Label::Event));
    // A past tense that ends its clause; "did" with an object; a rule verb with no law
    // before it narrates.
    assert!(labels("The old levees already collapsed.").contains(&Label::Event));
    assert!(labels("The auditors did a review of the accounts.").contains(&Label::Event));
    assert!(!labels("Did the board agree?").contains(&Label::Event));
    assert!(labels("The council reduced the parking fees.").contains(&Label::Event));
    assert!(labels("The treaty reduced the tariffs.").contains(&Label::Rule));
    // Nouns in "-thing" are no progressives; participles after their noun no past tense.
    assert!(!labels("It's something you can fix.").contains(&Label::Event));
    assert!(!labels("It costs less than the other plans combined.").contains(&Label::Event));
    // Saying with a noun of speech is still saying.
    assert!(!labels("The mayor made a statement about the flood.").contains(&Label::Event));
}

#[test]
fn more_comparisons_records_and_shares() {
    // Any "-est" superlative after "the"; nouns in "-est" are none.
    let c = evidence(
        "It was one of the calmest winters on file.",
        Label::Comparison,
    );
    assert!(
        c.iter().any(|e| e.starts_with("the calmest winters")),
        "{c:?}"
    );
    assert!(!labels("The protest ended at noon.").contains(&Label::Comparison));
    assert!(!labels("Her eldest son runs the farm.").contains(&Label::Comparison));
    // A comparative stated with "be"; an evaluative word after it is a judgement.
    assert!(labels("The roads are less safe at night.").contains(&Label::Comparison));
    assert!(!labels("It is more important to win.").contains(&Label::Comparison));
    assert!(!labels("The plan is more like a wish list.").contains(&Label::Comparison));
    // Records against all the past.
    assert!(labels("Nobody has ever seen floods like these.").contains(&Label::Comparison));

    // Rankings; hyphenated fractions.
    assert!(labels("The county ranks third in wheat output.").contains(&Label::Comparison));
    assert!(!labels("She joined the ranks of the jury.").contains(&Label::Comparison));
    assert_eq!(
        evidence("One-third of the seats are vacant.", Label::Quantity),
        ["One-third of the seats"]
    );
    // "half" before a determiner is a share.
    assert_eq!(
        evidence(
            "The state pays half the cost of the program.",
            Label::Quantity
        ),
        ["half the cost"]
    );
}

#[test]
fn records_of_actions_are_events() {
    // An emphatic "did" and "did" with a pronoun object report a past action; an
    // ellipsis ("so did I") or a question does not.
    assert!(labels("I did vote to close the tax loopholes.").contains(&Label::Event));
    assert!(labels("We did it without the neighbouring states.").contains(&Label::Event));
    assert!(!labels("So did I.").contains(&Label::Event));
    assert!(!labels("Did the mayor vote for it?").contains(&Label::Event));
    // Negated passives and irregular participles after a perfect auxiliary.
    assert!(labels("The fund wasn't created as a loan program.").contains(&Label::Event));
    assert!(labels("The pipes had begun to leak.").contains(&Label::Event));
    assert!(labels("Dozens of tenants have come forward.").contains(&Label::Event));
    assert!(labels("We've never had a strike at the plant.").contains(&Label::Event));
    // A rule verb's progressive with no law before it narrates; "taking over" acts.
    assert!(labels("We're giving them the old buses.").contains(&Label::Event));
    assert!(labels("The law is giving tenants a voice.").contains(&Label::Rule));
    assert!(labels("The militia is taking over the port.").contains(&Label::Event));
    // "'s" is "has" when an object follows; "it's done." is a state.
    assert!(labels("The county that's taken the lead in repairs.").contains(&Label::Event));
    assert!(!labels("It's done.").contains(&Label::Event));
    // Posting a media object is an action; posting words is speech.
    assert!(labels("She posted a video of the flooded street.").contains(&Label::Event));
    assert!(labels("The mayor tweeted photos of the crowd.").contains(&Label::Event));
    assert!(!labels("The mayor posted that the road is open.").contains(&Label::Event));
    // An event noun dated right after it happened; without the date it is only named.
    assert!(labels("Their last meeting in June 2021 ended early.").contains(&Label::Event));
    assert!(
        evidence(
            "Since the shelling on Monday, the two mayors have stayed apart.",
            Label::Event
        )
        .iter()
        .any(|e| e.contains("shelling on Monday"))
    );
    assert!(!labels("Their meeting seemed pleasant enough.").contains(&Label::Event));
}

#[test]
fn plans_with_have_are_predictions_counterfactuals_are_not() {
    assert!(labels("We're going to have free trade with them.").contains(&Label::Prediction));
    assert!(labels("By May the city will have spent the fund.").contains(&Label::Prediction));
    assert!(!labels("The city would have spent the fund.").contains(&Label::Prediction));
}

#[test]
fn questions_to_the_listener_report_nothing() {
    assert!(!labels("Have you noticed the new prices?").contains(&Label::Event));
    assert!(!labels("Senator, did you read the audit?").contains(&Label::Event));
    assert!(labels("You noticed the new prices.").contains(&Label::Event));
}

#[test]
fn judging_superlatives_and_stated_trends() {
    // A superlative of an adjective of quality judges; a measurable one ranks.
    let l = labels("They are the brightest members of the council.");
    assert!(
        !l.contains(&Label::Comparison) && l.contains(&Label::Opinion),
        "{l:?}"
    );
    assert!(labels("They are the wealthiest members of the council.").contains(&Label::Comparison));
    // Trends with a word of degree; "record" levels.
    assert!(labels("The price of grain has been way down.").contains(&Label::Comparison));
    assert!(labels("The port handled record numbers of ships.").contains(&Label::Comparison));
    assert!(labels("Rents started to go up.").contains(&Label::Comparison));
}
