//! Where sentences end (SPEC §1): one pass over the bytes.
//!
//! The scan jumps from one interesting byte to the next (`.` `!` `?` `…`, line breaks)
//! through a lookup table, and decides each candidate from a bounded look around it, so
//! the cost is linear in the input whatever it holds (a megabyte of dots, a single
//! ten-megabyte line, nothing but quotes).

use super::lexicons::Lexicons;
use super::text::{
    ELLIPSIS, closer_len, decode, is_opening_mark, is_plausible_start, is_terminal_byte, skip_ws,
};

/// A sentence as the scan finds it: byte span, and how many line breaks separate it from
/// the sentence before (0: same line, 1: a line break, 2: a blank line or more).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Raw {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) breaks_before: u8,
}

/// Bytes that may end a sentence: `.` `!` `?`, line breaks, and the last bytes of `…`
/// and of the Unicode line and paragraph separators. The scan finds them with `memchr`;
/// the table states the set (and checks it in debug builds).
static INTEREST: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0xA6] = true;
    t[0xA8] = true;
    t[0xA9] = true;
    t
};

/// Longest token looked at before a period (longer ones are URLs or noise, never
/// abbreviations).
const MAX_TOKEN: usize = 48;

/// What the word before a terminal period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Before {
    /// An ordinary word or number: the period ends the sentence before a plausible start.
    Plain,
    /// A title before a name (`Gen.`): never an end.
    Title,
    /// A numbered list marker at the start of a line (`1. Skip to content`).
    ListMarker,
    /// An abbreviation or initial: an end only before a clear sentence start.
    Abbreviation { single_letter: bool },
    /// A number before a capitalised noun that makes it an ordinal (`3. Oktober`).
    Ordinal,
}

/// Splits `text` into raw sentences, appending them to `out`.
pub(crate) fn split(text: &str, lx: &Lexicons, out: &mut Vec<Raw>) {
    let mut scan = Scan {
        text,
        bytes: text.as_bytes(),
        lx,
        out,
        seg_start: 0,
        quotes: Quotes::default(),
    };
    scan.run();
}

struct Scan<'a, 't> {
    text: &'t str,
    bytes: &'t [u8],
    lx: &'a Lexicons,
    out: &'a mut Vec<Raw>,
    /// Where the current (untrimmed) sentence begins.
    seg_start: usize,
    quotes: Quotes,
}

impl Scan<'_, '_> {
    fn run(&mut self) {
        let b = self.bytes;
        let n = b.len();
        // Three cached searches, each kept ahead of the scan: the frequent bytes (`.`, line
        // feeds, the last byte of `…`), the rare ones (`?`, `!`, carriage returns) and the
        // last bytes of the Unicode line and paragraph separators. Multi-byte marks are
        // found by their last byte, which (unlike their lead byte 0xE2) curly quotes and
        // dashes do not share.
        let find_a = |i: usize| memchr::memchr3(b'.', b'\n', 0xA6, &b[i..]).map_or(n, |k| i + k);
        let find_b = |i: usize| memchr::memchr3(b'?', b'!', b'\r', &b[i..]).map_or(n, |k| i + k);
        let find_c = |i: usize| memchr::memchr2(0xA8, 0xA9, &b[i..]).map_or(n, |k| i + k);
        let (mut next_a, mut next_b, mut next_c) = (find_a(0), find_b(0), find_c(0));
        let mut i = 0;
        while i < n {
            // Every handler returns a position past the byte it was given, so a cached
            // hit behind `i` has been handled.
            if next_a < i {
                next_a = find_a(i);
            }
            if next_b < i {
                next_b = find_b(i);
            }
            if next_c < i {
                next_c = find_c(i);
            }
            let k = next_a.min(next_b).min(next_c);
            if k >= n {
                break;
            }
            debug_assert!(INTEREST[b[k] as usize]);
            let lead = k >= 2 && b[k - 2] == 0xE2 && b[k - 1] == 0x80;
            i = match b[k] {
                b'.' | b'!' | b'?' => self.terminal(k),
                b'\n' | b'\r' => self.line_break(k),
                0xA6 if lead => self.terminal(k - 2),
                0xA8 | 0xA9 if lead => self.line_break(k - 2),
                _ => k + 1,
            };
        }
        self.cut(n, n);
    }

