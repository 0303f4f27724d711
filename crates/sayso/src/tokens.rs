//! Tokens: words, numbers and punctuation with byte spans, made once per document and
//! shared by the stages after sentence splitting.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and periods (`don't`, `Kyiv-based`, `U.S.`).
    Word,
    /// Digits with inner `,` `.` `:` (`1,000`, `3.5`, `5:30`).
    Number,
    /// `@handle`, `#tag`.
    Handle,
    /// Any other single non-space character.
    Punct,
}

/// One token: byte span and kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: TokenKind,
}

impl Token {
    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‐')
}

/// `U`, `U.S`, `a.m`: single letters joined by periods.
pub(crate) fn is_initialism(s: &str) -> bool {
    if s.is_ascii() {
        // Letter, period, letter, …: the same test without splitting.
        let b = s.as_bytes();
        return b.len() % 2 == 1
            && b.iter().enumerate().all(|(i, &c)| {
                if i % 2 == 0 {
                    c.is_ascii_alphabetic()
                } else {
                    c == b'.'
                }
            });
    }
    s.split('.').all(|part| {
        let mut cs = part.chars();
        cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none()
    })
}

/// What a byte is to the tokenizer, so that ASCII text (nearly all of it) is read byte
/// by byte without decoding characters or consulting Unicode tables.
const SPACE: u8 = 1;
const WORD: u8 = 2;
const DIGIT: u8 = 4;
/// The first byte of a non-ASCII character: decode it and ask Unicode.
const WIDE: u8 = 8;

const BYTES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            WIDE
        } else if c.is_ascii_digit() {
            WORD | DIGIT
        } else if c.is_ascii_alphabetic() || c == b'_' {
            WORD
        } else if c == b' ' || (c >= 0x09 && c <= 0x0d) {
            // `char::is_whitespace` for ASCII.
            SPACE
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The character at byte `i` of `s` (a char boundary), its length and its class.
#[inline(always)]
fn char_at(s: &str, i: usize) -> Option<(char, usize, u8)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1, BYTES[b as usize]));
    }
    let c = s.get(i..)?.chars().next()?;
    let class = if is_general_punctuation(c) {
        // Dashes, curly quotes, ellipses: common in news, and costly to look up.
        0
    } else if c.is_whitespace() {
        SPACE
    } else if c.is_alphanumeric() {
        WORD
    } else {
        0
    };
    Some((c, c.len_utf8(), class))
}

/// U+2010–U+2027 and U+2030–U+205E: neither letters, digits nor spaces.
#[inline(always)]
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}')
}

/// Tokenizes `text[range]`, appending to `out` (offsets are into `text`).
pub(crate) fn tokenize_into(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let s = &text[from..to];
    let bytes = s.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        let mut class = BYTES[b as usize];
        if class & SPACE != 0 {
            i += 1;
            continue;
        }
        let mut clen = 1;
        if class & WIDE != 0 {
            let Some((_, l, c)) = char_at(s, i) else {
                break;
            };
            clen = l;
            class = c;
            if class & SPACE != 0 {
                i += clen;
                continue;
            }
        }
        let start = i;
        if class & WORD == 0 {
            if (b == b'@' || b == b'#') && char_at(s, i + 1).is_some_and(|(_, _, c)| c & WORD != 0)
            {
                let mut end = i + 1;
                while let Some((_, l, c)) = char_at(s, end) {
                    if c & WORD == 0 {
                        break;
                    }
                    end += l;
                }
                out.push(Token {
                    start: from + start,
                    end: from + end,
                    kind: TokenKind::Handle,
                });
                i = end;
                continue;
            }
            out.push(Token {
                start: from + start,
                end: from + start + clen,
                kind: TokenKind::Punct,
            });
            i += clen;
            continue;
        }
        let numeric = class & DIGIT != 0;
        let end = if numeric {
            word_end(s, start, clen, true)
        } else {
            word_end(s, start, clen, false)
        };
        let kind = if numeric {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push(Token {
            start: from + start,
            end: from + end,
            kind,
        });
        i = end;
    }
}

