//! One document prepared for the attribution rules: lowercase words and their classes,
//! quotations mapped to tokens, and clause units.

use super::lexicons::{Lexicons, class};
use super::quotes::{self, Quote};
use crate::document::SentenceKind;
use crate::lexicon::{fold, read_u64};
use crate::stage::{Context, NOT_ASCII, TokenBits};
use crate::tokens::{Token, TokenKind};

/// A stretch of text that attribution rules look at together: a sentence, never split
/// inside a quotation (so `“A. B,” she said.` is one unit).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Unit {
    /// Token range.
    pub(crate) a: usize,
    pub(crate) b: usize,
    /// Paragraph number.
    pub(crate) para: usize,
    /// Page furniture: no attributions.
    pub(crate) boilerplate: bool,
    /// A title or heading.
    pub(crate) heading: bool,
    /// Title case: three words or more, seven in ten capitalised.
    pub(crate) title_case: bool,
}

/// A quotation with its token positions.
#[derive(Clone, Copy, Debug)]
pub(crate) struct QuoteAt {
    pub(crate) q: Quote,
    /// Token of the opening mark.
    pub(crate) open: usize,
    /// First token after the closing mark.
    pub(crate) after: usize,
}

/// One token as the rules see it: its text and lowercase form (so that the rules' many
/// word tests are a slice read; forms with capitals live in the caller's buffer), its
/// word classes and its shape flags (`F_*`: case and paragraph checks are bit tests).
#[derive(Clone, Copy)]
struct Info<'a, 't> {
    word: &'t str,
    low: &'a str,
    bits: u32,
    flags: u8,
}

pub(crate) struct Doc<'a, 't> {
    pub(crate) lex: &'a Lexicons,
    pub(crate) text: &'t str,
    pub(crate) toks: &'a [Token],
    /// What the rules ask of each token, worked out once.
    info: Vec<Info<'a, 't>>,
    /// For each token, 1 + the index of the top-level quotation it lies in (marks
    /// included), or 0.
    pub(crate) in_quote: Vec<u32>,
    pub(crate) quotes: Vec<QuoteAt>,
    pub(crate) units: Vec<Unit>,
    /// The capitalised words and the handles, in order: the tokens a name may start
    /// or continue with.
    pub(crate) capitalised: Vec<u32>,
    pub(crate) author: Option<&'a str>,
}

/// A word or a handle whose first letter is uppercase.
const F_CAP: u8 = 1;
/// A word whose first character is lowercase.
const F_LOWER: u8 = 1 << 1;
/// A line break stands between the previous token and this one.
const F_NEWLINE: u8 = 1 << 2;
/// Whitespace (or nothing: the text's start) stands before this token.
const F_GAP: u8 = 1 << 3;
/// A token that may open a gazetteer name (its lowercase form is the lowercase first
/// word of one, or it is not plain ASCII, or it is a number or a sign, which are not
/// looked up): the exact-case lookup runs for these only.
const F_GAZETTEER: u8 = 1 << 4;
/// A token that may end a unit (a period, `!`, `?`, `…`, or a word ending in a period):
/// the unit splitter looks closer at these only.
const F_STOP: u8 = 1 << 5;
/// A word token (`TokenKind::Word`).
const F_WORD: u8 = 1 << 6;

/// A punctuation token that ends a unit: `.`, `!`, `?`, `…`.
#[inline]
fn is_stop(s: &[u8]) -> bool {
    matches!(s, [b'.' | b'!' | b'?']) || s == "…".as_bytes()
}

/// Every non-ASCII character of `s` (UTF-8) lies in U+2000–U+203F (general punctuation:
/// apostrophes, dashes, quotation marks), which has no case: lowercasing changes the
/// ASCII bytes only.
#[inline]
fn caseless_beyond_ascii(s: &[u8]) -> bool {
    let mut k = 0;
    while k < s.len() {
        if s[k] < 0x80 {
            k += 1;
        } else if s[k] == 0xE2 && s.get(k + 1) == Some(&0x80) {
            k += 3;
        } else {
            return false;
        }
    }
    true
}

