//! Quotations: pairs of quotation marks matched by type and direction.
//!
//! One linear pass with a small bounded stack: an unmatched mark is dropped at the end
//! of its paragraph (or when the stack is full), so it loses at most its own quote.

/// A top-level quotation. Byte offsets into the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quote {
    /// The opening mark.
    pub(crate) open: usize,
    /// First byte after the opening mark.
    pub(crate) start: usize,
    /// First byte of the closing mark (or of the trailing whitespace of an unclosed
    /// paragraph that the next paragraph continues).
    pub(crate) end: usize,
    /// First byte after the closing mark.
    pub(crate) close_end: usize,
    /// This quote opens a paragraph that continues the previous paragraph's quotation.
    pub(crate) continues: bool,
}

/// Mark families: a closing mark only closes an opening mark of its family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// “ ” and „ (closed by “ or ”).
    Curly,
    /// ‘ ’ and ‚.
    Single,
    /// Straight " and the wires' '' / `` pairs.
    Straight,
    /// Straight '.
    Apos,
    /// « ».
    Guillemet,
    /// ‹ ›.
    SingleGuillemet,
}

#[derive(Clone, Copy, Debug)]
enum Dir {
    Open,
    Close,
    /// Direction decided by context.
    Either,
}

const MAX_DEPTH: usize = 6;

#[derive(Clone, Copy, Debug)]
struct Open {
    family: Family,
    at: usize,
    len: usize,
}

fn is_letter(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// Before an opening mark: nothing, space, an opening bracket or dash.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘')
        }
    }
}

struct Scanner<'a> {
    text: &'a str,
    out: Vec<Quote>,
    stack: Vec<Open>,
    /// An unclosed top-level quote at the end of the previous paragraph: (open, start, end).
    dangling: Option<(usize, usize, usize)>,
    /// The opening mark (byte) of a quote that continues the previous paragraph's.
    continuing: Option<usize>,
    para_start: bool,
}

/// Finds the bytes that may start a quotation mark or a line break; everything else is
/// skipped without decoding. “ ” ‘ ’ „ ‚ ‹ › start with 0xE2, « » with 0xC2. Two
/// vectorised three-byte searches, each cursor kept until passed, so the text is read
/// about twice in total.
struct Interesting<'a> {
    bytes: &'a [u8],
    /// The next hit of each search (`len` when none), or `None` before the first search.
    next: [Option<usize>; 2],
}

impl Interesting<'_> {
    fn new(bytes: &[u8]) -> Interesting<'_> {
        Interesting {
            bytes,
            next: [None; 2],
        }
    }

    /// The first interesting byte at or after `i` (`len` when none).
    fn at_or_after(&mut self, i: usize) -> usize {
        let n = self.bytes.len();
        for k in 0..2 {
            if self.next[k].is_none_or(|x| x < i) {
                let hay = self.bytes.get(i..).unwrap_or(&[]);
                let hit = if k == 0 {
                    memchr::memchr3(b'\n', b'"', 0xE2, hay)
                } else {
                    memchr::memchr3(b'\'', b'`', 0xC2, hay)
                };
                self.next[k] = Some(hit.map_or(n, |h| i + h));
            }
        }
        self.next[0].unwrap_or(n).min(self.next[1].unwrap_or(n))
    }
}