/// The end of the word or number whose first character (`clen` bytes) is at `start`.
#[inline(always)]
fn word_end(s: &str, start: usize, clen: usize, numeric: bool) -> usize {
    let bytes = s.as_bytes();
    let n = bytes.len();
    let mut all_digits = numeric;
    let mut end = start + clen;
    loop {
        // The ASCII letters and digits of the token, byte by byte.
        if all_digits {
            while end < n && BYTES[bytes[end] as usize] & WORD != 0 {
                all_digits &= BYTES[bytes[end] as usize] & DIGIT != 0;
                end += 1;
            }
        } else {
            while end < n && BYTES[bytes[end] as usize] & WORD != 0 {
                end += 1;
            }
        }
        let Some((nc, nlen, ncls)) = char_at(s, end) else {
            break;
        };
        if ncls & WORD != 0 {
            // A non-ASCII letter or digit.
            all_digits = false;
            end += nlen;
            continue;
        }
        if ncls & SPACE != 0 {
            // Most words end at a space, which joins nothing.
            break;
        }
        // A joiner stays inside the token only when a word char follows it.
        let digits = numeric && all_digits;
        let joins = if digits {
            matches!(nc, ',' | '.' | ':')
        } else {
            is_joiner(nc)
        };
        if !joins {
            break;
        }
        let after = end + nlen;
        let continues = match char_at(s, after) {
            Some((m, _, _)) if digits => m.is_ascii_digit(),
            Some((_, _, c)) => c & WORD != 0,
            None => false,
        };
        if continues {
            end = after;
        } else {
            // "U.S." keeps its final period.
            if nc == '.' && is_initialism(&s[start..end]) {
                end = after;
            }
            break;
        }
    }
    end
}

/// Tokens of the whole text.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, 0, text.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    fn is_word_char(c: char) -> bool {
        c.is_alphanumeric() || c == '_'
    }

    /// The tokenizer as first written (char by char, Unicode predicates only): the fast
    /// path must cut every text exactly like it.
    fn reference(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut it = text.char_indices().peekable();
        while let Some((start, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            if (c == '@' || c == '#') && it.peek().is_some_and(|&(_, n)| is_word_char(n)) {
                let mut end = start + 1;
                while let Some(&(j, n)) = it.peek() {
                    if !is_word_char(n) {
                        break;
                    }
                    end = j + n.len_utf8();
                    it.next();
                }
                out.push(Token {
                    start,
                    end,
                    kind: TokenKind::Handle,
                });
                continue;
            }
            if !is_word_char(c) {
                let end = start + c.len_utf8();
                out.push(Token {
                    start,
                    end,
                    kind: TokenKind::Punct,
                });
                continue;
            }
            let numeric = c.is_ascii_digit();
            let mut end = start + c.len_utf8();
            let mut all_digits = numeric;
            while let Some(&(j, n)) = it.peek() {
                if is_word_char(n) {
                    all_digits &= n.is_ascii_digit();
                    end = j + n.len_utf8();
                    it.next();
                    continue;
                }
                let joins = if numeric && all_digits {
                    matches!(n, ',' | '.' | ':')
                } else {
                    is_joiner(n)
                };
                if !joins {
                    break;
                }
                let after = j + n.len_utf8();
                let continues = match text[after..].chars().next() {
                    Some(m) if numeric && all_digits => m.is_ascii_digit(),
                    Some(m) => is_word_char(m),
                    None => false,
                };
                if continues {
                    it.next();
                    end = after;
                } else {
                    if n == '.' && is_initialism(&text[start..end]) {
                        it.next();
                        end = after;
                    }
                    break;
                }
            }
            let kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token { start, end, kind });
        }
        out
    }

    #[test]
    fn general_punctuation_is_punctuation() {
        for c in ('\u{2000}'..='\u{206f}').filter(|&c| is_general_punctuation(c)) {
            assert!(!c.is_whitespace() && !c.is_alphanumeric(), "{c:?}");
        }
        for s in [
            "", ".", "U", "U.S", "a.m", "U.", ".U", "UU.S", "U..S", "é.u", "1.2",
        ] {
            let slow = s.split('.').all(|part| {
                let mut cs = part.chars();
                cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none()
            });
            assert_eq!(is_initialism(s), slow, "{s:?}");
        }
    }

    #[test]
    fn same_cuts_as_the_reference() {
        let pieces = [
            "a", "B", "z", "7", "0", "_", " ", "  ", "\n", "\t", "\u{a0}", "\u{2003}", ".", ",",
            ":", "'", "’", "-", "‐", "@", "#", "$", "“", "”", "é", "Ж", "٣", "ß", "İ", "U.S.",
            "a.m.", "1,000", "3.5", "don't", "e.g.", "…", "—", "x.", "7th", "__",
        ];
        // A small deterministic generator: no dependency, the same texts on every run.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 24) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            assert_eq!(tokenize(&text), reference(&text), "{text:?}");
        }
    }

    #[test]
    fn words_numbers_handles() {
        assert_eq!(
            words("The U.S. sent $1,000.50 to @ZelenskyyUa, Kyiv-based don’t."),
            [
                "The",
                "U.S.",
                "sent",
                "$",
                "1,000.50",
                "to",
                "@ZelenskyyUa",
                ",",
                "Kyiv-based",
                "don’t",
                "."
            ]
        );
    }

    #[test]
    fn trailing_period_is_punct() {
        assert_eq!(words("It ended."), ["It", "ended", "."]);
        assert_eq!(words("Київ — “так”"), ["Київ", "—", "“", "так", "”"]);
    }
}
