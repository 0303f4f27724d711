//! A sentence seen as tokens, with the word tests the claim rules ask of them.

use super::lexicons::{Lexicons, class};
use crate::lexicon::push_key;
use crate::span::Span;
use crate::stage::NOT_ASCII;
use crate::tokens::{Token, TokenKind};

/// What is known of each token once its document is prepared: its kind, its case, the
/// lexicon phrases over it (the low bits) and its word lists ([`class`], the bits above).
pub(crate) mod flag {
    pub(crate) const WORD: u32 = 1 << 0;
    pub(crate) const NUMBER: u32 = 1 << 1;
    pub(crate) const PUNCT: u32 = 1 << 2;
    /// Starts with an uppercase letter.
    pub(crate) const CAPS: u32 = 1 << 3;
    /// Inside a quantity phrase of the lexicon.
    pub(crate) const TAKEN: u32 = 1 << 4;
    /// Inside any lexicon phrase.
    pub(crate) const COVERED: u32 = 1 << 5;
    /// A number word (found by the lexicon pass over the document).
    pub(crate) const NUMBER_WORD: u32 = 1 << 6;
    /// More than three bytes long.
    pub(crate) const LONG: u32 = 1 << 7;
}

/// Each token's text, lowercase form (straight apostrophes) and [`flag`]s, made once per
/// document: the rules ask each token many questions, which then cost a bit test.
#[derive(Default)]
pub(crate) struct Prepared<'d, 't> {
    pub(crate) texts: Vec<&'t str>,
    pub(crate) lows: Vec<&'d str>,
    pub(crate) flags: Vec<u32>,
}

/// The lowercase forms of a document's tokens that are not ASCII, one after the other:
/// the text and, per token, its index and range in it.
#[derive(Default)]
pub(crate) struct Unicode {
    text: String,
    at: Vec<(usize, usize, usize)>,
}

/// A token's kind, capital and length flags (`flag::WORD` … `flag::LONG`).
#[inline]
fn shape(t: &Token, word: &str) -> u32 {
    let caps = match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => word.chars().next().is_some_and(char::is_uppercase),
        None => false,
    };
    let kind = match t.kind {
        TokenKind::Word => flag::WORD,
        TokenKind::Number => flag::NUMBER,
        TokenKind::Punct => flag::PUNCT,
        TokenKind::Handle => 0,
    };
    let caps = if caps { flag::CAPS } else { 0 };
    let long = if word.len() > 3 { flag::LONG } else { 0 };
    kind | caps | long
}

impl<'d, 't> Prepared<'d, 't> {
    /// Prepares `tokens` (all of `text`'s), given `lower` (`text` in ASCII lowercase) and
    /// a buffer for the other lowercase forms. `shared`, when given, holds each token's
    /// word-list bits as the attribution stage's token pass found them: the tokens are
    /// then not looked up again.
    pub(crate) fn new(
        text: &'t str,
        tokens: &[Token],
        lower: &'d str,
        unicode: &'d mut Unicode,
        lex: &Lexicons,
        shared: Option<&[u32]>,
    ) -> Prepared<'d, 't> {
        if let Some(bits) = shared.filter(|b| b.len() == tokens.len()) {
            return Prepared::from_shared(text, tokens, lower, unicode, bits);
        }
        let n = tokens.len();
        let mut p = Prepared {
            texts: Vec::with_capacity(n),
            lows: Vec::with_capacity(n),
            flags: Vec::with_capacity(n),
        };
        unicode.text.clear();
        unicode.at.clear();
        for (k, t) in tokens.iter().enumerate() {
            let word = text.get(t.start..t.end).unwrap_or("");
            let (classes, ascii) = lex.classes_ascii(text.as_bytes(), t.start, t.end);
            let shape = shape(t, word);
            p.texts.push(word);
            if ascii {
                p.lows.push(lower.get(t.start..t.end).unwrap_or(""));
                p.flags.push(shape | classes);
            } else {
                let start = unicode.text.len();
                push_key(word, &mut unicode.text);
                unicode.at.push((k, start, unicode.text.len()));
                p.lows.push("");
                p.flags.push(shape);
            }
        }
        let unicode: &'d Unicode = unicode;
        for &(k, a, b) in &unicode.at {
            let low = unicode.text.get(a..b).unwrap_or("");
            if let (Some(l), Some(f)) = (p.lows.get_mut(k), p.flags.get_mut(k)) {
                *l = low;
                *f |= lex.classes(low);
            }
        }
        p
    }

