//! What the stages after sentence splitting receive.

use crate::document::Sentence;
use crate::tokens::Token;

/// One document on its way through the pipeline.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context<'a, 't> {
    pub(crate) text: &'t str,
    pub(crate) sentences: &'a [Sentence<'t>],
    pub(crate) tokens: &'a [Token],
    pub(crate) author: Option<&'a str>,
}
