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

/// In a token's shared bits (see [`TokenBits`]): the token is not all ASCII, so its
/// lowercase form is not a slice of the text's ASCII lowercase.
pub(crate) const NOT_ASCII: u32 = 1 << 31;

/// Per token, the claim stage's word-list bits (its `class` bits, plus [`NOT_ASCII`]),
/// found by the attribution stage's token pass in the same table probe as its own
/// classes: each token is looked up once for the whole pipeline. The key is the one the
/// claim lists use: the whole token in lowercase, curly apostrophes straightened.
pub(crate) type TokenBits = Vec<u32>;