/// `F_CAP` and `F_LOWER` of a word or handle.
// Always: once per word in `Doc::new`, of which there are two copies (measured).
#[inline(always)]
fn case(t: &Token, s: &[u8]) -> u8 {
    let first = s.first().copied().unwrap_or(0);
    let word = t.kind == TokenKind::Word;
    if first.is_ascii_uppercase() {
        return F_CAP;
    }
    if first.is_ascii_lowercase() {
        return if word { F_LOWER } else { 0 };
    }
    let s = std::str::from_utf8(s).unwrap_or("");
    let mut f = 0;
    if s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
    {
        f |= F_CAP;
    }
    if word && s.chars().next().is_some_and(char::is_lowercase) {
        f |= F_LOWER;
    }
    f
}

/// Abbreviations whose period does not end a unit: a match, so that a lookup is a
/// switch on the length and one or two compares, not a scan of the list.
fn is_abbreviation(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs" | "ms" | "dr" | "gen" | "sen" | "rep" | "gov" | "st" | "lt" | "col"
            | "capt" | "prof" | "jr" | "sr" | "no" | "vs" | "inc" | "co" | "corp" | "ltd"
            | "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct"
            | "nov" | "dec" | "sgt" | "maj" | "adm" | "pres" | "rev" | "hon" | "approx"
            | "est" | "dept" | "mt" | "ft" | "messrs" | "atty" | "supt" | "cmdr" | "ave"
            | "blvd"
            // US state abbreviations that are no English word ("Sen. X, R-Ky., said").
            | "ala" | "ariz" | "ark" | "calif" | "colo" | "conn" | "fla" | "kan" | "ky" | "md"
            | "mass" | "mich" | "minn" | "mont" | "neb" | "nev" | "okla" | "tenn" | "tex"
            | "vt" | "wis" | "wyo"
    )
}

/// The shared bits of a token that is not ASCII: its key is its lowercase form with
/// curly apostrophes straightened (`key` is a buffer).
#[inline(never)]
fn shared_wide(lex: &Lexicons, w: &str, key: &mut String) -> u32 {
    key.clear();
    crate::lexicon::push_key(w, key);
    lex.classes_and_shared(key).1 | NOT_ASCII
}

/// Token `i`'s shared bits (`out` is empty when they are not wanted).
#[inline(always)]
fn set(out: &mut [u32], i: usize, bits: u32) {
    if let Some(o) = out.get_mut(i) {
        *o = bits;
    }
}

/// The shared bits of an ASCII token `text[at..at + len]`, looked up on its own.
#[inline(never)]
fn shared_ascii(lex: &Lexicons, text: &[u8], at: usize, len: usize) -> u32 {
    lex.classes_ascii(text, at, len)
        .map_or(NOT_ASCII, |(_, shared, _, _)| shared)
}

