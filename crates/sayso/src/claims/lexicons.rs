//! The claim lexicons: plain-text lists under `data/claims/`, compiled once into one
//! phrase search ([`super::phrases`]) and a few word sets (single tokens).

use std::collections::{HashMap, HashSet};

use super::phrases::Phrases;
use crate::analyzer::AnalyzerBuilder;

use crate::error::Error;
use crate::lexicon::{FnvBuild, WordMap, entries};
use crate::tokens::Token;

/// What a lexicon phrase signals; a phrase may signal several things.
pub(crate) mod tag {
    pub(crate) const QUANTITY: u32 = 1 << 0;
    pub(crate) const COMPARISON: u32 = 1 << 1;
    pub(crate) const CAUSAL: u32 = 1 << 2;
    pub(crate) const PREDICTION: u32 = 1 << 3;
    pub(crate) const RULE: u32 = 1 << 4;
    pub(crate) const EVENT: u32 = 1 << 5;
    pub(crate) const POSITION: u32 = 1 << 6;
    pub(crate) const OPINION: u32 = 1 << 7;
    pub(crate) const HEDGE: u32 = 1 << 8;
    /// Saying: never an event by itself.
    pub(crate) const SPEECH: u32 = 1 << 9;
    /// Thinking, wanting, remaining: no action by itself.
    pub(crate) const MENTAL: u32 = 1 << 10;
    pub(crate) const RULE_NOUN: u32 = 1 << 11;
    pub(crate) const RULE_VERB: u32 = 1 << 12;
    /// A number word ("forty", "millions"), found in the same pass as the phrases.
    pub(crate) const NUMBER_WORD: u32 = 1 << 13;

    /// The tag of a label's own lexicon.
    pub(crate) fn of(label: crate::document::Label) -> u32 {
        use crate::document::Label::*;
        match label {
            Quantity => QUANTITY,
            Comparison => COMPARISON,
            Causal => CAUSAL,
            Prediction => PREDICTION,
            Rule => RULE,
            Event => EVENT,
            Position => POSITION,
            Opinion => OPINION,
        }
    }
}

const PHRASE_FILES: [(&str, u32); 14] = [
    (
        include_str!("../../data/claims/numbers.txt"),
        tag::NUMBER_WORD,
    ),
    (
        include_str!("../../data/claims/quantity.txt"),
        tag::QUANTITY,
    ),
    (
        include_str!("../../data/claims/comparison.txt"),
        tag::COMPARISON,
    ),
    (include_str!("../../data/claims/causal.txt"), tag::CAUSAL),
    (
        include_str!("../../data/claims/prediction.txt"),
        tag::PREDICTION,
    ),
    (include_str!("../../data/claims/rule.txt"), tag::RULE),
    (include_str!("../../data/claims/event.txt"), tag::EVENT),
    (
        include_str!("../../data/claims/position.txt"),
        tag::POSITION,
    ),
    (include_str!("../../data/claims/opinion.txt"), tag::OPINION),
    (include_str!("../../data/claims/hedges.txt"), tag::HEDGE),
    (include_str!("../../data/claims/speech.txt"), tag::SPEECH),
    (include_str!("../../data/claims/mental.txt"), tag::MENTAL),
    (
        include_str!("../../data/claims/rule_nouns.txt"),
        tag::RULE_NOUN,
    ),
    (
        include_str!("../../data/claims/rule_verbs.txt"),
        tag::RULE_VERB,
    ),
];

type FastSet = HashSet<Box<str>, FnvBuild>;

/// A set of lowercase words, looked up without allocating (the caller lends a buffer).
#[derive(Clone, Debug, Default)]
pub(crate) struct Words(FastSet);

impl Words {
    fn new(data: &str) -> Words {
        Words(
            entries(data)
                .map(|e| normalize(e).into_boxed_str())
                .collect(),
        )
    }

    /// Is `lower` (already lowercase, straight apostrophes) in the set?
    pub(crate) fn has_lower(&self, lower: &str) -> bool {
        self.0.contains(lower)
    }

    /// Is `word` in the set, ignoring case and apostrophe style?
    pub(crate) fn has(&self, word: &str, buf: &mut String) -> bool {
        buf.clear();
        for c in word.chars() {
            match c {
                '’' | '‘' => buf.push('\''),
                c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
                c => buf.extend(c.to_lowercase()),
            }
        }
        self.has_lower(buf)
    }
}

/// Lowercase, straight apostrophes.
fn normalize(s: &str) -> String {
    let s = s.trim();
    if s.is_ascii() {
        // Nearly every entry: one allocation instead of two.
        return s.to_ascii_lowercase();
    }
    s.replace(['’', '‘'], "'").to_lowercase()
}

