//! Source attribution and entities (SPEC §3, §4).
//!
//! Token and lexicon rules, no parse: quotations are paired in one pass
//! ([`quotes`]), the text is cut into units that never split a quotation ([`doc`]),
//! cues are looked up in compiled word lists ([`lexicons`]), and each cue or quotation
//! takes its source from the noun phrase beside it ([`sources`]). Sources are then
//! resolved to entities ([`entities`]). Every step is linear in the input.

mod channel;
mod doc;
mod entities;
mod lexicons;
mod quotes;
mod rules;
mod sources;
mod wordtable;

use crate::analyzer::AnalyzerBuilder;
use crate::document::{Attribution, Entity};
use crate::error::Error;
use crate::stage::{Context, TokenBits};

/// Finds quotes and reported speech and ties them to their sources.
#[derive(Clone, Debug)]
pub(crate) struct Attributor {
    lex: lexicons::Lexicons,
}

impl Attributor {
    /// `shared`: the next stage's word lists, looked up in the same token pass (see
    /// [`TokenBits`]).
    pub(crate) fn new(
        options: &AnalyzerBuilder,
        shared: &[(Box<str>, u32)],
    ) -> Result<Attributor, Error> {
        Ok(Attributor {
            lex: lexicons::Lexicons::new(options, shared),
        })
    }

    // Kept out of line so that profiles show the stage's own cost.
    #[inline(never)]
    /// Also fills `shared`, when given, with each token's bits for the next stage.
    pub(crate) fn attribute<'t>(
        &self,
        cx: &Context<'_, 't>,
        shared: Option<&mut TokenBits>,
    ) -> (Vec<Attribution<'t>>, Vec<Entity<'t>>) {
        let mut lower = Vec::new();
        let doc = match shared {
            Some(shared) => doc::Doc::new::<true>(&self.lex, cx, &mut lower, shared),
            None => doc::Doc::new::<false>(&self.lex, cx, &mut lower, &mut Vec::new()),
        };
        let raws = rules::find(&doc);
        entities::resolve(&doc, raws)
    }
}