/// Finds the top-level quotations of `text`, in order.
#[inline(never)]
pub(crate) fn find(text: &str) -> Vec<Quote> {
    let mut sc = Scanner {
        text,
        out: Vec::new(),
        stack: Vec::with_capacity(MAX_DEPTH),
        dangling: None,
        continuing: None,
        para_start: true,
    };
    let bytes = text.as_bytes();
    // Start of the current paragraph's first non-space character, found lazily.
    let mut para_begin = 0usize;
    let mut scan = Interesting::new(bytes);
    let mut i = 0usize;
    loop {
        i = scan.at_or_after(i);
        if i >= bytes.len() {
            break;
        }
        // U+2000–U+203F (E2 80 xx): news text is full of apostrophes, dashes and
        // ellipses, which are no marks; only the quotation marks, and ’ while a ‘ is
        // open, need a closer look. (Skipping the rest only defers the paragraph-start
        // test below to the next mark, which gives the same answer.)
        if bytes[i] == 0xE2 && bytes.get(i + 1) == Some(&0x80) {
            match bytes.get(i + 2) {
                Some(0x98 | 0x9A | 0x9C | 0x9D | 0x9E | 0xB9 | 0xBA) => {}
                Some(0x99) if sc.stack.iter().any(|o| o.family == Family::Single) => {}
                _ => {
                    i += 3;
                    continue;
                }
            }
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let clen = c.len_utf8();
        let prev = text[..i].chars().next_back();
        let next = text[i + clen..].chars().next();
        if c == '\n' {
            // A line break ends a paragraph unless the next line continues a wrapped
            // sentence (starts in lowercase).
            let rest = text[i + 1..].trim_start_matches([' ', '\t', '\r']);
            let wrapped = rest.chars().next().is_some_and(char::is_lowercase);
            // Blank lines between paragraphs end nothing more.
            if !wrapped && !text[para_begin..i].trim().is_empty() {
                sc.end_paragraph(i);
            }
            if !wrapped {
                para_begin = i + 1;
            }
            i += 1;
            continue;
        }
        if sc.para_start && !text[para_begin..i].trim().is_empty() {
            sc.para_start = false;
        }
        let at_para_start = sc.para_start;
        let step = |n: usize| i + n;
        let (family, dir, len) = match c {
            '“' => {
                // „…“ (German) closes with “.
                let german = sc
                    .stack
                    .last()
                    .is_some_and(|o| o.family == Family::Curly && text[o.at..].starts_with('„'));
                (
                    Family::Curly,
                    if german { Dir::Close } else { Dir::Open },
                    3,
                )
            }
            '„' => (Family::Curly, Dir::Open, 3),
            '”' => (Family::Curly, Dir::Close, 3),
            '‘' | '‚' => (Family::Single, Dir::Open, 3),
            '’' => {
                // Between letters it is an apostrophe (don’t, Russia’s); after a letter it
                // closes only a pending ‘ (voters’ is a possessive otherwise).
                let pending = sc.stack.iter().any(|o| o.family == Family::Single);
                if (is_letter(prev) && is_letter(next)) || !pending {
                    i = step(clen);
                    continue;
                }
                (Family::Single, Dir::Close, 3)
            }
            '«' => (Family::Guillemet, Dir::Open, 2),
            '»' => (Family::Guillemet, Dir::Close, 2),
            '‹' => (Family::SingleGuillemet, Dir::Open, 3),
            '›' => (Family::SingleGuillemet, Dir::Close, 3),
            '"' => (Family::Straight, Dir::Either, 1),
            '`' if bytes.get(i + 1) == Some(&b'`') => (Family::Straight, Dir::Open, 2),
            '\'' if bytes.get(i + 1) == Some(&b'\'') => {
                // The wires' '' (opening or closing, as a straight ").
                let next = text[i + 2..].chars().next();
                let dir = straight_dir(prev, next, &sc.stack, Family::Straight);
                (Family::Straight, dir, 2)
            }
            '\'' => {
                if is_letter(prev) && is_letter(next) {
                    i = step(1);
                    continue;
                }
                let pending = sc.stack.iter().any(|o| o.family == Family::Apos);
                let dir = if opens_after(prev) && is_letter(next) {
                    Dir::Open
                } else if pending && !is_space(prev) && !is_letter(next) {
                    Dir::Close
                } else {
                    i = step(1);
                    continue;
                };
                (Family::Apos, dir, 1)
            }
            _ => {
                i = step(clen);
                continue;
            }
        };
        let dir = match dir {
            Dir::Either => straight_dir(prev, next, &sc.stack, family),
            d => d,
        };
        sc.para_start = false;
        sc.mark(at_para_start, family, dir, i, len);
        i = step(len);
    }
    sc.end_paragraph(text.len());
    sc.out
}

/// Direction of a symmetric mark from its neighbours, else from what is pending.
fn straight_dir(prev: Option<char>, next: Option<char>, stack: &[Open], family: Family) -> Dir {
    let pending = stack.iter().any(|o| o.family == family);
    let open_ctx = opens_after(prev) && !is_space(next);
    let close_ctx =
        !is_space(prev) && (is_space(next) || next.is_some_and(|n| !n.is_alphanumeric()));
    match (open_ctx, close_ctx) {
        (true, false) => Dir::Open,
        (false, true) => Dir::Close,
        _ if pending => Dir::Close,
        _ => Dir::Open,
    }
}

impl Scanner<'_> {
    fn end_paragraph(&mut self, at: usize) {
        self.dangling = self
            .stack
            .first()
            .filter(|o| o.family != Family::Apos)
            .map(|o| {
                let start = o.at + o.len;
                let end = self.text[..at].trim_end().len().max(start);
                (o.at, start, end)
            });
        self.stack.clear();
        self.continuing = None;
        self.para_start = true;
    }

    fn mark(&mut self, para_start: bool, family: Family, dir: Dir, at: usize, len: usize) {
        if !matches!(dir, Dir::Close) {
            if self.stack.is_empty() {
                if let Some((open, start, end)) = self.dangling.take() {
                    // SPEC: a paragraph that opens a quotation and does not close it
                    // continues into the next paragraph that opens with a mark.
                    if para_start {
                        let continues = self.continuing_from(open);
                        self.out.push(Quote {
                            open,
                            start,
                            end,
                            close_end: end,
                            continues,
                        });
                        self.continuing = Some(at);
                    }
                }
            }
            if self.stack.len() < MAX_DEPTH {
                self.stack.push(Open { family, at, len });
            }
            return;
        }
        // Sloppy text closes “ with " or " with ”: double marks close each other when
        // their own family has nothing open.
        let double = |f: Family| matches!(f, Family::Curly | Family::Straight);
        let Some(k) = self
            .stack
            .iter()
            .rposition(|o| o.family == family)
            .or_else(|| {
                double(family)
                    .then(|| self.stack.iter().rposition(|o| double(o.family)))
                    .flatten()
            })
        else {
            return;
        };
        let o = self.stack[k];
        self.stack.truncate(k);
        if k == 0 {
            let start = o.at + o.len;
            let end = at.max(start);
            let continues = self.continuing_from(o.at);
            self.out.push(Quote {
                open: o.at,
                start,
                end,
                close_end: at + len,
                continues,
            });
        }
    }

    fn continuing_from(&mut self, open: usize) -> bool {
        if self.continuing == Some(open) {
            self.continuing = None;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find(text).iter().map(|q| &text[q.start..q.end]).collect()
    }

    #[test]
    fn pairs_by_family() {
        assert_eq!(
            quoted("“A ‘b’ c,” he said. «Да» and \"d\""),
            ["A ‘b’ c,", "Да", "d"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quoted("The voters’ choice, Sanders’ plan, don’t 'go' now."),
            ["go"]
        );
        assert_eq!(quoted("It's the 'best' deal, the Jones' house."), ["best"]);
    }

    #[test]
    fn wire_quotes() {
        assert_eq!(
            quoted("''This is it,'' said Smith. ``Fine''"),
            ["This is it,", "Fine"]
        );
    }

    #[test]
    fn unmatched_mark_loses_one_quote() {
        assert_eq!(quoted("He said “no.\n\nShe said “yes” twice."), ["yes"]);
        assert_eq!(quoted("” stray “ok” fine"), ["ok"]);
    }

    #[test]
    fn paragraph_continuation() {
        let t = "“First part.\n\n“Second part.” he said.";
        let q = find(t);
        assert_eq!(q.len(), 2);
        assert_eq!(&t[q[0].start..q[0].end], "First part.");
        assert!(!q[0].continues);
        assert!(q[1].continues);
    }
}
