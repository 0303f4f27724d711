//! Features of the check-worthiness score: the tagger's own findings (labels, number
//! kinds, dates, named actors, hedges, question form, grammatical person) and hashed word
//! uni- and bigrams. Every feature is binary; a sentence is the list of its active indexes.

use super::labels::Found;
use super::lexicons::{class, person};
use super::sentence::{View, flag};
use crate::document::Label;

/// Number of weights: named features first, then the hashed n-gram space.
pub(crate) const DIM: usize = 1 << 18;
const NAMED: usize = 64;

/// Indexes of the named features (stable: the weights file depends on them).
mod f {
    pub(super) const BIAS: u32 = 0;
    pub(super) const LABEL: u32 = 1; // + label index (8)
    pub(super) const NO_LABEL: u32 = 9;
    pub(super) const FACTUAL: u32 = 10;
    pub(super) const MONEY: u32 = 11;
    pub(super) const PERCENT: u32 = 12;
    pub(super) const COUNT: u32 = 13;
    pub(super) const DATE: u32 = 14;
    pub(super) const HEDGED: u32 = 15;
    pub(super) const QUESTION: u32 = 16;
    pub(super) const EXCLAMATION: u32 = 17;
    pub(super) const FIRST_SINGULAR: u32 = 18;
    pub(super) const FIRST_PLURAL: u32 = 19;
    pub(super) const SECOND: u32 = 20;
    pub(super) const NAMES: u32 = 21; // + 0, 1, 2 for 1, 2, 3+ names
    pub(super) const LENGTH: u32 = 24; // + bucket (5)
    pub(super) const CONDITIONAL: u32 = 29;
    pub(super) const FUTURE: u32 = 30;
    pub(super) const GENERIC_EVENT: u32 = 31;
    pub(super) const QUOTED: u32 = 32;
    pub(super) const HEADLINE: u32 = 33;
    pub(super) const ONLY_STANCE: u32 = 34;
    pub(super) const DIGITS: u32 = 35;
    pub(super) const LABELS_2: u32 = 36;
    pub(super) const LABELS_3: u32 = 37;
    pub(super) const SPEAKER_ACTION: u32 = 38;
    pub(super) const NARRATED_FACT: u32 = 39;
    pub(super) const SPEAKER_QUANTITY: u32 = 40;
    pub(super) const NEGATION: u32 = 41;
    pub(super) const THIRD_PERSON: u32 = 42;
    pub(super) const THIRD_ACTION: u32 = 43;
    pub(super) const QUANTITY_COMPARISON: u32 = 44;
    pub(super) const QUANTITIES_2: u32 = 45;
    pub(super) const FACT_AND_JUDGEMENT: u32 = 46;
}

