//! Word lists as data: plain-text files compiled into the crate, extended by the builder.
//!
//! File format: one entry a line; `#` starts a comment; blank lines are ignored. Entries
//! may hold spaces (phrases). Each stage compiles the lists it reads into the lookup
//! structure that suits it (hash sets, aho-corasick automata).

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: lexicon keys are short words looked up once per token, where SipHash's setup
/// would dominate the lookup.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Builds [`Fnv`] hashers for the lexicons' sets and maps.
pub(crate) type FnvBuild = BuildHasherDefault<Fnv>;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blanks_are_skipped() {
        let got: Vec<_> = entries("# head\nMr.\n\n  Dr.  # doctor\n").collect();
        assert_eq!(got, ["Mr.", "Dr."]);
    }
}
