//! Byte ↔ code point offset conversion.
//!
//! Rust spans are byte offsets; JSON and Python speak code points (`text[start:end]` in
//! Python). [`OffsetMap`] converts in O(1) amortised per lookup after one O(n) pass, and
//! costs nothing for ASCII text.

/// Bytes between checkpoints: a lookup scans at most this many bytes.
const BLOCK: usize = 64;

/// Converts byte offsets of one text into code point offsets and back.
///
/// ```
/// use sayso::OffsetMap;
/// let text = "Türkiye — “yes”";
/// let map = OffsetMap::new(text);
/// let byte = text.find('“').unwrap();
/// let ch = map.to_char(byte);
/// assert_eq!(text.chars().nth(ch), Some('“'));
/// assert_eq!(map.to_byte(ch), Some(byte));
/// ```
#[derive(Clone, Debug)]
pub struct OffsetMap<'t> {
    text: &'t str,
    /// Code points before each `BLOCK`-aligned byte offset; empty when the text is ASCII.
    checkpoints: Vec<usize>,
}

impl<'t> OffsetMap<'t> {
    /// Builds the map in one pass over `text`.
    pub fn new(text: &'t str) -> OffsetMap<'t> {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return OffsetMap {
                text,
                checkpoints: Vec::new(),
            };
        }
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0usize;
        for block in bytes.chunks(BLOCK) {
            checkpoints.push(chars);
            chars += count_chars(block);
        }
        checkpoints.push(chars);
        OffsetMap { text, checkpoints }
    }

    /// The text this map converts offsets of.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// True when byte and code point offsets coincide (ASCII text).
    pub fn is_identity(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// Code point offset of byte offset `byte`. Offsets past the end clamp to the
    /// number of code points; an offset inside a multi-byte character counts that
    /// character as not yet reached.
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.is_identity() {
            return byte;
        }
        let block = byte / BLOCK;
        let from = block * BLOCK;
        self.checkpoints[block] + count_chars(&self.text.as_bytes()[from..byte])
    }

    /// Byte offset of code point offset `ch`, or `None` past the end of the text.
    pub fn to_byte(&self, ch: usize) -> Option<usize> {
        if self.is_identity() {
            return (ch <= self.text.len()).then_some(ch);
        }
        let total = *self.checkpoints.last().unwrap_or(&0);
        if ch > total {
            return None;
        }
        // Last block whose checkpoint is <= ch.
        let block = self.checkpoints.partition_point(|&c| c <= ch) - 1;
        let mut seen = self.checkpoints[block];
        let bytes = self.text.as_bytes();
        let mut i = block * BLOCK;
        while i < bytes.len() {
            if is_char_start(bytes[i]) {
                if seen == ch {
                    return Some(i);
                }
                seen += 1;
            }
            i += 1;
        }
        Some(bytes.len())
    }
}

fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| is_char_start(b)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let m = OffsetMap::new("hello");
        assert!(m.is_identity());
        assert_eq!(m.to_char(3), 3);
        assert_eq!(m.to_byte(5), Some(5));
        assert_eq!(m.to_byte(6), None);
    }

    #[test]
    fn round_trips_every_char_boundary() {
        let text = "Zelenskyy — “Türkiye” 🇺🇦 Київ. ".repeat(20);
        let m = OffsetMap::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(m.to_char(bi), ci);
            assert_eq!(m.to_byte(ci), Some(bi));
        }
        let n = text.chars().count();
        assert_eq!(m.to_char(text.len()), n);
        assert_eq!(m.to_byte(n), Some(text.len()));
        assert_eq!(m.to_byte(n + 1), None);
    }
}
