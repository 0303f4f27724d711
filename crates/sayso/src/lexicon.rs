//! Word lists as data: plain-text files compiled into the crate, extended by the builder.
//!
//! File format: one entry a line; `#` starts a comment; blank lines are ignored. Entries
//! may hold spaces (phrases). Each stage compiles the lists it reads into the lookup
//! structure that suits it (hash sets, aho-corasick automata).

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
