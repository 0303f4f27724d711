//! Properties of sentence splitting over arbitrary text (SPEC §1: every non-whitespace
//! character belongs to exactly one sentence; spans never start or end on whitespace),
//! and of byte ↔ code point offsets.

use std::sync::OnceLock;

use proptest::prelude::*;
use sayso::{Analyzer, OffsetMap};

/// Built once: the analyzer is immutable and shared.
fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(Analyzer::new)
}

/// Characters and snippets that stress the splitter: terminal marks, quotes, brackets,
/// line breaks of every kind, multi-byte letters, abbreviations and furniture phrases.
fn piece() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "a",
        "Z",
        "ж",
        "Ж",
        "ü",
        "中",
        "🇺🇦",
        "7",
        " ",
        " ",
        "  ",
        "\t",
        "\u{a0}",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\u{2028}",
        "\u{2029}",
        ".",
        ".",
        "...",
        "…",
        "!",
        "?",
        "?!",
        ",",
        ";",
        ":",
        "-",
        "—",
        "\"",
        "'",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "(",
        ")",
        "[",
        "]",
        "•",
        "@",
        "/",
        "U.S.",
        "Mr.",
        "Dec.",
        "p.m.",
        "J.",
        "1.",
        "3.5",
        "X.",
        "The",
        "He",
        "said",
        "Read more",
        "Share this",
        "2 min read",
        "Avatar",
        "By Jo Roe",
        "(Jo / X)",
        "https://x.y/z",
        "Also Read |",
        "©",
    ]);
    atoms.prop_map(str::to_string)
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

fn check_cover(text: &str) -> Result<(), TestCaseError> {
    let sentences = analyzer().split(text);
    let mut prev_end = 0;
    for s in &sentences {
        prop_assert!(s.start() < s.end(), "empty span {s:?}");
        prop_assert!(s.start() >= prev_end, "overlap or disorder at {s:?}");
        prop_assert!(text.is_char_boundary(s.start()) && text.is_char_boundary(s.end()));
        prop_assert_eq!(&text[s.start()..s.end()], s.text());
        let first = s.text().chars().next().unwrap();
        let last = s.text().chars().next_back().unwrap();
        prop_assert!(!first.is_whitespace() && !last.is_whitespace(), "{s:?}");
        // Only whitespace between sentences.
        prop_assert!(text[prev_end..s.start()].chars().all(char::is_whitespace));
        prev_end = s.end();
    }
    prop_assert!(text[prev_end..].chars().all(char::is_whitespace));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_cover_every_non_whitespace_char(t in text()) {
        check_cover(&t)?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(t in "\\PC{0,200}") {
        check_cover(&t)?;
    }

    #[test]
    fn offsets_round_trip(t in text()) {
        let map = OffsetMap::new(&t);
        for (ci, (bi, _)) in t.char_indices().enumerate() {
            prop_assert_eq!(map.to_char(bi), ci);
            prop_assert_eq!(map.to_byte(ci), Some(bi));
        }
        let n = t.chars().count();
        prop_assert_eq!(map.to_char(t.len()), n);
        prop_assert_eq!(map.to_byte(n), Some(t.len()));
        prop_assert_eq!(map.to_byte(n + 1), None);
    }
}
