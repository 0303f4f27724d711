//! Sentence splitting (SPEC §1): where sentences end ([`boundary`]) and what each one is
//! on the page ([`kind`]: body, heading, or page furniture per [`furniture`]).
//!
//! Word lists are data (`data/titles.txt`, `abbreviations.txt`, `boilerplate.txt`, …),
//! extended by the builder's `abbreviation`, `title`, `boilerplate_phrase` and `cue`.

mod boundary;
mod furniture;
mod kind;
mod lexicons;
mod text;

#[cfg(test)]
mod tests;

use crate::analyzer::AnalyzerBuilder;
use crate::document::Sentence;
use crate::error::Error;
use crate::span::Span;

use furniture::Furniture;
use lexicons::Lexicons;

/// Splits text into sentences and gives each its kind.
#[derive(Clone, Debug)]
pub(crate) struct Segmenter {
    lexicons: Lexicons,
    furniture: Furniture,
}

impl Segmenter {
    pub(crate) fn new(options: &AnalyzerBuilder) -> Result<Segmenter, Error> {
        Ok(Segmenter {
            lexicons: Lexicons::new(options),
            furniture: Furniture::new(options)?,
        })
    }

    /// The sentences of `text`, in order: byte spans that cover every non-whitespace
    /// character and never start or end on whitespace.
    pub(crate) fn split<'t>(&self, text: &'t str) -> Vec<Sentence<'t>> {
        let mut raws = Vec::with_capacity(text.len() / 128 + 1);
        boundary::split(text, &self.lexicons, &mut raws);
        let kinds = kind::kinds(text, &raws, &self.furniture);
        raws.iter()
            .zip(kinds)
            .map(|(r, kind)| Sentence {
                span: Span::of(text, r.start, r.end),
                kind,
            })
            .collect()
    }
}