/// Regular forms of an English verb: `discuss` → discusses, discussed, discussing.
fn verb_forms(base: &str) -> [String; 4] {
    let b = base;
    let last = b.chars().last().unwrap_or(' ');
    let before = b.chars().rev().nth(1).unwrap_or(' ');
    let vowel = |c: char| "aeiou".contains(c);
    let stem = &b[..b.len() - last.len_utf8()];
    let third = if b.ends_with('s')
        || b.ends_with("sh")
        || b.ends_with("ch")
        || b.ends_with('x')
        || b.ends_with('z')
        || b.ends_with('o')
    {
        format!("{b}es")
    } else if last == 'y' && !vowel(before) {
        format!("{stem}ies")
    } else {
        format!("{b}s")
    };
    let past = if last == 'e' {
        format!("{b}d")
    } else if last == 'y' && !vowel(before) {
        format!("{stem}ied")
    } else {
        format!("{b}ed")
    };
    let ing = if b.ends_with("ee") {
        format!("{b}ing")
    } else if last == 'e' {
        format!("{stem}ing")
    } else {
        format!("{b}ing")
    };
    [b.to_string(), third, past, ing]
}

/// An entry with `word+` expanded to every regular form of `word`, `word*` to the
/// inflected forms only.
fn expand(entry: &str) -> Vec<String> {
    let words: Vec<&str> = entry.split_whitespace().collect();
    let Some(k) = words
        .iter()
        .position(|w| (w.ends_with('+') || w.ends_with('*')) && w.len() > 1)
    else {
        return vec![words.join(" ")];
    };
    let skip = usize::from(words[k].ends_with('*'));
    verb_forms(words[k].trim_end_matches(['+', '*']))
        .into_iter()
        .skip(skip)
        .map(|form| {
            let mut w = words.clone();
            w[k] = &form;
            w.join(" ")
        })
        .collect()
}

/// The word lists a token may belong to: lowercase word (straight apostrophes) →
/// [`class`] bits.
fn word_classes() -> HashMap<Box<str>, u64, FnvBuild> {
    let mut classes: HashMap<Box<str>, u64, FnvBuild> = HashMap::default();
    let lists = [
        (include_str!("../../data/claims/scales.txt"), class::SCALE),
        (
            include_str!("../../data/claims/approximators.txt"),
            class::APPROXIMATOR,
        ),
        (include_str!("../../data/claims/months.txt"), class::MONTH),
        (
            include_str!("../../data/claims/name_nouns.txt"),
            class::NAME_NOUN,
        ),
        (
            include_str!("../../data/claims/function_words.txt"),
            class::FUNCTION_WORD,
        ),
        (
            include_str!("../../data/claims/clause_words.txt"),
            class::CLAUSE_WORD,
        ),
        (include_str!("../../data/claims/modals.txt"), class::MODAL),
        (
            include_str!("../../data/claims/auxiliaries.txt"),
            class::AUXILIARY,
        ),
    ];
    for (data, bit) in lists {
        for e in entries(data) {
            *classes.entry(normalize(e).into_boxed_str()).or_insert(0) |= u64::from(bit);
        }
    }
    for (words, bit) in super::sentence::RULE_WORDS {
        for w in words {
            *classes.entry((*w).into()).or_insert(0) |= u64::from(bit);
        }
    }
    for e in entries(include_str!("../../data/claims/persons.txt")) {
        let (p, w) = match e.split_once(':') {
            Some(("1s", w)) => (person::FIRST_SINGULAR, w),
            Some(("1p", w)) => (person::FIRST_PLURAL, w),
            Some(("2", w)) => (person::SECOND, w),
            _ => continue,
        };
        // The last line for a word wins, as in a map.
        let bits = classes.entry(normalize(w).into_boxed_str()).or_insert(0);
        *bits = *bits & !u64::from(class::PERSON) | u64::from(p) << class::PERSON_SHIFT;
    }
    classes
}

/// The word lists as (lowercase word, [`class`] bits), for the stage before this one to
/// look up in its own token pass (see [`crate::stage::TokenBits`]).
pub(crate) fn shared_words() -> Vec<(Box<str>, u32)> {
    let mut words: Vec<(Box<str>, u32)> = word_classes()
        .into_iter()
        .map(|(w, bits)| (w, bits as u32 & class::ALL))
        .collect();
    words.sort();
    words
}

/// Every compiled claim lexicon.
#[derive(Clone, Debug)]
pub(crate) struct Lexicons {
    /// The phrases, with their tags.
    phrases: Phrases,
    /// The word lists a token may belong to ([`class`] bits): one lookup per token
    /// answers them all.
    words: WordMap,
    numbers: Words,
}

