//! Sentence splitting (SPEC §1). Placeholder: the segmentation issue replaces this.

use crate::analyzer::AnalyzerBuilder;
use crate::document::{Sentence, SentenceKind};
use crate::error::Error;
use crate::span::Span;

/// Splits text into sentences and gives each its kind.
#[derive(Clone, Debug)]
pub(crate) struct Segmenter {}

impl Segmenter {
    pub(crate) fn new(_options: &AnalyzerBuilder) -> Result<Segmenter, Error> {
        Ok(Segmenter {})
    }

    pub(crate) fn split<'t>(&self, text: &'t str) -> Vec<Sentence<'t>> {
        let mut out = Vec::new();
        for (start, line) in lines(text) {
            let trimmed = line.trim();
            if trimmed.is_empty() {
                continue;
            }
            let s = start + (line.len() - line.trim_start().len());
            out.push(Sentence {
                span: Span::of(text, s, s + trimmed.len()),
                kind: SentenceKind::Body,
            });
        }
        out
    }
}

fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    text.split('\n').map(move |l| {
        let at = pos;
        pos += l.len() + 1;
        (at, l)
    })
}
