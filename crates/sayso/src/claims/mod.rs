//! Claim tagging (SPEC §2). Placeholder: the claims issue fills it.

use crate::analyzer::AnalyzerBuilder;
use crate::document::{Attribution, Claim, Entity};
use crate::error::Error;
use crate::stage::Context;

/// Labels sentences with claim kinds, evidence, check-worthiness and hedging.
#[derive(Clone, Debug)]
pub(crate) struct Tagger {}

impl Tagger {
    pub(crate) fn new(_options: &AnalyzerBuilder) -> Result<Tagger, Error> {
        Ok(Tagger {})
    }

    pub(crate) fn tag<'t>(
        &self,
        _cx: &Context<'_, 't>,
        _attributions: &[Attribution<'t>],
        _entities: &[Entity<'t>],
    ) -> Vec<Claim<'t>> {
        Vec::new()
    }
}