    /// Ends the current sentence at `end` and starts the next at `next`.
    fn cut(&mut self, end: usize, next: usize) {
        let start = self.seg_start;
        self.seg_start = next;
        let Some(seg) = self.text.get(start..end) else {
            debug_assert!(false, "cut {start}..{end} off a char boundary");
            return;
        };
        let trimmed = seg.trim_start();
        let s = start + (seg.len() - trimmed.len());
        let e = s + trimmed.trim_end().len();
        if s >= e {
            return;
        }
        let breaks_before = match self.out.last() {
            Some(prev) => count_breaks(&self.bytes[prev.end..s]),
            None => 2,
        };
        self.out.push(Raw {
            start: s,
            end: e,
            breaks_before,
        });
    }

    /// A line break at `i` (not after terminal punctuation, which [`Scan::terminal`]
    /// handles with the line break that follows it).
    fn line_break(&mut self, i: usize) -> usize {
        let (q, breaks) = skip_ws(self.text, i);
        if q >= self.bytes.len() {
            return q;
        }
        if breaks >= 2 || !self.continues(i, q) {
            self.cut(i, q);
        }
        q
    }

    /// Whether the line that ends at `i` runs on into the line that starts at `q`: the
    /// next line starts lowercase, or this one ends with `,` `;` `:` a dash or an
    /// opening bracket or quotation mark.
    fn continues(&self, i: usize, q: usize) -> bool {
        let first = decode(self.text, q);
        if first.is_some_and(char::is_lowercase) {
            return true;
        }
        // "… the sanctions bill\n“within weeks.”": a quotation that opens in lowercase
        // goes on with the sentence.
        if let Some(c @ ('"' | '\'' | '“' | '‘' | '«')) = first {
            if decode(self.text, q + c.len_utf8()).is_some_and(char::is_lowercase) {
                return true;
            }
        }
        let b = self.bytes;
        let mut k = i;
        while k > self.seg_start && b[k - 1].is_ascii_whitespace() {
            k -= 1;
        }
        if k <= self.seg_start {
            return false;
        }
        // A line ending with an article, conjunction or preposition was wrapped.
        let mut w = k;
        while w > self.seg_start && w + 12 > k && b[w - 1].is_ascii_lowercase() {
            w -= 1;
        }
        if w < k && (w == self.seg_start || !b[w - 1].is_ascii_alphanumeric()) {
            if let Some(word) = self.text.get(w..k) {
                if self.lx.is_line_joiner(word) {
                    return true;
                }
            }
            // "fall below\n1% this year": a number does not open a sentence after a word.
            if b.get(q).is_some_and(u8::is_ascii_digit) && k - w > 1 {
                let mut e = q;
                while e < b.len() && (b[e].is_ascii_digit() || b[e] == b',') {
                    e += 1;
                }
                // Not a list item ("2. Next story").
                if !matches!(b.get(e), Some(b'.' | b')')) {
                    return true;
                }
            }
        }
        match b[k - 1] {
            b',' | b';' | b':' | b'-' | b'(' | b'[' | b'{' => true,
            b'"' | b'\'' => k - 1 == self.seg_start || b[k - 2].is_ascii_whitespace(),
            byte if byte >= 0x80 => {
                let mut s = k - 1;
                while s > 0 && !self.text.is_char_boundary(s) {
                    s -= 1;
                }
                matches!(
                    decode(self.text, s),
                    Some('–' | '—' | '“' | '‘' | '«' | '„' | '（' | '：' | '，' | '；')
                )
            }
            _ => false,
        }
    }

