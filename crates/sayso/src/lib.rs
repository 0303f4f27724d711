//! # sayso: who says what in news text
//!
//! sayso answers three questions about an article, a statement or a thread, in one pass:
//!
//! 1. **Where are the sentences?** [`Document::sentences`]: byte spans that cover every
//!    non-whitespace character, each a [`SentenceKind`] (body, heading or page furniture).
//! 2. **Which sentences make claims?** [`Document::claims`]: [`Label`]s with evidence
//!    spans, a calibrated check-worthiness score, and hedging.
//! 3. **Who says so?** [`Document::attributions`]: source, cue, content, channel, resolved
//!    to [`Entity`]s ("Zelensky" = "Zelenskiy" = "the Ukrainian leader").
//!
//! ## A tour
//!
//! Build an [`Analyzer`] once; it is cheap to clone and safe to share across threads.
//!
//! ```
//! use sayso::{Analyzer, SentenceKind};
//!
//! let analyzer = Analyzer::new();
//! let text = "Talks Stall in Geneva\n\nThe U.S. envoy left on Dec. 6. Both sides met again.";
//! let doc = analyzer.analyze(text);
//!
//! let kinds: Vec<_> = doc.sentences().iter().map(|s| (s.text(), s.kind())).collect();
//! assert_eq!(kinds[0], ("Talks Stall in Geneva", SentenceKind::Heading));
//! assert_eq!(kinds[1].0, "The U.S. envoy left on Dec. 6.");
//! ```
//!
//! Offsets are **bytes** in Rust ([`Span::start`], [`Span::end`]): `&text[s.range()]` is
//! the span. The JSON of the contract (SPEC §5) uses **code points**, as Python does;
//! [`Document::json`] converts, and [`OffsetMap`] converts single offsets.
//!
//! ```
//! let doc = sayso::Analyzer::new().analyze("Türkiye waits. Kyiv too.");
//! let v: serde_json::Value = serde_json::from_str(&doc.to_json()).unwrap();
//! assert_eq!(v["sentences"][1]["start"], 15); // code points; the byte offset is 16
//! assert_eq!(doc.sentences()[1].start(), 16);
//! ```
//!
//! Extend the compiled-in word lists through the [`AnalyzerBuilder`]:
//!
//! ```
//! let analyzer = sayso::Analyzer::builder().abbreviation("Gen.").build().unwrap();
//! assert_eq!(analyzer.split("Gen. Syrskyi spoke.").len(), 1);
//! ```
//!
//! Only need who says what? [`AnalyzerBuilder::claims`]`(false)` skips claim tagging,
//! which is about half the time of [`Analyzer::analyze`].
//!
//! Bad input never panics: [`Analyzer::analyze_bytes`] reports invalid UTF-8 with its
//! byte offset as an [`Error`] of kind [`ErrorKind::InvalidUtf8`].

mod analyzer;
mod attribution;
mod claims;
mod document;
mod error;
mod json;
mod lexicon;
mod offsets;
mod segment;
mod span;
mod stage;
mod tokens;

pub use analyzer::{Analyzer, AnalyzerBuilder};
pub use document::{
    Attribution, AttributionKind, Claim, Document, Entity, EntityId, EntityKind, Evidence, Label,
    Sentence, SentenceKind,
};
pub use error::{Error, ErrorKind};
pub use json::{JsonDocument, OffsetUnit};
pub use offsets::OffsetMap;
pub use span::Span;

// Hooks for the check-worthiness training example (crates/sayso/examples); not API.
#[doc(hidden)]
pub use claims::{
    BlendInputs, CHECKWORTHY_DIM, checkworthy_blend, checkworthy_features, checkworthy_idf_byte,
    checkworthy_idf_value, checkworthy_values, encode_checkworthy_weights,
};
