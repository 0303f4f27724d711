//! Finds the lexicon phrases of a text: leftmost-longest, non-overlapping matches, as the
//! `aho-corasick` crate's DFA in that mode finds them (same construction, same answers),
//! built in one pass over the trie.
//!
//! The crate fills each missing transition by walking the failure links, which made
//! building the claim lexicons cost more than tagging half a megabyte of news. Here the
//! trie is built breadth first, so a state's failure state has its whole row already:
//! a missing transition is a copy of the failure state's.

/// One value of [`Phrases::transitions`]: the next state's row offset shifted left by
/// one, and in bit 0 whether that state is special (dead, or a match).
type Transition = u32;

const DEAD: usize = 0;
const START: usize = 1;
const NONE: u32 = u32::MAX;

/// A transition to `state`, special when it is a match state (or the dead state).
fn encode(state: usize, columns: usize, special: bool) -> Transition {
    ((state * columns) as u32) << 1 | u32::from(special)
}

/// The compiled phrases.
#[derive(Clone, Debug)]
pub(crate) struct Phrases {
    /// Each byte's column (0: a byte no phrase holds).
    class: [u8; 256],
    columns: usize,
    /// `transitions[state * columns + column]`.
    transitions: Vec<Transition>,
    /// The phrase a state matches on entry ([`NONE`] for none).
    matches: Vec<u32>,
    /// Each phrase's length and value.
    phrases: Vec<(u32, u32)>,
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
        // The trie: states 0 (dead) and 1 (start), then one per phrase prefix; a 0 in the
        // table is "no child" until the rows are filled.
        let mut child = vec![0u32; 2 * columns];
        let mut own = vec![NONE, NONE];
        for (k, (p, _)) in phrases.iter().enumerate() {
            let mut state = START;
            for &b in p.as_bytes() {
                let at = state * columns + usize::from(class[usize::from(b)]);
                state = match child[at] {
                    0 => {
                        let next = own.len();
                        child[at] = next as u32;
                        child.resize(child.len() + columns, 0);
                        own.push(NONE);
                        next
                    }
                    next => next as usize,
                };
            }
            own[state] = k as u32;
        }
        let states = own.len();
        // Breadth first: failure links, inherited matches and the full rows. In leftmost
        // mode a match state fails to the dead state (a match that started earlier wins),
        // and so does everything below it. A row starts as a copy of its failure state's
        // (complete, since that state is nearer the start), then takes the trie's children.
        let mut fail = vec![DEAD; states];
        let mut matches = own.clone();
        let dead = encode(DEAD, columns, true);
        let mut transitions = vec![dead; states * columns];
        let mut queue = std::collections::VecDeque::with_capacity(states);
        queue.push_back(START);
        while let Some(id) = queue.pop_front() {
            let row = id * columns;
            if id == START {
                // The unanchored start: no child, stay.
                transitions[row..row + columns].fill(encode(START, columns, false));
            } else {
                let from = fail[id] * columns;
                transitions.copy_within(from..from + columns, row);
            }
            for c in 0..columns {
                let s = child[row + c] as usize;
                if s == 0 {
                    continue;
                }
                if own[s] != NONE {
                    fail[s] = DEAD;
                } else if id == START {
                    fail[s] = START;
                } else {
                    let g = (transitions[fail[id] * columns + c] >> 1) as usize / columns;
                    fail[s] = g;
                    matches[s] = matches[g];
                }
                transitions[row + c] = encode(s, columns, matches[s] != NONE);
                queue.push_back(s);
            }
        }
        Phrases {
            class,
            columns,
            transitions,
            matches,
            phrases: phrases.iter().map(|(p, v)| (p.len() as u32, *v)).collect(),
        }
    }

    /// The leftmost-longest phrase at or after `from`: its end and index.
    #[inline]
    fn find_at(&self, b: &[u8], from: usize) -> Option<(usize, u32)> {
        let mut row = START * self.columns;
        let mut found = None;
        for (k, &byte) in b.get(from..)?.iter().enumerate() {
            let t = *self
                .transitions
                .get(row + usize::from(self.class[usize::from(byte)]))?;
            row = (t >> 1) as usize;
            if t & 1 != 0 {
                if row == DEAD {
                    return found;
                }
                found = Some((from + k + 1, *self.matches.get(row / self.columns)?));
            }
        }
        found
    }

    /// Calls `f` with the leftmost-longest non-overlapping phrases of `text`, in order.
    pub(crate) fn find(&self, text: &str, mut f: impl FnMut(Found)) {
        let b = text.as_bytes();
        let mut at = 0;
        while let Some((end, k)) = self.find_at(b, at) {
            let Some(&(len, value)) = self.phrases.get(k as usize) else {
                return;
            };
            f(Found {
                start: end - len as usize,
                end,
                value,
            });
            at = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    fn reference(patterns: &[(String, u32)], text: &str) -> Vec<Found> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|(p, _)| p))
            .unwrap();
        ac.find_iter(text)
            .map(|m| Found {
                start: m.start(),
                end: m.end(),
                value: patterns[m.pattern().as_usize()].1,
            })
            .collect()
    }

    fn ours(patterns: &[(String, u32)], text: &str) -> Vec<Found> {
        let mut got = Vec::new();
        Phrases::new(patterns).find(text, |f| got.push(f));
        got
    }

    fn patterns(list: &[&str]) -> Vec<(String, u32)> {
        list.iter()
            .enumerate()
            .map(|(i, p)| (p.to_string(), i as u32 + 1))
            .collect()
    }

    #[test]
    fn the_leftmost_match_wins_then_the_longest() {
        let p = patterns(&[
            "abcd",
            "bc",
            "abcxy",
            "cx",
            "will be",
            "be",
            "called for",
            "d f",
        ]);
        for text in [
            "abcd",
            "abce",
            "abcxz",
            "abcxy",
            "goodwill be",
            "they called forth",
            "called for",
        ] {
            assert_eq!(ours(&p, text), reference(&p, text), "{text}");
        }
        assert_eq!(
            ours(&p, "abce")[0],
            Found {
                start: 1,
                end: 3,
                value: 2
            }
        );
    }

    #[test]
    fn the_same_matches_as_the_crate_on_random_text() {
        // A small alphabet makes overlapping and nested phrases common.
        let alphabet: Vec<char> = "ab c-'’é".chars().collect();
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
