//! Finds the lexicon phrases of a text that start and end where its tokens do: at each
//! token start (left to right, after the previous phrase) the longest phrase that ends at
//! a token end.
//!
//! A phrase only counts when it covers whole tokens, so the search walks a trie from token
//! starts instead of running an unanchored leftmost-longest automaton over every byte and
//! dropping the matches that cut a word: there, a dropped match hid the phrases it
//! overlapped ("remained open" in "remained openly" hid "remained"; a phrase "in the"
//! inside "within the most" hid "the most"). The cost is about the same (callgrind: the
//! walk takes ~0.7 steps a byte of news, the automaton took one).

use crate::tokens::Token;

/// No child: the walk ends.
const NONE: u32 = 0;
const ROOT: usize = 0;
/// No phrase ends at the state.
const NO_PHRASE: u32 = u32::MAX;

/// The compiled phrases.
#[derive(Clone, Debug)]
pub(crate) struct Phrases {
    /// Each byte's column (0: a byte no phrase holds, whose column has no children).
    class: [u8; 256],
    columns: usize,
    /// `children[state * columns + column]`: the child's row offset (`state * columns`)
    /// shifted left by one, bit 0 set when a phrase ends there; [`NONE`] for no child (the
    /// root is no one's child).
    children: Vec<u32>,
    /// The value of the phrase that ends at each state ([`NO_PHRASE`] for none).
    values: Vec<u32>,
}

/// A phrase found: bytes `[start, end)` of the text and the phrase's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) value: u32,
}

impl Phrases {
    /// Compiles `phrases`: distinct, non-empty strings with their values.
    pub(crate) fn new(phrases: &[(String, u32)]) -> Phrases {
        let mut class = [0u8; 256];
        let mut columns = 1usize;
        for (p, _) in phrases {
            for &b in p.as_bytes() {
                if class[usize::from(b)] == 0 && columns < 256 {
                    class[usize::from(b)] = columns as u8;
                    columns += 1;
                }
            }
        }
        let mut children = vec![NONE; columns];
        let mut values = vec![NO_PHRASE];
        for (p, value) in phrases.iter().filter(|(p, _)| !p.is_empty()) {
            let (mut row, mut last) = (ROOT, 0);
            for &b in p.as_bytes() {
                let at = row + usize::from(class[usize::from(b)]);
                row = match children[at] {
                    NONE => {
                        let next = children.len();
                        children[at] = (next as u32) << 1;
                        children.resize(next + columns, NONE);
                        values.push(NO_PHRASE);
                        next
                    }
                    next => (next >> 1) as usize,
                };
                last = at;
            }
            values[row / columns] = *value;
            children[last] |= 1;
        }
        Phrases {
            class,
            columns,
            children,
            values,
        }
    }

    /// The longest phrase that starts at `from` and ends where `ends_ok` allows: its end
    /// and value.
    #[inline]
    fn longest_at(
        &self,
        b: &[u8],
        from: usize,
        mut ends_ok: impl FnMut(usize) -> bool,
    ) -> Option<(usize, u32)> {
        let mut row = ROOT;
        let mut found = None;
        for (k, &byte) in b.get(from..)?.iter().enumerate() {
            let column = usize::from(self.class[usize::from(byte)]);
            // Column 0 is a byte no phrase holds: its cell is always NONE.
            let next = *self.children.get(row + column)?;
            if next == NONE {
                break;
            }
            row = (next >> 1) as usize;
            if next & 1 != 0 && ends_ok(from + k + 1) {
                found = Some((from + k + 1, *self.values.get(row / self.columns)?));
            }
        }
        found
    }

    /// Calls `f` with the phrases of `text` that cover whole `tokens` and that `keep`
    /// accepts (bytes `[start, end)`): at each token start the longest, the search going on
    /// after it.
    pub(crate) fn find(
        &self,
        text: &str,
        tokens: &[Token],
        keep: impl Fn(usize, usize) -> bool,
        mut f: impl FnMut(Found),
    ) {
        let b = text.as_bytes();
        let mut free = 0;
        for (i, t) in tokens.iter().enumerate() {
            if t.start < free {
                continue;
            }
            // The walk's ends only grow, and so does the token they must end.
            let mut j = i;
            let got = self.longest_at(b, t.start, |end| {
                while tokens.get(j).is_some_and(|u| u.end < end) {
                    j += 1;
                }
                tokens.get(j).is_some_and(|u| u.end == end) && keep(t.start, end)
            });
            if let Some((end, value)) = got {
                f(Found {
                    start: t.start,
                    end,
                    value,
                });
                free = end;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    /// At each free token start, the longest pattern that ends at a token end.
    fn reference(patterns: &[(String, u32)], text: &str) -> Vec<Found> {
        let tokens = tokenize(text);
        let mut out = Vec::new();
        let mut free = 0;
        for t in &tokens {
            if t.start < free {
                continue;
            }
            let best = patterns
                .iter()
                .filter(|(p, _)| {
                    text[t.start..].starts_with(p.as_str())
                        && tokens.iter().any(|u| u.end == t.start + p.len())
                })
                .max_by_key(|(p, _)| p.len());
            if let Some((p, value)) = best {
                out.push(Found {
                    start: t.start,
                    end: t.start + p.len(),
                    value: *value,
                });
                free = t.start + p.len();
            }
        }
        out
    }

    fn ours(patterns: &[(String, u32)], text: &str) -> Vec<Found> {
        let mut got = Vec::new();
        let tokens = tokenize(text);
        Phrases::new(patterns).find(text, &tokens, |_, _| true, |f| got.push(f));
        got
    }

    fn patterns(list: &[&str]) -> Vec<(String, u32)> {
        list.iter()
            .enumerate()
            .map(|(i, p)| (p.to_string(), i as u32 + 1))
            .collect()
    }

    fn texts(found: &[Found], text: &str) -> Vec<String> {
        found
            .iter()
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    #[test]
    fn phrases_cover_whole_tokens_and_the_longest_wins() {
        let p = patterns(&[
            "will",
            "will be",
            "be",
            "called for",
            "more than",
            "than ever",
            "airman",
            "in the",
            "in",
        ]);
        let text = "Goodwill will be called forth, more than ever.";
        assert_eq!(
            texts(&ours(&p, text), text),
            ["will be", "more than"],
            "the leftmost start wins, then the longest"
        );
        // A phrase that cuts a word neither counts nor hides one that does not.
        let text = "The chairman in these talks";
        assert_eq!(texts(&ours(&p, text), text), ["in"]);
        for text in ["will", "will bee", "be called for", "in the", "in thee"] {
            assert_eq!(ours(&p, text), reference(&p, text), "{text}");
        }
    }

    #[test]
    fn the_same_matches_as_a_naive_search_on_random_text() {
        // A small alphabet makes overlapping and nested phrases common.
        let alphabet: Vec<char> = "ab c-'’é.".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..400 {
            let mut set = std::collections::BTreeSet::new();
            for _ in 0..1 + next(14) {
                let len = 1 + next(6);
                let p: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
                set.insert(p);
            }
            let list: Vec<&str> = set.iter().map(String::as_str).collect();
            let p = patterns(&list);
            for _ in 0..20 {
                let len = next(40);
                let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
                assert_eq!(ours(&p, &text), reference(&p, &text), "{list:?} {text:?}");
            }
        }
    }
}