/// FNV-1a over a lowercase word's bytes; digits fold to `0`.
fn hash_word(lower: &str, seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for &b in lower.as_bytes() {
        let b = if b.is_ascii_digit() { b'0' } else { b };
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn bucket(h: u64) -> u32 {
    (NAMED as u64 + h % (DIM - NAMED) as u64) as u32
}

/// What the tagger asks of a sentence's words besides its features, found in the same
/// pass over its tokens.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Talk {
    /// Some token is `?`.
    pub(crate) question: bool,
    /// Some word is in the first or second person ("we", "your", "I'm").
    pub(crate) addressed: bool,
}

/// "I", "we", "my", "you'll", …: talk in the first or second person.
fn addresses(w: &str) -> bool {
    matches!(
        w.as_bytes().first(),
        Some(b'i' | b'w' | b'm' | b'o' | b'u' | b'y')
    ) && (matches!(w, "i" | "we" | "my" | "our" | "me" | "us" | "you" | "your")
        || w.starts_with("i'")
        || w.starts_with("we'")
        || w.starts_with("you'"))
}

/// The active features of the sentence in `v` with findings `found`, in `out` (a repeated
/// n-gram counts once per occurrence).
pub(crate) fn extract(v: &mut View<'_, '_>, found: &Found<'_>, out: &mut Vec<u32>) -> Talk {
    out.clear();
    out.push(f::BIAS);
    let mask = found.mask();
    let count = mask.count_ones();
    for (k, l) in Label::ALL.iter().enumerate() {
        if mask & (1 << (*l as u8)) != 0 {
            out.push(f::LABEL + k as u32);
        }
    }
    let factual = Label::ALL
        .iter()
        .any(|l| l.is_factual() && mask & (1 << (*l as u8)) != 0);
    if count == 0 {
        out.push(f::NO_LABEL);
    }
    if factual {
        out.push(f::FACTUAL);
    } else if count > 0 {
        out.push(f::ONLY_STANCE);
    }
    if count == 2 {
        out.push(f::LABELS_2);
    } else if count >= 3 {
        out.push(f::LABELS_3);
    }
    let s = &found.signals;
    for (on, id) in [
        (s.money > 0, f::MONEY),
        (s.percent > 0, f::PERCENT),
        (s.counts > 0, f::COUNT),
        (s.dates > 0, f::DATE),
        (found.hedged, f::HEDGED),
        (s.conditional, f::CONDITIONAL),
        (s.modal_future > 0, f::FUTURE),
        (s.generic_events > 0, f::GENERIC_EVENT),
        (v.heading_like(), f::HEADLINE),
    ] {
        if on {
            out.push(id);
        }
    }
    let (mut names, mut digits, mut quoted) = (0u32, false, false);
    let (mut question, mut exclamation) = (false, false);
    let mut talk = Talk::default();
    let mut persons = [false; 4];
    let (mut negated, mut third) = (false, false);
    let mut prev: Option<u64> = None;
    let mut words = 0usize;
    // At most a unigram and a bigram per token.
    out.reserve(2 * v.len());
    let (first, heading) = (v.first_token(), v.heading_like());
    let (texts, lows, flags) = v.columns();
    for (i, ((&t, &w), &fl)) in texts.iter().zip(lows).zip(flags).enumerate() {
        talk.question |= t == "?";
        let punct = fl & flag::PUNCT != 0;
        if punct {
            match t {
                "?" => question = true,
                "!" => exclamation = true,
                "\"" | "“" | "”" => quoted = true,
                _ => {}
            }
        } else {
            words += 1;
            digits |= fl & flag::NUMBER != 0;
        }
        if fl & flag::WORD != 0 {
            talk.addressed |= addresses(w);
            let person = (fl & class::PERSON) >> class::PERSON_SHIFT;
            let pronoun = person != 0
                && w.len() <= 7
                && matches!(
                    w.as_bytes().first(),
                    Some(b'i' | b'm' | b'w' | b'u' | b'o' | b'y')
                );
            negated |= matches!(w, "not" | "never" | "no" | "nothing" | "nobody")
                || w.ends_with("n't")
                || w.ends_with("n’t");
            third |= matches!(
                w,
                "he" | "she" | "they" | "his" | "her" | "their" | "him" | "them"
            );
            if pronoun {
                persons[person as usize] = true;
            } else if i != first && fl & flag::CAPS != 0 && !heading {
                names += 1;
            }
        }
        // Word n-grams over words and numbers; punctuation other than `?` breaks bigrams.
        if punct && t != "?" {
            prev = None;
            continue;
        }
        let h = hash_word(w, 1);
        out.push(bucket(h));
        if let Some(p) = prev {
            out.push(bucket(p.rotate_left(17) ^ h ^ 0x9e37_79b9_7f4a_7c15));
        }
        prev = Some(h);
    }
    if digits {
        out.push(f::DIGITS);
    }
    if quoted {
        out.push(f::QUOTED);
    }
    if question {
        out.push(f::QUESTION);
    }
    if exclamation {
        out.push(f::EXCLAMATION);
    }
    for (p, id) in [
        (person::FIRST_SINGULAR, f::FIRST_SINGULAR),
        (person::FIRST_PLURAL, f::FIRST_PLURAL),
        (person::SECOND, f::SECOND),
    ] {
        if persons[usize::from(p)] {
            out.push(id);
        }
    }
    // Conjunctions the linear model cannot form: the speaker's own past action ("I signed
    // the bill"), a fact narrated in the third person, the speaker's own figure.
    let speaker =
        persons[usize::from(person::FIRST_SINGULAR)] || persons[usize::from(person::FIRST_PLURAL)];
    let has = |l: Label| mask & (1 << (l as u8)) != 0;
    if speaker && has(Label::Event) && !has(Label::Prediction) {
        out.push(f::SPEAKER_ACTION);
    }
    if speaker && has(Label::Quantity) {
        out.push(f::SPEAKER_QUANTITY);
    }
    if factual && !speaker && !persons[usize::from(person::SECOND)] {
        out.push(f::NARRATED_FACT);
    }
    // Talk about a third party ("he cut", "they voted", "Senator X voted"): the record
    // of someone else's actions is what debates check; negation marks denials and
    // records of inaction alike ("he never voted for", "we didn't raise").
    let third = third || names > 0;
    if third {
        out.push(f::THIRD_PERSON);
    }
    if negated {
        out.push(f::NEGATION);
    }
    if third && has(Label::Event) && !has(Label::Prediction) {
        out.push(f::THIRD_ACTION);
    }
    if has(Label::Quantity) && has(Label::Comparison) {
        out.push(f::QUANTITY_COMPARISON);
    }
    if s.money + s.percent + s.counts >= 2 {
        out.push(f::QUANTITIES_2);
    }
    if factual && (has(Label::Opinion) || has(Label::Position)) {
        out.push(f::FACT_AND_JUDGEMENT);
    }
    if names > 0 {
        out.push(f::NAMES + names.min(3) - 1);
    }
    out.push(
        f::LENGTH
            + match words {
                0..=5 => 0,
                6..=11 => 1,
                12..=19 => 2,
                20..=29 => 3,
                _ => 4,
            },
    );
    talk
}

#[cfg(test)]
mod tests {
    use super::f;

    fn has(text: &str, id: u32) -> bool {
        crate::checkworthy_features(text).0.contains(&id)
    }

    #[test]
    fn third_party_records_negation_and_figures() {
        assert!(has("He cut the school budget.", f::THIRD_ACTION));
        assert!(has("Senator Lee cut the school budget.", f::THIRD_ACTION));
        assert!(!has("I cut the school budget.", f::THIRD_ACTION));
        assert!(!has("He will cut the school budget.", f::THIRD_ACTION));
        assert!(has("She never voted for the levy.", f::NEGATION));
        assert!(has("We didn't raise the fees.", f::NEGATION));
        assert!(!has("We raised the fees.", f::NEGATION));
        assert!(has(
            "Fares rose 12 percent, more than 3 dollars a ride.",
            f::QUANTITIES_2
        ));
        assert!(has(
            "Exports are 20 percent higher than last year.",
            f::QUANTITY_COMPARISON
        ));
        assert!(has(
            "The corrupt mayor closed the clinic.",
            f::FACT_AND_JUDGEMENT
        ));
        assert!(!has("The mayor closed the clinic.", f::FACT_AND_JUDGEMENT));
    }
}
