//! Word → class bits, looked up once per token: an open-addressing table whose words
//! are stored as zero-padded 8-byte chunks, so that hashing and comparing a word costs
//! one or two 64-bit operations per 8 bytes instead of a loop over its characters, and
//! an ASCII token in any case is lowercased in registers (no copy).

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

use crate::lexicon::{fold, read_u64};

/// One word: its first chunk and length inline, so that a word of up to eight bytes
/// (nearly every token) is found without following an index; `len == 0` marks an
/// empty slot.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    first: u64,
    len: u32,
    bits: u32,
    /// The other stage's bits of the same word (see [`WordTable::new`]).
    extra: u32,
    /// Index in `chunks` of the chunks after the first.
    rest: u32,
    /// Index of the word in `words`.
    word: u32,
}

#[derive(Clone, Debug)]
pub(crate) struct WordTable {
    slots: Vec<Slot>,
    chunks: Vec<u64>,
    /// The words themselves: a capitalised token that is one of them takes its
    /// lowercase form from here instead of a copy.
    words: Vec<Box<str>>,
    mask: usize,
}

impl Default for WordTable {
    /// An empty table: one empty slot, so that a probe always ends.
    fn default() -> WordTable {
        WordTable {
            slots: vec![Slot::default()],
            chunks: Vec::new(),
            words: Vec::new(),
            mask: 0,
        }
    }
}

/// The slot a word's probe starts from: the first chunk and the length, multiplied
/// once (later chunks only break ties, which the probe resolves).
#[inline(always)]
fn start(first: u64, len: usize, mask: usize) -> usize {
    let h = (first ^ (len as u64).rotate_right(8)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 32) as usize & mask
}

/// The `n` bytes (1 to 8) of `text` at `at` as one number, zero-padded: one load
/// where eight bytes are there to read.
#[inline(always)]
fn load(text: &[u8], at: usize, n: usize) -> u64 {
    let keep = u64::MAX >> (64 - 8 * n.clamp(1, 8));
    match text.get(at..).and_then(|s| s.first_chunk::<8>()) {
        Some(w) => u64::from_le_bytes(*w) & keep,
        None => read_u64(text, at, n),
    }
}

