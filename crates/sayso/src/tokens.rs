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

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‐')
}

/// `U`, `U.S`, `a.m`: single letters joined by periods.
fn is_initialism(s: &str) -> bool {
    s.split('.').all(|part| {
        let mut cs = part.chars();
        cs.next().is_some_and(char::is_alphabetic) && cs.next().is_none()
    })
}

/// Tokenizes `text[range]`, appending to `out` (offsets are into `text`).
pub(crate) fn tokenize_into(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let s = &text[from..to];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = from + i;
        if (c == '@' || c == '#') && it.peek().is_some_and(|&(_, n)| is_word_char(n)) {
            let mut end = start + 1;
            while let Some(&(j, n)) = it.peek() {
                if is_word_char(n) {
                    end = from + j + n.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Token {
                start,
                end,
                kind: TokenKind::Handle,
            });
            continue;
        }
        if !is_word_char(c) {
            out.push(Token {
                start,
                end: start + c.len_utf8(),
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
                end = from + j + n.len_utf8();
                it.next();
                continue;
            }
            // A joiner stays inside the token only when a word char follows it.
            let joins = if numeric && all_digits {
                matches!(n, ',' | '.' | ':')
            } else {
                is_joiner(n)
            };
            if !joins {
                break;
            }
            let after = from + j + n.len_utf8();
            let next = text[after..to].chars().next();
            let continues = match next {
                Some(m) if numeric && all_digits => m.is_ascii_digit(),
                Some(m) => is_word_char(m),
                None => false,
            };
            if continues {
                it.next();
                end = after;
            } else {
                // "U.S." keeps its final period.
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