impl<'a, 't> Doc<'a, 't> {
    /// Prepares the document; when `SHARED`, fills `shared` with each token's bits for
    /// the claim stage (see [`TokenBits`]), found in the same lookups (without, the
    /// pass does no work for a stage that will not run).
    #[inline(never)]
    pub(crate) fn new<const SHARED: bool>(
        lex: &'a Lexicons,
        cx: &Context<'a, 't>,
        lower_buf: &'a mut Vec<u8>,
        shared: &mut TokenBits,
    ) -> Doc<'a, 't> {
        let text = cx.text;
        let toks = cx.tokens;
        // Lowercase forms of the tokens that have capitals, in one buffer per document;
        // bytes, so that ASCII is copied without encoding characters one by one.
        lower_buf.clear();
        lower_buf.reserve(text.len() / 4 + 16);
        let n = toks.len();
        let mut info: Vec<Info<'a, 't>> = Vec::with_capacity(n);
        // (token, range in `lower_buf`): filled in once the buffer is complete.
        let mut copied: Vec<(u32, u32, u32)> = Vec::with_capacity(n / 8);
        let mut capitalised: Vec<u32> = Vec::with_capacity(n / 4);
        let bytes = text.as_bytes();
        // Line breaks are rare: the next one is found once and compared with each token's
        // start (no token holds one, so one that lies before a token lies in its gap).
        let next_newline = |from: usize| {
            bytes
                .get(from..)
                .and_then(|rest| memchr::memchr(b'\n', rest))
                .map_or(usize::MAX, |k| from + k)
        };
        let mut newline = toks.first().map_or(usize::MAX, |t| next_newline(t.end));
        let mut prev_end = toks.first().map_or(0, |t| t.end);
        // Zeros (most tokens are in no list), then the others written at their index.
        shared.clear();
        // One slot per token when `SHARED`, else none.
        let out: &mut [u32] = if SHARED {
            shared.resize(n, 0);
            &mut shared[..n]
        } else {
            &mut []
        };
        let mut key = String::new();
        info.extend(toks.iter().enumerate().map(|(i, t)| {
            let mut f = if i == 0 {
                F_GAP
            } else if prev_end < t.start {
                if newline < t.start {
                    newline = next_newline(t.end);
                    F_GAP | F_NEWLINE
                } else {
                    F_GAP
                }
            } else {
                0
            };
            prev_end = t.end;
            let w = text.get(t.start..t.end).unwrap_or("");
            let sb = w.as_bytes();
            if matches!(t.kind, TokenKind::Punct | TokenKind::Number) {
                // A name the builder adds may open with a number or a sign ("60
                // Minutes"): these are not looked up, so they may open one.
                f |= F_GAZETTEER;
            }
            if t.kind == TokenKind::Punct {
                // Nothing to lowercase, no classes, never capitalised.
                if is_stop(sb) {
                    f |= F_STOP;
                }
                // One character that is no letter: its own lowercase form.
                let sh = if !SHARED {
                    0
                } else {
                    match w {
                        _ if sb.len() == 1 => lex.shared_of_byte(sb[0]),
                        "’" | "‘" => lex.shared_of_byte(b'\'') | NOT_ASCII,
                        _ => lex.classes_and_shared(w).1 | NOT_ASCII,
                    }
                };
                if sh != 0 {
                    set(out, i, sh);
                }
                return Info {
                    word: w,
                    low: w,
                    bits: 0,
                    flags: f,
                };
            }
            // "on X." keeps its period inside the token: look the letter up.
            let len = if sb.len() == 2 && sb[1] == b'.' {
                1
            } else {
                sb.len()
            };
            let own = if len == w.len() {
                w
            } else {
                w.get(..len).unwrap_or(w)
            };
            if t.kind == TokenKind::Number {
                if SHARED {
                    let sh = if sb.is_ascii() {
                        shared_ascii(lex, bytes, t.start, sb.len())
                    } else {
                        shared_wide(lex, w, &mut key)
                    };
                    set(out, i, sh);
                }
                return Info {
                    word: w,
                    low: own,
                    bits: 0,
                    flags: f,
                };
            }
            let word = t.kind == TokenKind::Word;
            if word {
                f |= F_WORD;
                if sb.len() > 1 && sb.last() == Some(&b'.') {
                    f |= F_STOP;
                }
            }
            f |= case(t, sb);
            if f & F_CAP != 0 || t.kind == TokenKind::Handle {
                capitalised.push(i as u32);
            }
            let (bits, low) = match lex.classes_ascii(bytes, t.start, len) {
                Some((bits, sh, upper, stored)) => {
                    if bits & class::GAZETTEER != 0 || len != sb.len() {
                        f |= F_GAZETTEER;
                    }
                    let sh = if len == sb.len() || !SHARED {
                        sh
                    } else {
                        // "X.": the claim lists key the whole token.
                        shared_ascii(lex, bytes, t.start, sb.len())
                    };
                    if SHARED && sh != 0 {
                        set(out, i, sh);
                    }
                    let bits = if word { bits & !class::GAZETTEER } else { 0 };
                    if let Some(stored) = stored {
                        // A listed word with capitals ("The", "Said"): its lowercase
                        // form is the table's.
                        (bits, stored)
                    } else if upper {
                        let at = lower_buf.len();
                        // Eight bytes at a time, lowercased in a register.
                        let mut k = 0;
                        while k < len {
                            let m = (len - k).min(8);
                            let c = fold(read_u64(bytes, t.start + k, m)).to_le_bytes();
                            lower_buf.extend_from_slice(&c[..m]);
                            k += 8;
                        }
                        copied.push((i as u32, at as u32, lower_buf.len() as u32));
                        (bits, "")
                    } else {
                        // Most tokens: the lowercase form is the text itself, no copy.
                        (bits, own)
                    }
                }
                None => {
                    f |= F_GAZETTEER;
                    if SHARED {
                        set(out, i, shared_wide(lex, w, &mut key));
                    }
                    let at = lower_buf.len();
                    if caseless_beyond_ascii(sb) {
                        // "Trump’s", "don’t": the apostrophe has no case, so the ASCII
                        // lowercase of the bytes is the lowercase form.
                        lower_buf.extend(sb.iter().map(u8::to_ascii_lowercase));
                    } else {
                        let mut utf8 = [0u8; 4];
                        for c in w.chars().flat_map(char::to_lowercase) {
                            lower_buf.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
                        }
                    }
                    if lower_buf.len() - at == 2 && lower_buf.last() == Some(&b'.') {
                        lower_buf.pop();
                    }
                    copied.push((i as u32, at as u32, lower_buf.len() as u32));
                    let bits = if word {
                        std::str::from_utf8(&lower_buf[at..])
                            .map_or(0, |l| lex.classes(l) & !class::GAZETTEER)
                    } else {
                        0
                    };
                    (bits, "")
                }
            };
            Info {
                word: w,
                low,
                bits,
                flags: f,
            }
        }));
        // Whole characters only were written: this never fails.
        let lower_buf: &'a str = std::str::from_utf8(lower_buf).unwrap_or("");
        for (i, a, b) in copied {
            if let Some(x) = info.get_mut(i as usize) {
                x.low = lower_buf.get(a as usize..b as usize).unwrap_or("");
            }
        }
        let mut in_quote = vec![0u32; toks.len()];
        let mut quotes = Vec::new();
        for q in quotes::find(text) {
            let open = toks.partition_point(|t| t.start < q.open);
            let after = toks.partition_point(|t| t.start < q.close_end);
            if open >= after {
                continue;
            }
            quotes.push(QuoteAt { q, open, after });
            let id = quotes.len() as u32;
            for slot in &mut in_quote[open..after] {
                *slot = id;
            }
        }
        let mut doc = Doc {
            lex,
            text,
            toks,
            info,
            in_quote,
            quotes,
            units: Vec::new(),
            capitalised,
            author: cx.author,
        };
        doc.units = doc.split_units(cx);
        doc
    }