    /// [`Prepared::new`] with each token's word-list bits given (see
    /// [`crate::stage::TokenBits`]).
    fn from_shared(
        text: &'t str,
        tokens: &[Token],
        lower: &'d str,
        unicode: &'d mut Unicode,
        bits: &[u32],
    ) -> Prepared<'d, 't> {
        // Column by column: each pass is a tight loop that writes without growing.
        let texts: Vec<&'t str> = tokens
            .iter()
            .map(|t| text.get(t.start..t.end).unwrap_or(""))
            .collect();
        let flags: Vec<u32> = tokens
            .iter()
            .zip(&texts)
            .zip(bits)
            .map(|((t, word), &classes)| shape(t, word) | (classes & class::ALL))
            .collect();
        let mut lows: Vec<&'d str> = tokens
            .iter()
            .zip(bits)
            .map(|(t, &classes)| {
                if classes & NOT_ASCII == 0 {
                    lower.get(t.start..t.end).unwrap_or("")
                } else {
                    ""
                }
            })
            .collect();
        unicode.text.clear();
        unicode.at.clear();
        for (k, (word, _)) in texts
            .iter()
            .zip(bits)
            .enumerate()
            .filter(|(_, (_, c))| **c & NOT_ASCII != 0)
        {
            let start = unicode.text.len();
            push_key(word, &mut unicode.text);
            unicode.at.push((k, start, unicode.text.len()));
        }
        let unicode: &'d Unicode = unicode;
        for &(k, a, b) in &unicode.at {
            if let Some(l) = lows.get_mut(k) {
                *l = unicode.text.get(a..b).unwrap_or("");
            }
        }
        Prepared { texts, lows, flags }
    }
}

/// One sentence's tokens (indexes are local: `0..len()`), their lowercase forms, and the
/// lexicons.
pub(crate) struct View<'a, 't> {
    pub(crate) text: &'t str,
    toks: &'a [Token],
    /// Each token's text (parallel to `toks`), sliced once per document.
    texts: &'a [&'t str],
    /// Each token's lowercase form (parallel to `toks`).
    lows: &'a [&'a str],
    /// Each token's [`flag`]s (parallel to `toks`).
    flags: &'a [u32],
    pub(crate) lex: &'a Lexicons,
    buf: &'a mut String,
    heading: bool,
    first: usize,
}

/// The word lists of the rules below, looked up with the lexicons' (see
/// [`Lexicons::new`]): a membership test is then a bit test.
pub(crate) const RULE_WORDS: [(&[&str], u32); 4] = [
    // Adverbs and particles that may stand between a modal and its verb.
    (
        &[
            "not", "also", "never", "still", "already", "just", "then", "n't", "even", "be",
            "have", "been", "soon", "now",
        ],
        class::FILLER,
    ),
    // Articles, possessives and prepositions: the next word is a noun or an adjective.
    (
        &[
            "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my",
            "your", "of", "for", "with", "in", "on", "at", "from", "by", "any", "no", "every",
            "each", "over", "about", "into", "under", "after", "before", "against", "without",
            "during",
        ],
        class::DETERMINER,
    ),
    (&["if", "unless"], class::CONDITION),
    (&["and", "but", "or", "so"], class::CONJUNCTION),
];

/// Adverbs and particles that may stand between a modal and its verb.
fn is_filler(w: &str, flags: u32) -> bool {
    w.len() > 3 && w.ends_with("ly") || flags & class::FILLER != 0
}