    /// Terminal punctuation at `i`: decides whether the sentence ends after it (and the
    /// closing marks that follow), and returns where to resume the scan.
    fn terminal(&mut self, i: usize) -> usize {
        let b = self.bytes;
        let n = b.len();
        // The run of terminal marks: `.` `!` `?` `…` in any mix.
        let mut j = i;
        let mut dots = 0usize;
        let mut exclaims = false;
        let mut ellipsis = false;
        loop {
            match b.get(j) {
                Some(b'.') => {
                    dots += 1;
                    j += 1;
                }
                Some(b'!' | b'?') => {
                    exclaims = true;
                    j += 1;
                }
                _ if is_terminal_byte(b, j) => {
                    ellipsis = true;
                    j += ELLIPSIS.len();
                }
                _ => break,
            }
        }
        ellipsis |= dots >= 3;
        let run_end = j;
        // Closing quotation marks and brackets.
        let mut closed_by_quote = false;
        while let Some((len, quote)) = closer_len(b, j) {
            closed_by_quote |= quote;
            j += len;
        }
        let p = j;
        if p >= n {
            return n;
        }
        if !decode(self.text, p).is_some_and(char::is_whitespace) {
            return if p > run_end { p } else { run_end };
        }
        let (q, breaks) = skip_ws(self.text, p);
        if q >= n {
            return q;
        }
        if breaks >= 2 {
            self.cut(p, q);
            return q;
        }
        let Some(next) = decode(self.text, q) else {
            return q;
        };
        let closers = p > run_end;
        let plausible = is_plausible_start(next);
        if !plausible && breaks == 0 {
            return q;
        }
        let before = if dots == 1 && !exclaims && !ellipsis && !closers {
            self.word_before(i, q)
        } else {
            Before::Plain
        };
        let mut end = match before {
            Before::Title | Before::ListMarker | Before::Ordinal => false,
            Before::Abbreviation { single_letter } => {
                self.starter_at(q) || (breaks == 1 && !single_letter && plausible)
            }
            Before::Plain => {
                plausible
                    && !(ellipsis && !closers && self.elided(i))
                    && !(exclaims && closed_by_quote && self.attribution_tail(q))
            }
        };
        // A line break ends the sentence unless the next line starts lowercase.
        if breaks == 1 && !end && before != Before::Title && !next.is_lowercase() {
            end = true;
        }
        if end {
            self.cut(p, q);
        }
        q
    }

    /// Classifies the word that ends right before the period at `dot`.
    fn word_before(&self, dot: usize, q: usize) -> Before {
        let b = self.bytes;
        // Nothing longer than the longest listed entry (plus opening marks) can be an
        // abbreviation, a title, an initialism or a list marker.
        let limit = self.lx.longest_word();
        let mut s = dot;
        while s > 0 && dot - s <= limit && !b[s - 1].is_ascii_whitespace() {
            s -= 1;
        }
        if s > 0 && !b[s - 1].is_ascii_whitespace() {
            return Before::Plain;
        }
        let Some(mut word) = self.text.get(s..dot) else {
            return Before::Plain;
        };
        let at_line_start = self.line_start_before(s);
        word = word.trim_start_matches(is_opening_mark);
        if word.is_empty() {
            return Before::Plain;
        }
        let Some(with_dot) = self.text.get(dot - word.len()..dot + 1) else {
            return Before::Plain;
        };
        if self.lx.is_title(with_dot) {
            return Before::Title;
        }
        let digits = word.bytes().all(|c| c.is_ascii_digit());
        if digits && word.len() <= 3 && at_line_start {
            return Before::ListMarker;
        }
        if digits && word.len() <= 2 && self.lx.is_ordinal_noun(self.word_at(q)) {
            return Before::Ordinal;
        }
        if self.lx.is_abbreviation(with_dot) {
            return Before::Abbreviation {
                single_letter: false,
            };
        }
        if is_initialism(word) && !self.lx.is_letter_word(word) {
            return Before::Abbreviation {
                single_letter: word.len() == 1,
            };
        }
        Before::Plain
    }

    /// True when only spaces separate `s` from the start of its line (or of the text).
    fn line_start_before(&self, s: usize) -> bool {
        let b = self.bytes;
        let mut k = s;
        while k > 0 && s - k <= MAX_TOKEN && matches!(b[k - 1], b' ' | b'\t') {
            k -= 1;
        }
        k == 0 || matches!(b[k - 1], b'\n' | b'\r')
    }

    /// The word (letters only) that starts at `q`.
    fn word_at(&self, q: usize) -> &str {
        let rest = self.text.get(q..).unwrap_or("");
        let len = rest
            .char_indices()
            .take(MAX_TOKEN)
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(rest.len().min(MAX_TOKEN * 4), |(k, _)| k);
        rest.get(..len).unwrap_or("")
    }

    /// True when the word at `q` is a clear sentence start ("The", "He", or a quotation
    /// opening with a capital).
    fn starter_at(&self, q: usize) -> bool {
        if let Some(c) = decode(self.text, q).filter(|&c| matches!(c, '“' | '"' | '«')) {
            return decode(self.text, q + c.len_utf8()).is_some_and(char::is_uppercase);
        }
        let w = self.word_at(q);
        !w.is_empty() && self.lx.is_starter(w)
    }

