//! Word lists as data: plain-text files compiled into the crate, extended by the builder.
//!
//! File format: one entry a line; `#` starts a comment; blank lines are ignored. Entries
//! may hold spaces (phrases). Each stage compiles the lists it reads into the lookup
//! structure that suits it (hash sets, aho-corasick automata).

use std::collections::HashMap;
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

/// A map from short lowercase words to bit sets, for lookups once per token: a word of
/// up to [`WordMap::SHORT`] bytes is one `u128` (its bytes, then its length in the top
/// byte), found by one multiply and a compare in an open-addressing table with no
/// string hashing or comparison; longer words go to an ordinary map.
#[derive(Clone, Debug)]
pub(crate) struct WordMap {
    keys: Vec<u128>,
    values: Vec<u64>,
    shift: u32,
    long: HashMap<Box<str>, u64, FnvBuild>,
}

impl Default for WordMap {
    fn default() -> WordMap {
        WordMap {
            keys: vec![0; 2],
            values: vec![0; 2],
            shift: 63,
            long: HashMap::default(),
        }
    }
}

impl WordMap {
    /// Longest word held in the packed table.
    pub(crate) const SHORT: usize = 15;

    /// A map of `entries` (word, bits); the bits of a repeated word are or-ed.
    pub(crate) fn new<'a>(entries: impl IntoIterator<Item = (&'a str, u64)>) -> WordMap {
        let mut short: HashMap<u128, u64, FnvBuild> = HashMap::default();
        let mut long: HashMap<Box<str>, u64, FnvBuild> = HashMap::default();
        for (word, bits) in entries {
            match pack(word.as_bytes()) {
                Some(k) => *short.entry(k).or_insert(0) |= bits,
                None => *long.entry(word.into()).or_insert(0) |= bits,
            }
        }
        // At most a quarter full: probes are short.
        let size = (short.len() * 4).next_power_of_two().max(16);
        let mut map = WordMap {
            keys: vec![0; size],
            values: vec![0; size],
            shift: 64 - size.trailing_zeros(),
            long,
        };
        for (k, bits) in short {
            let mut at = map.slot(k);
            while map.keys[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            map.keys[at] = k;
            map.values[at] = bits;
        }
        map
    }

    fn slot(&self, key: u128) -> usize {
        let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// The bits of `word` (0 when absent).
    pub(crate) fn get(&self, word: &str) -> u64 {
        match pack(word.as_bytes()) {
            Some(k) => self.get_packed(k),
            None => self.long.get(word).copied().unwrap_or(0),
        }
    }

    /// The bits of the word `text[start..end]` with ASCII letters in lowercase (other
    /// bytes as they are), and whether the word is all ASCII. Reads the word straight from
    /// the text.
    pub(crate) fn get_ascii_folded(&self, text: &[u8], start: usize, end: usize) -> (u64, bool) {
        let len = end.saturating_sub(start);
        if len > Self::SHORT || len == 0 {
            let Some(word) = text.get(start..end) else {
                return (0, false);
            };
            let lower = word.to_ascii_lowercase();
            let value = std::str::from_utf8(&lower).map_or(0, |w| self.get(w));
            return (value, word.is_ascii());
        }
        // Most words fit in one u64; the rest in two.
        let (lo, hi) = if len <= 8 {
            (read_u64(text, start, len), 0)
        } else {
            (read_u64(text, start, 8), read_u64(text, start + 8, len - 8))
        };
        let ascii = (lo | hi) & 0x8080_8080_8080_8080 == 0;
        let hi = if hi == 0 { 0 } else { fold(hi) };
        let key = u128::from(fold(lo)) | u128::from(hi) << 64 | (len as u128) << 120;
        (self.get_packed(key), ascii)
    }

    fn get_packed(&self, key: u128) -> u64 {
        let mask = self.keys.len() - 1;
        let mut at = self.slot(key);
        loop {
            let k = self.keys[at];
            if k == key {
                return self.values[at];
            }
            if k == 0 {
                return 0;
            }
            at = (at + 1) & mask;
        }
    }
}

/// The first `len` (≤ 8) bytes of `text` from `at` as a little-endian integer, zero-padded
/// (past the text's end too): a short word, or a chunk of a long one, in one register.
#[inline(always)]
pub(crate) fn read_u64(text: &[u8], at: usize, len: usize) -> u64 {
    let keep = if len >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * len)) - 1
    };
    match text.get(at..at + 8) {
        Some(w) => u64::from_le_bytes(w.try_into().unwrap_or([0; 8])) & keep,
        None => {
            let mut b = [0u8; 8];
            let tail = text.get(at..).unwrap_or(&[]);
            let n = tail.len().min(len).min(8);
            b[..n].copy_from_slice(&tail[..n]);
            u64::from_le_bytes(b)
        }
    }
}

