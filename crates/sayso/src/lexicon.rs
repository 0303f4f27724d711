//! Word lists as data: plain-text files compiled into the crate, extended by the builder.
//!
//! File format: one entry a line; `#` starts a comment; blank lines are ignored. Entries
//! may hold spaces (phrases). Matching is case-sensitive or not as each user decides.

use std::collections::HashSet;

/// Iterates the entries of a lexicon file's text.
pub(crate) fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().filter_map(|line| {
        let line = match line.find('#') {
            Some(i) => &line[..i],
            None => line,
        };
        let line = line.trim();
        (!line.is_empty()).then_some(line)
    })
}

/// A set of words or phrases, looked up exactly or in lowercase.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordSet {
    exact: HashSet<String>,
    lower: HashSet<String>,
}

impl WordSet {
    /// The set of a compiled-in file plus the user's extra entries.
    pub(crate) fn new<'a>(data: &str, extra: impl IntoIterator<Item = &'a String>) -> WordSet {
        let mut set = WordSet::default();
        for e in entries(data) {
            set.insert(e);
        }
        for e in extra {
            set.insert(e.trim());
        }
        set
    }

    pub(crate) fn insert(&mut self, entry: &str) {
        self.lower.insert(entry.to_lowercase());
        self.exact.insert(entry.to_string());
    }

    /// Exact (case-sensitive) membership.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.exact.contains(word)
    }

    /// Case-insensitive membership.
    pub(crate) fn contains_lower(&self, word: &str) -> bool {
        if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
            self.lower.contains(&word.to_lowercase())
        } else {
            self.lower.contains(word)
        }
    }

    /// Every entry, as given.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.exact.iter().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blanks_are_skipped() {
        let got: Vec<_> = entries("# head\nMr.\n\n  Dr.  # doctor\n").collect();
        assert_eq!(got, ["Mr.", "Dr."]);
    }

    #[test]
    fn lookups() {
        let extra = vec!["Gov.".to_string()];
        let set = WordSet::new("Mr.\nSen.", &extra);
        assert!(set.contains("Gov."));
        assert!(!set.contains("gov."));
        assert!(set.contains_lower("SEN."));
        assert_eq!(set.iter().count(), 3);
    }
}
