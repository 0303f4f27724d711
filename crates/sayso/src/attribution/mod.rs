//! Source attribution and entities (SPEC §3, §4). Placeholder: the attribution issue
//! fills it.

use crate::analyzer::AnalyzerBuilder;
use crate::document::{Attribution, Entity};
use crate::error::Error;
use crate::stage::Context;

/// Finds quotes and reported speech and ties them to their sources.
#[derive(Clone, Debug)]
pub(crate) struct Attributor {}

impl Attributor {
    pub(crate) fn new(_options: &AnalyzerBuilder) -> Result<Attributor, Error> {
        Ok(Attributor {})
    }

    pub(crate) fn attribute<'t>(
        &self,
        _cx: &Context<'_, 't>,
    ) -> (Vec<Attribution<'t>>, Vec<Entity<'t>>) {
        (Vec::new(), Vec::new())
    }
}