/// Word lists as bits 16 to 29 (the token flags of `sentence.rs` use the low bits).
pub(crate) mod class {
    pub(crate) const SCALE: u32 = 1 << 16;
    pub(crate) const APPROXIMATOR: u32 = 1 << 17;
    pub(crate) const MONTH: u32 = 1 << 18;
    pub(crate) const NAME_NOUN: u32 = 1 << 19;
    pub(crate) const FUNCTION_WORD: u32 = 1 << 20;
    pub(crate) const CLAUSE_WORD: u32 = 1 << 21;
    pub(crate) const MODAL: u32 = 1 << 22;
    pub(crate) const AUXILIARY: u32 = 1 << 23;
    /// The grammatical person of a pronoun ([`super::person`]) in two bits.
    pub(crate) const PERSON_SHIFT: u32 = 24;
    pub(crate) const PERSON: u32 = 3 << PERSON_SHIFT;
    // The rules' own lists (`sentence::RULE_WORDS`).
    pub(crate) const FILLER: u32 = 1 << 26;
    pub(crate) const DETERMINER: u32 = 1 << 27;
    pub(crate) const CONDITION: u32 = 1 << 28;
    pub(crate) const CONJUNCTION: u32 = 1 << 29;
    /// Every class bit.
    pub(crate) const ALL: u32 = 0x3fff << 16;
}

/// A lexicon phrase found in the text, on word boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) tags: u32,
}

/// Grammatical person of a pronoun, for the score's features.
pub(crate) mod person {
    pub(crate) const FIRST_SINGULAR: u8 = 1;
    pub(crate) const FIRST_PLURAL: u8 = 2;
    pub(crate) const SECOND: u8 = 3;
}

impl Lexicons {
    pub(crate) fn new(options: &AnalyzerBuilder) -> Result<Lexicons, Error> {
        let mut phrases: HashMap<String, u32> = HashMap::new();
        let mut add = |entry: &str, t: u32| {
            for form in expand(entry) {
                let key = normalize(&form);
                if !key.is_empty() {
                    *phrases.entry(key).or_insert(0) |= t;
                }
            }
        };
        for (data, t) in PHRASE_FILES {
            for e in entries(data) {
                add(e, t);
            }
        }
        for (label, word) in &options.label_words {
            add(word, tag::of(*label));
        }
        for word in &options.hedges {
            add(word, tag::HEDGE);
        }
        // Apostrophes in the text may be straight or curly: match both spellings.
        let mut patterns = Vec::with_capacity(phrases.len() + 64);
        // Sorted: the same states, in the same order, in every process.
        let mut sorted: Vec<_> = phrases.into_iter().collect();
        sorted.sort();
        for (p, t) in sorted {
            if p.contains('\'') {
                patterns.push((p.replace('\'', "’"), t));
            }
            patterns.push((p, t));
        }
        // Patterns are lowercase and the search reads the text in ASCII lowercase (which
        // the tagger makes anyway): without case folding the trie has half the states,
        // and finds the same phrases.
        let phrases = Phrases::new(&patterns);
        let classes = word_classes();
        Ok(Lexicons {
            phrases,
            words: WordMap::new(classes.iter().map(|(w, &bits)| (&**w, bits))),
            numbers: Words::new(include_str!("../../data/claims/numbers.txt")),
        })
    }

    /// The [`class`] bits of a lowercase token (straight apostrophes).
    pub(crate) fn classes(&self, lower: &str) -> u32 {
        self.words.get(lower) as u32 & class::ALL
    }

    /// The [`class`] bits of the token `text[start..end]` read in ASCII lowercase, and
    /// whether it is all ASCII (else its bits are those of its Unicode lowercase form:
    /// ask [`Lexicons::classes`]).
    pub(crate) fn classes_ascii(&self, text: &[u8], start: usize, end: usize) -> (u32, bool) {
        let (bits, ascii) = self.words.get_ascii_folded(text, start, end);
        (bits as u32 & class::ALL, ascii)
    }

    /// Is `word` a number word, ignoring case and apostrophe style?
    pub(crate) fn is_number_word(&self, word: &str, buf: &mut String) -> bool {
        self.numbers.has(word, buf)
    }

    /// Every lexicon phrase of a text that covers whole `tokens` on word boundaries,
    /// ignoring ASCII case: at each token start the longest, without overlaps, in text
    /// order; `lower` is the text in ASCII lowercase (`str::to_ascii_lowercase`).
    pub(crate) fn hits(&self, lower: &str, tokens: &[Token], out: &mut Vec<Hit>) {
        // Lowercasing ASCII keeps every byte's class: the boundaries are the text's.
        let keep = |s, e| on_word_boundaries(lower, s, e);
        self.phrases.find(lower, tokens, keep, |m| {
            out.push(Hit {
                start: m.start,
                end: m.end,
                tags: m.value,
            });
        });
    }
}

