//! The word lists the boundary scan consults, compiled once per analyzer.

use std::collections::HashSet;

use crate::analyzer::AnalyzerBuilder;
use crate::lexicon::{FnvBuild, entries};

const TITLES: &str = include_str!("../../data/titles.txt");
const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.txt");
const STARTERS: &str = include_str!("../../data/sentence_starters.txt");
const TAIL_VERBS: &str = include_str!("../../data/quote_tail_verbs.txt");
const ORDINAL_NOUNS: &str = include_str!("../../data/ordinal_nouns.txt");
const LETTER_WORDS: &str = include_str!("../../data/letter_words.txt");
const LINE_JOINERS: &str = include_str!("../../data/line_joiners.txt");

/// A set of short words, hashed with FNV.
pub(crate) type WordSet = HashSet<Box<str>, FnvBuild>;

/// Exact-match word sets; lookups borrow the query, so they never allocate.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicons {
    titles: WordSet,
    abbreviations: WordSet,
    starters: WordSet,
    tail_verbs: WordSet,
    ordinal_nouns: WordSet,
    letter_words: WordSet,
    line_joiners: WordSet,
    longest: usize,
}

impl Lexicons {
    pub(crate) fn new(options: &AnalyzerBuilder) -> Lexicons {
        let extra = |list: &Vec<String>| -> Vec<String> {
            list.iter().map(|s| with_period(s.trim())).collect()
        };
        let titles = set(TITLES, extra(&options.titles), with_period);
        let abbreviations = set(ABBREVIATIONS, extra(&options.abbreviations), with_period);
        // Initialisms (`U.S.A.`) are recognised up to 12 bytes; opening marks add up to 3.
        let longest = titles
            .iter()
            .chain(&abbreviations)
            .map(|w| w.len())
            .max()
            .unwrap_or(0)
            .max(12)
            + 3;
        Lexicons {
            longest,
            titles,
            abbreviations,
            starters: set(STARTERS, Vec::new(), str::to_string),
            tail_verbs: set(
                TAIL_VERBS,
                options.cues.iter().map(|s| s.trim().to_string()).collect(),
                str::to_string,
            ),
            ordinal_nouns: set(ORDINAL_NOUNS, Vec::new(), str::to_string),
            letter_words: set(LETTER_WORDS, Vec::new(), str::to_string),
            line_joiners: set(LINE_JOINERS, Vec::new(), str::to_string),
        }
    }

    /// Bytes before a period worth looking at for an abbreviation.
    pub(crate) fn longest_word(&self) -> usize {
        self.longest
    }

    /// `word` ends with its period: `"Gen."`.
    pub(crate) fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// `word` ends with its period: `"Dec."`.
    pub(crate) fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    pub(crate) fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    pub(crate) fn is_tail_verb(&self, word: &str) -> bool {
        self.tail_verbs.contains(word)
    }

    /// A single letter that is a word of its own (`X`, the platform), not an initial.
    /// A lowercase word no line of finished text ends with (`data/line_joiners.txt`).
    pub(crate) fn is_line_joiner(&self, word: &str) -> bool {
        self.line_joiners.contains(word)
    }

    pub(crate) fn is_letter_word(&self, word: &str) -> bool {
        self.letter_words.contains(word)
    }

    pub(crate) fn is_ordinal_noun(&self, word: &str) -> bool {
        self.ordinal_nouns.contains(word)
    }
}

fn with_period(s: &str) -> String {
    if s.ends_with('.') {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

fn set(data: &str, extra: Vec<String>, norm: fn(&str) -> String) -> WordSet {
    entries(data)
        .map(norm)
        .chain(extra)
        .map(String::into_boxed_str)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_entries_are_added_with_their_period() {
        let b = AnalyzerBuilder::new().abbreviation("Gov").title("Cmsr.");
        let lx = Lexicons::new(&b);
        assert!(lx.is_abbreviation("Gov."));
        assert!(lx.is_title("Cmsr."));
        assert!(lx.is_title("Dr."));
        assert!(lx.is_abbreviation("Dec."));
        assert!(!lx.is_abbreviation("Kyiv."));
        assert!(lx.is_starter("The"));
        assert!(lx.is_tail_verb("asked"));
    }
}