/// The ASCII uppercase letters among the bytes of `x` to lowercase, all at once.
#[inline(always)]
pub(crate) fn fold(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // Byte by byte on the low seven bits (no carries): the high bit says `>= 'A'`, then
    // `> 'Z'`; bytes with their own high bit set are not ASCII and stay.
    let low = x & !HIGH;
    let from_a = low.wrapping_add(ONES * u64::from(0x80 - b'A'));
    let past_z = low.wrapping_add(ONES * u64::from(0x80 - b'Z' - 1));
    let upper = from_a & !past_z & !x & HIGH;
    x | upper >> 2
}

/// A word of at most [`WordMap::SHORT`] bytes as one number: bytes little-endian, the
/// length in the top byte (so no two words share a key, and no key is 0).
fn pack(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > WordMap::SHORT {
        return None;
    }
    let mut b = [0u8; 16];
    b[..word.len()].copy_from_slice(word);
    b[15] = word.len() as u8;
    Some(u128::from_le_bytes(b))
}

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

/// Appends the claim word lists' key of a word: lowercase, curly apostrophes straight
/// (shared by the claim stage and the attribution token pass that fills its bits).
pub(crate) fn push_key(word: &str, out: &mut String) {
    for c in word.chars() {
        match c {
            '’' | '‘' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
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
    fn word_map_finds_short_and_long_words() {
        let long = "internationalisation";
        let m = WordMap::new([
            ("a", 1),
            ("an", 2),
            ("a", 4),
            (long, 8),
            ("fifteen-letters", 16),
        ]);
        assert_eq!(m.get("a"), 5);
        assert_eq!(m.get("an"), 2);
        assert_eq!(m.get("ab"), 0);
        assert_eq!(m.get(""), 0);
        assert_eq!(m.get(long), 8);
        assert_eq!(m.get("fifteen-letters"), 16);
        assert_eq!(WordMap::default().get("a"), 0);
        let text = b"AN A Ab FIFTEEN-LETTERS INTERNATIONALISATION An\xc3\xa9";
        assert_eq!(m.get_ascii_folded(text, 0, 2), (2, true));
        assert_eq!(m.get_ascii_folded(text, 3, 4), (5, true));
        assert_eq!(m.get_ascii_folded(text, 5, 7), (0, true));
        assert_eq!(m.get_ascii_folded(text, 8, 23), (16, true));
        assert_eq!(m.get_ascii_folded(text, 24, 24 + long.len()), (8, true));
        assert_eq!(m.get_ascii_folded(text, 45, 47), (2, true));
        assert_eq!(m.get_ascii_folded(text, 45, 49), (0, false));
        let m = WordMap::new([("an\u{e9}", 3)]);
        assert_eq!(m.get_ascii_folded(text, 45, 49), (3, false));
        assert_eq!(
            fold(u64::from_le_bytes(*b"@AZ[`az{")),
            u64::from_le_bytes(*b"@az[`az{")
        );
        // "É" (C3 89) keeps its bytes; the high bit does not leak into the next byte.
        let x = u64::from_le_bytes([0xc3, 0x89, b'A', 0xff, b'Z', 0xc1, 0xda, b'q']);
        assert_eq!(
            fold(x),
            u64::from_le_bytes([0xc3, 0x89, b'a', 0xff, b'z', 0xc1, 0xda, b'q'])
        );
    }
}
