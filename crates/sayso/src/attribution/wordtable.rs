//! Word → class bits, looked up once per token: an open-addressing table whose words
//! are stored as zero-padded 8-byte chunks, so that hashing and comparing a word costs
//! one or two 64-bit operations per 8 bytes instead of a loop over its characters, and
//! an ASCII token in any case is lowercased in registers (no copy).

use std::collections::HashMap;
use std::hash::BuildHasher;

/// Eight bytes of `bytes` from `at`, of which the first `len` (≤ 8) count, as a
/// little-endian integer with the rest zero.
#[inline(always)]
fn chunk(bytes: &[u8], at: usize, len: usize) -> u64 {
    let mask = if len >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    };
    match bytes.get(at..at + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().unwrap_or([0; 8])) & mask,
        None => {
            // The text's last bytes: copy what there is.
            let mut buf = [0u8; 8];
            let part = bytes.get(at..).unwrap_or(&[]);
            let n = part.len().min(len);
            buf[..n].copy_from_slice(&part[..n]);
            u64::from_le_bytes(buf)
        }
    }
}

/// ASCII lowercase of eight ASCII bytes at once: 0x20 is added to the bytes in `A..=Z`
/// (no byte is ≥ 0x80, so the additions never carry into the next byte).
#[inline(always)]
fn lower_ascii(x: u64) -> u64 {
    const L: u64 = 0x0101_0101_0101_0101;
    let ge_a = x.wrapping_add(L * (0x80 - b'A' as u64));
    let gt_z = x.wrapping_add(L * (0x80 - b'Z' as u64 - 1));
    x | (((ge_a & !gt_z) & (L * 0x80)) >> 2)
}

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
                let c = chunk(b, at, (b.len() - at).min(8));
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
        self.find(b.len(), |at, n| chunk(b, at, n))
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
        let raw = chunk(text, at, len.min(8));
        let first = lower_ascii(raw);
        let mut upper = first != raw;
        let mut high = raw & HIGH;
        let mut h = mix(0, first);
        let mut k = 8;
        while k < len {
            let raw = chunk(text, at + k, (len - k).min(8));
            let low = lower_ascii(raw);
            upper |= low != raw;
            high |= raw & HIGH;
            h = mix(h, low);
            k += 8;
        }
        if high != 0 {
            return None;
        }
        let bits = self.probe(finish(h, len), len, first, &|k, n| {
            lower_ascii(chunk(text, at + k, n))
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
            let got = lower_ascii(chunk(s, at, n)).to_le_bytes();
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