    /// An ellipsis at `i` that marks an elision inside a quotation or brackets.
    fn elided(&mut self, i: usize) -> bool {
        let b = self.bytes;
        if i > 0 && matches!(b[i - 1], b'(' | b'[') {
            return true;
        }
        self.quotes.inside(b, i)
    }

    /// After a quotation closed by `?` or `!`: a name or pronoun and a speech verb
    /// ("“Why now?” Graham asked.") keep the sentence going.
    fn attribution_tail(&self, q: usize) -> bool {
        let b = self.bytes;
        let mut k = q;
        // Up to three capitalised words (a name, a pronoun), then the verb.
        for capitalised in 0..4 {
            let w = self.word_at(k);
            if w.is_empty() {
                return false;
            }
            if capitalised > 0 && self.lx.is_tail_verb(w) {
                return true;
            }
            if !w.chars().next().is_some_and(char::is_uppercase) {
                return false;
            }
            k += w.len();
            if b.get(k) == Some(&b'.') {
                k += 1;
            }
            if b.get(k) != Some(&b' ') {
                return false;
            }
            k += 1;
        }
        false
    }
}

/// `U.S`, `a.m`, `J`: single letters joined by periods (the final period excluded).
fn is_initialism(word: &str) -> bool {
    let w = word.as_bytes();
    if w.is_empty() || w.len() > 11 {
        return false;
    }
    w.iter().enumerate().all(|(k, c)| {
        if k % 2 == 0 {
            c.is_ascii_alphabetic()
        } else {
            *c == b'.'
        }
    }) && w.len() % 2 == 1
}

/// Line breaks in a whitespace gap, capped at 2 (a blank line).
fn count_breaks(gap: &[u8]) -> u8 {
    let mut n = 0u8;
    let mut k = 0;
    while k < gap.len() && n < 2 {
        match gap[k] {
            b'\n' => n += 1,
            b'\r' if gap.get(k + 1) != Some(&b'\n') => n += 1,
            0xE2 if gap.get(k + 1) == Some(&0x80) => match gap.get(k + 2) {
                Some(&0xA8) => n += 1,
                Some(&0xA9) => n = 2,
                _ => {}
            },
            _ => {}
        }
        k += 1;
    }
    n
}

/// Whether a position is inside a quotation or round brackets, computed lazily: the
/// tracker only ever moves forward, so all queries together cost one pass over the text
/// (and only up to the last ellipsis).
#[derive(Default)]
struct Quotes {
    pos: usize,
    curly: u32,
    straight: bool,
    brackets: u32,
}

impl Quotes {
    fn inside(&mut self, b: &[u8], upto: usize) -> bool {
        let upto = upto.min(b.len());
        if upto > self.pos {
            let span = &b[self.pos..upto];
            // Line breaks reset the state: a quotation does not run across paragraphs
            // unclosed (a new paragraph reopens it).
            let from = match memchr::memrchr(b'\n', span) {
                Some(k) => {
                    *self = Quotes::default();
                    k + 1
                }
                None => 0,
            };
            let span = &span[from..];
            for k in memchr::memchr2_iter(b'"', 0xE2, span) {
                if span[k] == b'"' {
                    self.straight = !self.straight;
                } else if span.get(k + 1) == Some(&0x80) {
                    match span.get(k + 2) {
                        Some(&0x9C) => self.curly += 1,
                        Some(&0x9D) => self.curly = self.curly.saturating_sub(1),
                        _ => {}
                    }
                }
            }
            for k in memchr::memchr2_iter(b'(', b')', span) {
                if span[k] == b'(' {
                    self.brackets += 1;
                } else {
                    self.brackets = self.brackets.saturating_sub(1);
                }
            }
            self.pos = upto;
        }
        self.curly > 0 || self.straight || self.brackets > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initialisms() {
        assert!(is_initialism("U.S"));
        assert!(is_initialism("a.m"));
        assert!(is_initialism("J"));
        assert!(!is_initialism("US"));
        assert!(!is_initialism("U.S."));
        assert!(!is_initialism("Kyiv"));
    }

    #[test]
    fn breaks_are_counted_and_capped() {
        assert_eq!(count_breaks(b" "), 0);
        assert_eq!(count_breaks(b"\n "), 1);
        assert_eq!(count_breaks(b"\r\n"), 1);
        assert_eq!(count_breaks(b"\n \n\n"), 2);
        assert_eq!(count_breaks("\u{2029}".as_bytes()), 2);
    }
}