    pub(crate) fn word(&self, i: usize) -> &'t str {
        self.info.get(i).map_or("", |x| x.word)
    }

    pub(crate) fn low(&self, i: usize) -> &'a str {
        self.info.get(i).map_or("", |x| x.low)
    }

    pub(crate) fn has(&self, i: usize, class: u32) -> bool {
        self.info.get(i).is_some_and(|x| x.bits & class != 0)
    }

    /// Token `i` may open a gazetteer name (see [`F_GAZETTEER`]).
    #[inline]
    pub(crate) fn may_open_gazetteer_name(&self, i: usize) -> bool {
        self.flag(i, F_GAZETTEER)
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.flag(i, F_WORD)
    }

    #[inline]
    fn flag(&self, i: usize, f: u8) -> bool {
        self.info.get(i).is_some_and(|x| x.flags & f != 0)
    }

    /// A word or handle whose first letter is uppercase.
    #[inline]
    pub(crate) fn is_cap(&self, i: usize) -> bool {
        self.flag(i, F_CAP)
    }

    #[inline]
    pub(crate) fn is_lower_word(&self, i: usize) -> bool {
        self.flag(i, F_LOWER)
    }

    pub(crate) fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Punct) && self.word(i) == p
    }

    /// A dash that ends a clause: —, –, ―, or a spaced hyphen.
    pub(crate) fn is_dash(&self, i: usize) -> bool {
        // By bytes: — – ― are E2 80 94, 93, 95.
        match self.word(i).as_bytes() {
            [0xE2, 0x80, 0x93..=0x95] => true,
            [b'-'] => (self.gap_before(i) && self.gap_before(i + 1)) || self.word(i + 1) == "-",
            _ => false,
        }
    }

    fn gap_before(&self, i: usize) -> bool {
        i == 0 || i >= self.toks.len() || self.flag(i, F_GAP)
    }

    /// The quotation whose opening mark is token `i`.
    pub(crate) fn quote_opening(&self, i: usize) -> Option<&QuoteAt> {
        let id = *self.in_quote.get(i)?;
        let q = self.quotes.get(id.checked_sub(1)? as usize)?;
        (q.open == i).then_some(q)
    }

    pub(crate) fn inside_quote(&self, i: usize) -> bool {
        self.in_quote.get(i).is_some_and(|&q| q != 0)
    }

    /// A line break between tokens `i - 1` and `i` that starts a new paragraph.
    fn paragraph_break(&self, i: usize) -> bool {
        i > 0
            && self.flag(i, F_NEWLINE)
            && !self.word(i).chars().next().is_some_and(char::is_lowercase)
    }

    /// A line break stands between tokens `i - 1` and `i`.
    #[inline]
    pub(crate) fn newline_before(&self, i: usize) -> bool {
        i > 0 && self.flag(i, F_NEWLINE)
    }

    /// Token `i` is an abbreviation or an initial whose period follows it ("Mr", "J").
    pub(crate) fn abbreviation(&self, i: usize) -> bool {
        let w = self.low(i);
        // "R-Ky.": a party tag before the state.
        let tail = w.rsplit('-').next().unwrap_or(w);
        is_abbreviation(w) || is_abbreviation(tail) || (w.chars().count() == 1 && self.is_cap(i))
    }

    fn ends_unit(&self, i: usize) -> bool {
        if !self.flag(i, F_STOP) {
            return false;
        }
        let w = self.word(i);
        if w.len() > 1 && w.ends_with('.') && self.is_word(i) {
            // An initialism that may end a sentence: "on X.", "with the U.S. The …".
            let prev = self.low(i.wrapping_sub(1));
            let next = i + 1;
            return (w.len() == 2 && matches!(prev, "on" | "via"))
                || (w.len() > 2
                    && self.is_cap(next)
                    && self.has(
                        next,
                        class::DET | class::SUBJ | class::LEAD | class::PERSON | class::FIRST,
                    ));
        }
        if !matches!(w, "." | "!" | "?" | "…") {
            return false;
        }
        if w == "." {
            let prev = self.low(i.wrapping_sub(1));
            let single = prev.chars().count() == 1 && self.is_cap(i.wrapping_sub(1));
            if single || is_abbreviation(prev) {
                return false;
            }
        }
        true
    }

    // Out of line: the token pass above keeps its registers to itself (measured).
    #[inline(never)]
    fn split_units(&self, cx: &Context<'_, 't>) -> Vec<Unit> {
        let n = self.toks.len();
        let mut units = Vec::with_capacity(cx.sentences.len() + 16);
        let mut a = 0;
        let mut para = 0;
        let sentences = cx.sentences;
        // Units come in text order: the sentence that holds each one's start is found by
        // a cursor that only moves forward.
        let mut sentence = 0;
        let mut kind_at = |start: usize| {
            while sentences.get(sentence).is_some_and(|s| s.end() <= start) {
                sentence += 1;
            }
            sentences
                .get(sentence)
                .filter(|s| s.start() <= start)
                .map(|s| s.kind())
        };
        // A line break inside a sentence (text wrapped at a fixed width) is no paragraph
        // break: the splitter decided the line runs on.
        let para_break = |k: usize| {
            self.paragraph_break(k) && {
                let start = self.toks[k].start;
                let s = sentences.partition_point(|s| s.start() < start);
                sentences.get(s).is_some_and(|s| s.start() == start)
            }
        };
        // Both of length `n`: the quick test below indexes them without bounds checks.
        let (info, in_quote) = match (self.info.get(..n), self.in_quote.get(..n)) {
            (Some(info), Some(in_quote)) => (info, in_quote),
            _ => return units,
        };
        let mut i = 0;
        // Words and capitalised tokens of the unit so far (from `a`), for title case.
        let (mut words, mut caps) = (0usize, 0usize);
        // Lowercase words that title case would capitalise ("met" in "Keir Starmer met
        // Merz."): a sentence dense with names is still no headline.
        let mut plain = 0usize;
        while i < n {
            let next = i + 1;
            let flags = info[i].flags;
            words += usize::from(flags & F_WORD != 0);
            caps += usize::from(flags & F_CAP != 0);
            plain += usize::from(
                flags & (F_WORD | F_CAP) == F_WORD
                    && !self.has(i, class::DET | class::PREP | class::SUB)
                    && !matches!(self.low(i), "and" | "or" | "but" | "nor" | "as" | "vs"),
            );
            // Most tokens: no line break after them, no stop, no closing quotation.
            let quiet = next < n
                && info[next].flags & F_NEWLINE == 0
                && flags & F_STOP == 0
                && (in_quote[i] == 0 || in_quote[next] != 0);
            if quiet {
                i = next;
                continue;
            }
            let mut cut = false;
            if next < n && para_break(next) && !self.inside_open_quote(i, next) {
                cut = true;
            } else if next < n && !self.inside_quote(i) && self.ends_unit(i) {
                cut = self.starts_unit(next);
            } else if next < n && self.inside_quote(i) && !self.inside_quote(next) {
                // A quotation closed after terminal punctuation ends a unit before a new
                // sentence ("… end.” The next …"), not before its tail ("… end?” she asked).
                let before = i.checked_sub(1).map_or("", |p| self.word(p));
                if matches!(before, "." | "!" | "?" | "…") && self.is_cap(next) {
                    cut = !self.cue_within(next, 4);
                }
            }
            if cut || next == n {
                if a < next {
                    let start = self.toks[a].start;
                    let kind = kind_at(start);
                    let title_case = words >= 3 && caps * 10 >= words * 7 && plain == 0;
                    units.push(Unit {
                        a,
                        b: next,
                        para,
                        boilerplate: kind == Some(SentenceKind::Boilerplate),
                        heading: kind == Some(SentenceKind::Heading) || title_case,
                        title_case,
                    });
                }
                if next < n && para_break(next) {
                    para += 1;
                }
                a = next;
                (words, caps, plain) = (0, 0, 0);
            }
            i = next;
        }
        units
    }

    /// Both tokens lie in one quotation that spans paragraphs (never true: quotations
    /// end at paragraph ends, continued quotes are separate).
    fn inside_open_quote(&self, i: usize, next: usize) -> bool {
        let q = self.in_quote[i];
        q != 0 && self.in_quote[next] == q
    }

    fn starts_unit(&self, i: usize) -> bool {
        let w = self.word(i);
        self.is_cap(i)
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || self.quote_opening(i).is_some()
            || matches!(w, "(" | "[" | "•" | "-" | "—")
    }

    /// The unit holds something an attribution rule starts from: a cue or naming word,
    /// a quotation, a colon or "according". A unit without any yields no attribution,
    /// so the rules may skip it — a new rule that starts from anything else must add its
    /// trigger here, or it will silently never run.
    pub(crate) fn may_attribute(&self, unit: &Unit) -> bool {
        (unit.a..unit.b.min(self.toks.len())).any(|k| {
            self.has(k, class::CUE | class::NAMING)
                || self.inside_quote(k)
                || self.is_punct(k, ":")
                || self.low(k).len() == 9 && self.low(k) == "according"
        })
    }

    fn cue_within(&self, from: usize, n: usize) -> bool {
        (from..(from + n).min(self.toks.len()))
            .any(|k| self.has(k, class::CUE) && self.is_lower_word(k))
    }
}
