//! Spans: half-open byte ranges into the analyzed text, carrying the text they cover.

use std::fmt;
use std::ops::Range;

/// A half-open byte range `[start, end)` of the analyzed text, with the slice it covers.
///
/// Spans borrow the text, so they cost two integers and a pointer: nothing is copied.
///
/// ```
/// let analyzer = sayso::Analyzer::new();
/// let doc = analyzer.analyze("Kyiv is calm. Grüße aus Köln.");
/// let second = doc.sentences()[1].span();
/// assert_eq!(second.as_str(), "Grüße aus Köln.");
/// assert_eq!(&doc.text()[second.range()], second.as_str());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

impl<'t> Span<'t> {
    /// The span `[start, end)` of `text`.
    ///
    /// Returns `None` when the range is out of bounds, reversed, or not on `char` boundaries.
    ///
    /// ```
    /// use sayso::Span;
    /// let s = Span::new("Grüße", 0, 4).unwrap();
    /// assert_eq!(s.as_str(), "Grü");
    /// assert!(Span::new("Grüße", 0, 3).is_none()); // inside 'ü'
    /// ```
    pub fn new(text: &'t str, start: usize, end: usize) -> Option<Span<'t>> {
        let slice = text.get(start..end)?;
        Some(Span {
            start,
            end,
            text: slice,
        })
    }

    /// Like [`Span::new`], for ranges the crate computed itself; never panics, an invalid
    /// range (a bug) degrades to an empty span at `start`.
    pub(crate) fn of(text: &'t str, start: usize, end: usize) -> Span<'t> {
        match text.get(start..end) {
            Some(slice) => Span {
                start,
                end,
                text: slice,
            },
            None => {
                debug_assert!(false, "span {start}..{end} is not on char boundaries");
                Span {
                    start,
                    end: start,
                    text: "",
                }
            }
        }
    }

    /// Byte offset of the first byte.
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset one past the last byte.
    pub fn end(&self) -> usize {
        self.end
    }

    /// `start..end`, for slicing the analyzed text.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The covered text.
    pub fn as_str(&self) -> &'t str {
        self.text
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

impl fmt::Debug for Span<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{} {:?}", self.start, self.end, self.text)
    }
}

impl fmt::Display for Span<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text)
    }
}