impl<'a, 't> View<'a, 't> {
    /// The sentence of `toks` (with their texts, lowercase forms and flags).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        text: &'t str,
        toks: &'a [Token],
        texts: &'a [&'t str],
        lows: &'a [&'a str],
        flags: &'a [u32],
        lex: &'a Lexicons,
        buf: &'a mut String,
        heading: bool,
    ) -> View<'a, 't> {
        let first = flags.iter().position(|f| f & flag::PUNCT == 0).unwrap_or(0);
        let mut v = View {
            text,
            toks,
            texts,
            lows,
            flags,
            lex,
            buf,
            heading,
            first,
        };
        if !v.heading {
            // A line with most words capitalised reads as a headline.
            let (mut words, mut caps) = (0, 0);
            for f in flags {
                let long_word = f & (flag::WORD | flag::LONG) == flag::WORD | flag::LONG;
                words += usize::from(long_word);
                caps += usize::from(long_word && f & flag::CAPS != 0);
            }
            v.heading = words >= 3 && caps * 4 >= words * 3;
        }
        v
    }

    /// Some token has one of `bits`.
    pub(crate) fn any_flagged(&self, bits: u32) -> bool {
        self.flags.iter().any(|f| f & bits != 0)
    }
    /// The sentence's text holds a hyphen ('-' or '‐' U+2010; not merely a byte that
    /// starts one, as curly quotes do, which would send every word to the slow test).
    pub(crate) fn has_hyphen(&self) -> bool {
        let (Some(a), Some(b)) = (self.toks.first(), self.toks.last()) else {
            return false;
        };
        let bytes = self.text.as_bytes().get(a.start..b.end).unwrap_or(&[]);
        memchr::memchr(b'-', bytes).is_some()
            || memchr::memmem::find(bytes, "‐".as_bytes()).is_some()
    }

    /// Token `i` has every bit of `bits`.
    fn flagged(&self, i: usize, bits: u32) -> bool {
        self.flags.get(i).is_some_and(|f| f & bits == bits)
    }
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }
    /// Every token's text, lowercase form and flags, for a pass over all of them.
    pub(crate) fn columns(&self) -> (&'a [&'t str], &'a [&'a str], &'a [u32]) {
        (self.texts, self.lows, self.flags)
    }
    pub(crate) fn token(&self, i: usize) -> Token {
        self.toks[i]
    }
    pub(crate) fn text(&self, i: usize) -> &'t str {
        self.texts[i]
    }
    /// The token in lowercase, apostrophes straightened.
    pub(crate) fn lower(&self, i: usize) -> &'a str {
        self.lows.get(i).copied().unwrap_or("")
    }
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.flagged(i, flag::WORD)
    }
    pub(crate) fn is_number(&self, i: usize) -> bool {
        self.flagged(i, flag::NUMBER)
    }
    pub(crate) fn is_punct(&self, i: usize) -> bool {
        self.flagged(i, flag::PUNCT)
    }
    pub(crate) fn is_capitalized(&self, i: usize) -> bool {
        self.flagged(i, flag::CAPS)
    }
    pub(crate) fn first_token(&self) -> usize {
        self.first
    }
    pub(crate) fn heading_like(&self) -> bool {
        self.heading
    }
    pub(crate) fn taken(&self, i: usize) -> bool {
        self.flagged(i, flag::TAKEN)
    }
    pub(crate) fn covered(&self, i: usize) -> bool {
        self.flagged(i, flag::COVERED)
    }
    /// No space between tokens `a` and `b`.
    pub(crate) fn glued(&self, a: usize, b: usize) -> bool {
        self.toks[a].end == self.toks[b].start
    }
    pub(crate) fn char_before(&self, i: usize) -> Option<char> {
        self.text[..self.toks[i].start].chars().next_back()
    }
    pub(crate) fn char_after(&self, i: usize) -> Option<char> {
        self.text[self.toks[i].end..].chars().next()
    }

    /// A number word (found by the lexicon pass over the document).
    pub(crate) fn in_numbers(&mut self, i: usize) -> bool {
        self.flagged(i, flag::NUMBER_WORD)
    }
    pub(crate) fn word_in_numbers(&mut self, w: &str) -> bool {
        self.lex.is_number_word(w, self.buf)
    }
    pub(crate) fn in_scales(&mut self, i: usize) -> bool {
        self.flagged(i, class::SCALE)
    }
    pub(crate) fn in_approximators(&mut self, i: usize) -> bool {
        self.flagged(i, class::APPROXIMATOR)
    }
    pub(crate) fn in_months(&mut self, i: usize) -> bool {
        // Month names are capitalised; "may" and "march" in lowercase are words.
        self.flagged(i, flag::CAPS | class::MONTH)
    }
    pub(crate) fn in_name_nouns(&mut self, i: usize) -> bool {
        self.flagged(i, class::NAME_NOUN)
    }
    pub(crate) fn in_function_words(&mut self, i: usize) -> bool {
        self.flagged(i, class::FUNCTION_WORD)
    }
    pub(crate) fn in_clause_words(&mut self, i: usize) -> bool {
        self.flagged(i, class::CLAUSE_WORD)
    }
    pub(crate) fn in_modals(&mut self, i: usize) -> bool {
        self.flagged(i, class::MODAL)
    }
    pub(crate) fn in_auxiliaries(&mut self, i: usize) -> bool {
        self.flagged(i, class::AUXILIARY)
    }

    /// The next token satisfies `f`.
    pub(crate) fn next_is(&mut self, i: usize, f: impl FnOnce(&mut Self, usize) -> bool) -> bool {
        i + 1 < self.len() && f(self, i + 1)
    }
    /// The previous word (skipping one `.` or `,`) satisfies `f`.
    pub(crate) fn prev_word_is(
        &mut self,
        i: usize,
        f: impl FnOnce(&mut Self, usize) -> bool,
    ) -> bool {
        let mut j = i;
        while j > 0 {
            j -= 1;
            if self.is_word(j) {
                return f(self, j);
            }
            if !matches!(self.text(j), "." | ",") || j + 2 < i {
                return false;
            }
        }
        false
    }
    /// The next word (skipping one `.` or `,`) satisfies `f`.
    pub(crate) fn next_word_is(
        &mut self,
        i: usize,
        f: impl FnOnce(&mut Self, usize) -> bool,
    ) -> bool {
        let mut j = i + 1;
        while j < self.len() {
            if self.is_word(j) {
                return f(self, j);
            }
            if !matches!(self.text(j), "." | ",") || j > i + 2 {
                return false;
            }
            j += 1;
        }
        false
    }

    /// A modal or "to" governs the verb at `i` ("will meet", "to visit", "could not be
    /// reached").
    /// "may have been attacked" is a past event (hedged), "would have won" is not.
    pub(crate) fn modal_before(&mut self, i: usize) -> bool {
        let mut j = i;
        let mut steps = 0;
        let mut perfect = false;
        while j > 0 && steps < 4 {
            j -= 1;
            steps += 1;
            if !self.is_word(j) {
                return false;
            }
            if self.in_modals(j) {
                let possibility = matches!(self.lower(j), "may" | "might" | "could" | "must");
                return !(perfect && possibility);
            }
            let w = self.lower(j);
            perfect |= w == "have";
            if !is_filler(w, self.flags.get(j).copied().unwrap_or(0)) {
                return false;
            }
        }
        false
    }

    /// The word right before `i` is an article, possessive or preposition: the word at
    /// `i` is used as a noun or an adjective ("the attack", "of paid leave").
    pub(crate) fn after_determiner(&mut self, i: usize) -> bool {
        i > 0 && self.flagged(i - 1, flag::WORD | class::DETERMINER)
    }

    /// Token `i` stands in an "if"/"unless" clause (no punctuation between).
    pub(crate) fn in_condition(&mut self, i: usize) -> bool {
        let mut j = i;
        let mut steps = 0;
        while j > 0 && steps < 16 {
            j -= 1;
            steps += 1;
            if self.is_punct(j) && !matches!(self.text(j), "'" | "’" | "-") {
                return false;
            }
            if self.flagged(j, flag::WORD | class::CONDITION) {
                return true;
            }
        }
        false
    }

    /// A token that ends a phrase: punctuation other than inner marks (currency, hyphens,
    /// quotation marks of a quoted fragment), or a clause word.
    fn boundary(&mut self, i: usize) -> bool {
        if self.is_punct(i) {
            return !matches!(
                self.text(i),
                "$" | "€" | "£" | "%" | "&" | "-" | "'" | "’" | "\"" | "“" | "”"
            );
        }
        self.in_clause_words(i)
    }

    /// Extends `[from, to)` left by up to `left` and right by up to `right` tokens, not
    /// crossing punctuation or clause words, and trims function words at the edges.
    pub(crate) fn phrase(
        &mut self,
        from: usize,
        to: usize,
        left: usize,
        right: usize,
    ) -> (usize, usize) {
        let mut a = from;
        let mut n = 0;
        while a > 0 && n < left && !self.boundary(a - 1) {
            a -= 1;
            n += 1;
        }
        let mut b = to;
        n = 0;
        while b < self.len() && n < right && !self.boundary(b) {
            b += 1;
            n += 1;
        }
        while b > to && (self.in_function_words(b - 1) || self.is_punct(b - 1)) {
            b -= 1;
        }
        while a < from && (self.is_punct(a) || self.flagged(a, class::CONJUNCTION)) {
            a += 1;
        }
        (a, b)
    }

    /// The span of tokens `[from, to)`.
    pub(crate) fn span(&self, from: usize, to: usize) -> Span<'t> {
        let (from, to) = (from.min(self.len()), to.min(self.len()));
        if from >= to {
            let at = self.toks.get(from).map_or(self.text.len(), |t| t.start);
            return Span::of(self.text, at, at);
        }
        Span::of(self.text, self.toks[from].start, self.toks[to - 1].end)
    }
}
