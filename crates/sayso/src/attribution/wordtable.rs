//! Word → class bits, looked up once per token: an open-addressing table whose words
//! are stored as zero-padded 8-byte chunks, so that hashing and comparing a word costs
//! one or two 64-bit operations per 8 bytes instead of a loop over its characters, and
//! an ASCII token in any case is lowercased in registers (no copy).

use std::collections::HashMap;
use std::hash::BuildHasher;

use crate::lexicon::{fold, read_u64};

#[inline(always)]
fn mix(h: u64, c: u64) -> u64 {
    (h.rotate_left(5) ^ c).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// (hash, 1 + entry index); 0 marks an empty slot.
type Slot = (u32, u32);

#[derive(Clone, Debug, Default)]
pub(crate) struct WordTable {
    slots: Vec<Slot>,
    /// (first chunk in `chunks`, length in bytes, bits).
    entries: Vec<(u32, u32, u32)>,
    chunks: Vec<u64>,
    mask: usize,
}

impl WordTable {
    pub(crate) fn new<S: BuildHasher>(map: &HashMap<String, u32, S>) -> WordTable {
        let size = (map.len() * 2).next_power_of_two().max(16);
        let mut t = WordTable {
            slots: vec![(0, 0); size],
            entries: Vec::with_capacity(map.len()),
            chunks: Vec::new(),
            mask: size - 1,
        };
        // In a fixed order, so that probe sequences do not depend on the map's.
        let mut words: Vec<(&String, &u32)> = map.iter().collect();
        words.sort();
        for (w, &bits) in words {
            let b = w.as_bytes();
            if b.is_empty() {
                continue;
            }
            let first = t.chunks.len() as u32;
            let mut h = 0u64;
            for at in (0..b.len()).step_by(8) {
                let c = read_u64(b, at, (b.len() - at).min(8));
                t.chunks.push(c);
                h = mix(h, c);
            }
            let h = finish(h, b.len());
            let mut i = h as usize & t.mask;
            while t.slots[i].1 != 0 {
                i = (i + 1) & t.mask;
            }
            t.entries.push((first, b.len() as u32, bits));
            t.slots[i] = (h, t.entries.len() as u32);
        }
        t
    }

    /// The bits of `word` (already lowercase, any script).
    pub(crate) fn get(&self, word: &str) -> u32 {
        let b = word.as_bytes();
        self.find(b.len(), |at, n| read_u64(b, at, n))
    }

    /// `(bits, has a capital)` of `text[at..at + len]` in any case, or `None` when it is
    /// not ASCII: the ASCII test, the capital test and the hash share one read of each
    /// 8-byte chunk (most words fit in one).
    #[inline]
    pub(crate) fn get_ascii_cased(
        &self,
        text: &[u8],
        at: usize,
        len: usize,
    ) -> Option<(u32, bool)> {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        if len == 0 {
            return Some((0, false));
        }
        let raw = read_u64(text, at, len.min(8));
        let first = fold(raw);
        let mut upper = first != raw;
        let mut high = raw & HIGH;
        let mut h = mix(0, first);
        let mut k = 8;
        while k < len {
            let raw = read_u64(text, at + k, (len - k).min(8));
            let low = fold(raw);
            upper |= low != raw;
            high |= raw & HIGH;
            h = mix(h, low);
            k += 8;
        }
        if high != 0 {
            return None;
        }
        let bits = self.probe(finish(h, len), len, first, &|k, n| {
            fold(read_u64(text, at + k, n))
        });
        Some((bits, upper))
    }

    /// `chunk_at(k, n)`: the word's (lowercase) chunk at byte `k`, `n` bytes of it.
    #[inline(always)]
    fn find(&self, len: usize, chunk_at: impl Fn(usize, usize) -> u64) -> u32 {
        if self.slots.is_empty() || len == 0 {
            return 0;
        }
        let first = chunk_at(0, len.min(8));
        let mut h = mix(0, first);
        let mut k = 8;
        while k < len {
            h = mix(h, chunk_at(k, (len - k).min(8)));
            k += 8;
        }
        self.probe(finish(h, len), len, first, &chunk_at)
    }

    /// The bits of the entry with hash `h`, length `len` and chunks `chunk_at` (of
    /// which `first` is the first), or 0.
    #[inline(always)]
    fn probe(
        &self,
        h: u32,
        len: usize,
        first: u64,
        chunk_at: &impl Fn(usize, usize) -> u64,
    ) -> u32 {
        if self.slots.is_empty() {
            return 0;
        }
        let mut i = h as usize & self.mask;
        loop {
            let (sh, e) = self.slots[i];
            if e == 0 {
                return 0;
            }
            if sh == h {
                if let Some(&(start, n, bits)) = self.entries.get(e as usize - 1) {
                    if n as usize == len && self.same(start as usize, len, first, chunk_at) {
                        return bits;
                    }
                }
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline(always)]
    fn same(
        &self,
        start: usize,
        len: usize,
        first: u64,
        chunk_at: &impl Fn(usize, usize) -> u64,
    ) -> bool {
        if self.chunks.get(start) != Some(&first) {
            return false;
        }
        let mut k = 8;
        while k < len {
            if self.chunks.get(start + k / 8) != Some(&chunk_at(k, (len - k).min(8))) {
                return false;
            }
            k += 8;
        }
        true
    }
}

#[inline(always)]
fn finish(h: u64, len: usize) -> u32 {
    let h = mix(h, len as u64);
    (h >> 32) as u32
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
        let t = WordTable::new(&m);
        let text = b"He SAID, According to them; saids sai";
        assert_eq!(t.get_ascii_cased(text, 3, 4), Some((1, true)));
        assert_eq!(t.get_ascii_cased(text, 9, 9), Some((2, true)));
        assert_eq!(t.get_ascii_cased(text, 28, 5), Some((0, false)));
        assert_eq!(t.get_ascii_cased(text, 34, 3), Some((0, false)));
        assert_eq!(t.get("zelensky’s"), 4);
        assert_eq!(t.get("according"), 2);
        // Capitals and non-ASCII bytes in a later chunk count too.
        let long = "lowercase-words-longer Longer-than-eight-Bytes naïve-and-long".as_bytes();
        assert_eq!(t.get_ascii_cased(long, 0, 22), Some((0, false)));
        assert_eq!(t.get_ascii_cased(long, 23, 22), Some((0, true)));
        assert_eq!(t.get_ascii_cased(long, 46, 15), None);
        assert_eq!(t.get("accordinG"), 0);
    }
}