impl WordTable {
    /// A table of `map`'s words and bits, which also holds `extra`'s words and bits
    /// (another stage's lists, keyed by the same lowercase words): one probe answers
    /// both, so that a token is looked up once for the whole pipeline.
    pub(crate) fn new<S: BuildHasher>(
        map: &HashMap<String, u32, S>,
        extra: &[(Box<str>, u32)],
    ) -> WordTable {
        // In a fixed order, so that probe sequences do not depend on the map's.
        let mut words: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
        for (w, &bits) in map {
            words.entry(w).or_default().0 |= bits;
        }
        for (w, bits) in extra {
            words.entry(w).or_default().1 |= bits;
        }
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![Slot::default(); size],
            chunks: Vec::new(),
            words: Vec::with_capacity(words.len()),
            mask: size - 1,
        };
        for (w, (bits, extra)) in words {
            let b = w.as_bytes();
            if b.is_empty() || b.len() > u32::MAX as usize {
                continue;
            }
            let first = read_u64(b, 0, b.len().min(8));
            let rest = t.chunks.len() as u32;
            for at in (8..b.len()).step_by(8) {
                t.chunks.push(read_u64(b, at, (b.len() - at).min(8)));
            }
            let mut i = start(first, b.len(), t.mask);
            while t.slots[i].len != 0 {
                i = (i + 1) & t.mask;
            }
            t.slots[i] = Slot {
                first,
                len: b.len() as u32,
                bits,
                extra,
                rest,
                word: t.words.len() as u32,
            };
            t.words.push(w.into());
        }
        t
    }

    /// The bits of `word` (already lowercase, any script).
    pub(crate) fn get(&self, word: &str) -> u32 {
        self.get_both(word).0
    }

    /// The bits and the extra bits of `word` (already lowercase, any script).
    pub(crate) fn get_both(&self, word: &str) -> (u32, u32) {
        let b = word.as_bytes();
        if b.is_empty() {
            return (0, 0);
        }
        self.probe(read_u64(b, 0, b.len().min(8)), b.len(), &|at, n| {
            read_u64(b, at, n)
        })
        .map_or((0, 0), |s| (s.bits, s.extra))
    }

    /// `(bits, extra bits, has a capital, the word as stored)` of `text[at..at + len]`
    /// in any case, or `None` when it is not ASCII: the ASCII test, the capital test and
    /// the key share one read of each 8-byte chunk (most words fit in one). The stored
    /// word is `Some` when the token is a word of the table and has a capital.
    // Always: once per token in the attribution token pass, where a call would cost more
    // than the probe (measured).
    #[inline(always)]
    pub(crate) fn get_ascii_cased(
        &self,
        text: &[u8],
        at: usize,
        len: usize,
    ) -> Option<(u32, u32, bool, Option<&str>)> {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        if len == 0 {
            return Some((0, 0, false, None));
        }
        let raw = load(text, at, len.min(8));
        let first = fold(raw);
        let mut upper = first != raw;
        let mut high = raw & HIGH;
        let mut k = 8;
        while k < len {
            let raw = load(text, at + k, (len - k).min(8));
            upper |= fold(raw) != raw;
            high |= raw & HIGH;
            k += 8;
        }
        if high != 0 {
            return None;
        }
        let Some(s) = self.probe(first, len, &|k, n| fold(load(text, at + k, n))) else {
            return Some((0, 0, upper, None));
        };
        let stored = if upper {
            self.words.get(s.word as usize).map(|w| &**w)
        } else {
            None
        };
        Some((s.bits, s.extra, upper, stored))
    }

    /// The slot of the word of `len` bytes whose first chunk is `first` and whose
    /// chunk at byte `k` (`n` bytes of it) is `chunk_at(k, n)`.
    #[inline(always)]
    fn probe(
        &self,
        first: u64,
        len: usize,
        chunk_at: &impl Fn(usize, usize) -> u64,
    ) -> Option<&Slot> {
        let mut i = start(first, len, self.mask);
        loop {
            let s = self.slots.get(i)?;
            if s.len == 0 {
                return None;
            }
            if s.first == first && s.len as usize == len && self.same_rest(s.rest, len, chunk_at) {
                return Some(s);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The chunks after the first, from `rest` in `chunks`, are the word's.
    #[inline(always)]
    fn same_rest(&self, rest: u32, len: usize, chunk_at: &impl Fn(usize, usize) -> u64) -> bool {
        let mut k = 8;
        let mut c = rest as usize;
        while k < len {
            if self.chunks.get(c) != Some(&chunk_at(k, (len - k).min(8))) {
                return false;
            }
            k += 8;
            c += 1;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_ascii_chunks() {
        let s = b"AZaz@[`{09_'-.Mixed";
        for at in 0..s.len() {
            let n = (s.len() - at).min(8);
            let want: Vec<u8> = s[at..at + n].to_ascii_lowercase();
            let got = fold(read_u64(s, at, n)).to_le_bytes();
            assert_eq!(&got[..n], &want[..]);
        }
    }

    #[test]
    fn finds_words_in_any_ascii_case() {
        let mut m = HashMap::new();
        m.insert("said".to_string(), 1);
        m.insert("according".to_string(), 2);
        m.insert("zelensky’s".to_string(), 4);
        let extra: [(Box<str>, u32); 2] = [("said".into(), 8), ("them".into(), 16)];
        let t = WordTable::new(&m, &extra);
        let text = b"He SAID, According to them; saids sai";
        assert_eq!(
            t.get_ascii_cased(text, 3, 4),
            Some((1, 8, true, Some("said")))
        );
        assert_eq!(
            t.get_ascii_cased(text, 9, 9),
            Some((2, 0, true, Some("according")))
        );
        assert_eq!(t.get_ascii_cased(text, 22, 4), Some((0, 16, false, None)));
        assert_eq!(t.get_ascii_cased(text, 28, 5), Some((0, 0, false, None)));
        assert_eq!(t.get_ascii_cased(text, 34, 3), Some((0, 0, false, None)));
        assert_eq!(t.get_both("them"), (0, 16));
        assert_eq!(t.get("zelensky’s"), 4);
        assert_eq!(t.get("according"), 2);
        // Capitals and non-ASCII bytes in a later chunk count too.
        let long = "lowercase-words-longer Longer-than-eight-Bytes naïve-and-long".as_bytes();
        assert_eq!(t.get_ascii_cased(long, 0, 22), Some((0, 0, false, None)));
        assert_eq!(t.get_ascii_cased(long, 23, 22), Some((0, 0, true, None)));
        assert_eq!(t.get_ascii_cased(long, 46, 15), None);
        assert_eq!(t.get("accordinG"), 0);
    }
}