/// `[s, e)` is on char boundaries, and a phrase that starts or ends with a word character
/// does not cut a word.
fn on_word_boundaries(text: &str, s: usize, e: usize) -> bool {
    if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return false;
    }
    let b = text.as_bytes();
    // ASCII on both sides (nearly always): the bytes say it.
    let edges = [
        s.checked_sub(1).and_then(|i| b.get(i)).copied(),
        b.get(s).copied(),
        e.checked_sub(1).and_then(|i| b.get(i)).copied(),
        b.get(e).copied(),
    ];
    if s < e && edges.iter().all(|x| x.is_none_or(|x| x.is_ascii())) {
        let word = |x: Option<u8>| x.is_some_and(|x| x.is_ascii_alphanumeric() || x == b'_');
        return !(word(edges[1]) && word(edges[0]) || word(edges[2]) && word(edges[3]));
    }
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    let first = text[s..].chars().next();
    let last = text[..e].chars().next_back();
    let cuts = |edge: Option<char>, side: Option<char>| {
        edge.is_some_and(is_word) && side.is_some_and(is_word)
    };
    !(cuts(first, before) || cuts(last, after))
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Label;

    #[test]
    fn verb_forms_are_regular() {
        assert_eq!(
            verb_forms("discuss"),
            ["discuss", "discusses", "discussed", "discussing"]
        );
        assert_eq!(
            verb_forms("invite"),
            ["invite", "invites", "invited", "inviting"]
        );
        assert_eq!(verb_forms("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(verb_forms("deploy")[2], "deployed");
        assert_eq!(verb_forms("agree")[3], "agreeing");
        assert_eq!(expand("decline+ to")[2], "declined to");
        assert_eq!(expand("attack*"), ["attacks", "attacked", "attacking"]);
    }

    fn hits(lex: &Lexicons, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let tokens = crate::tokens::tokenize(text);
        lex.hits(&text.to_ascii_lowercase(), &tokens, &mut hits);
        hits
    }

    #[test]
    fn hits_respect_word_boundaries_and_prefer_longest() {
        let lex = Lexicons::new(&AnalyzerBuilder::new()).unwrap();
        let text = "Goodwill aside, they called for talks because of the war.";
        let got: Vec<&str> = hits(&lex, text)
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect();
        assert!(got.contains(&"called for"), "{got:?}");
        assert!(got.contains(&"because of"), "{got:?}");
        assert!(
            !got.iter().any(|g| g.eq_ignore_ascii_case("will")),
            "{got:?}"
        );
        // Non-ASCII neighbours: "é" is a word character, "’" is not.
        let text = "R\u{e9}called for it; \u{2019}called for\u{2019}.";
        let got: Vec<usize> = hits(&lex, text).iter().map(|h| h.start).collect();
        assert!(!got.contains(&2) && got.contains(&text.find("called for\u{2019}").unwrap()));
    }

    #[test]
    fn one_lookup_gives_every_word_list() {
        let lex = Lexicons::new(&AnalyzerBuilder::new()).unwrap();
        let text = "Would THE Ma\u{ee}tre we";
        let (would, ascii) = lex.classes_ascii(text.as_bytes(), 0, 5);
        assert!(ascii && would & class::MODAL != 0);
        let (the, _) = lex.classes_ascii(text.as_bytes(), 6, 9);
        assert!(the & class::FUNCTION_WORD != 0 && the & class::MODAL == 0);
        assert!(!lex.classes_ascii(text.as_bytes(), 10, 17).1);
        let (we, _) = lex.classes_ascii(text.as_bytes(), 18, 20);
        assert_eq!(
            we & class::PERSON,
            u32::from(person::FIRST_PLURAL) << class::PERSON_SHIFT
        );
        assert!(lex.classes("can\'t") & class::MODAL != 0);
    }

    #[test]
    fn builder_words_extend_the_lexicons() {
        let b = AnalyzerBuilder::new()
            .label_word(Label::Opinion, "splendid")
            .hedge("rumour has it");
        let lex = Lexicons::new(&b).unwrap();
        let hits = hits(&lex, "Rumour has it the show was splendid.");
        assert!(
            hits.iter()
                .any(|h| h.tags & tag::HEDGE != 0 && h.start == 0)
        );
        assert!(hits.iter().any(|h| h.tags & tag::OPINION != 0));
    }
}
