//! Character classes of the segmenter, on bytes where the hot loop needs them.

/// `…` in UTF-8.
pub(crate) const ELLIPSIS: &str = "…";

/// The character at byte offset `i`, if `i` is a char boundary inside the text.
pub(crate) fn decode(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// True when `b[j..]` starts with `…`.
pub(crate) fn is_terminal_byte(b: &[u8], j: usize) -> bool {
    b.get(j..j + 3) == Some(ELLIPSIS.as_bytes())
}

/// A closing quotation mark or bracket at `b[j..]`: its length, and whether it is a
/// quotation mark.
pub(crate) fn closer_len(b: &[u8], j: usize) -> Option<(usize, bool)> {
    match *b.get(j)? {
        b'"' | b'\'' => Some((1, true)),
        b')' | b']' | b'}' => Some((1, false)),
        0xC2 if b.get(j + 1) == Some(&0xBB) => Some((2, true)), // »
        0xE2 if b.get(j + 1) == Some(&0x80) => match b.get(j + 2)? {
            0x9D | 0x99 | 0xBA => Some((3, true)), // ” ’ ›
            _ => None,
        },
        _ => None,
    }
}

/// Opening quotation marks and brackets.
pub(crate) fn is_opening_mark(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«' | '„' | '‚' | '‹' | '¿' | '¡'
    )
}

/// What may start a sentence after terminal punctuation: an uppercase letter (or a
/// letter of a script without case), a digit, an opening quotation mark or bracket, a
/// bullet.
pub(crate) fn is_plausible_start(c: char) -> bool {
    if c.is_alphabetic() {
        return !c.is_lowercase();
    }
    c.is_numeric()
        || is_opening_mark(c)
        || is_emoji(c)
        || matches!(
            c,
            '•' | '·' | '▪' | '■' | '●' | '►' | '*' | '-' | '–' | '—' | '#' | '@'
        )
}

/// Emoji and regional-indicator flags, which open many posts' sentences.
fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}')
}

/// Skips whitespace from `i`: returns the first non-whitespace offset (or the text
/// length) and the number of line breaks crossed, capped at 2.
pub(crate) fn skip_ws(text: &str, i: usize) -> (usize, u8) {
    let b = text.as_bytes();
    let mut k = i;
    let mut breaks = 0u8;
    while k < b.len() {
        match b[k] {
            b'\n' => {
                breaks = breaks.saturating_add(1);
                k += 1;
            }
            b'\r' => {
                if b.get(k + 1) != Some(&b'\n') {
                    breaks = breaks.saturating_add(1);
                }
                k += 1;
            }
            b' ' | b'\t' | 0x0B | 0x0C => k += 1,
            c if c < 0x80 => break,
            _ => match decode(text, k) {
                Some(ch) if ch.is_whitespace() => {
                    if ch == '\u{2028}' {
                        breaks = breaks.saturating_add(1);
                    } else if ch == '\u{2029}' {
                        breaks = 2;
                    }
                    k += ch.len_utf8();
                }
                _ => break,
            },
        }
    }
    (k, breaks.min(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_runs() {
        assert_eq!(skip_ws("a \n\u{a0}b", 1), (5, 1));
        assert_eq!(skip_ws("a\n\n\nb", 1), (4, 2));
        assert_eq!(skip_ws("a  ", 1), (3, 0));
        assert_eq!(skip_ws("ab", 1), (1, 0));
    }

    #[test]
    fn starts() {
        assert!(is_plausible_start('T'));
        assert!(is_plausible_start('Ж'));
        assert!(is_plausible_start('“'));
        assert!(is_plausible_start('7'));
        assert!(is_plausible_start('中'));
        assert!(!is_plausible_start('t'));
        assert!(!is_plausible_start('ж'));
        assert!(!is_plausible_start(','));
    }

    #[test]
    fn closers() {
        assert_eq!(closer_len("”".as_bytes(), 0), Some((3, true)));
        assert_eq!(closer_len(b")", 0), Some((1, false)));
        assert_eq!(closer_len(b"x", 0), None);
        assert_eq!(closer_len("—".as_bytes(), 0), None);
    }
}
