//! Claim tagging (SPEC §2): labels with evidence, check-worthiness, hedging and source.
//!
//! One pass of the lexicon phrases over the document's tokens and one over their word lists
//! (as bits, [`sentence`]), then per sentence: the label rules
//! ([`labels`]), number phrases ([`quantity`]), the score ([`features`], [`score`]) and
//! the claim's source ([`source`]).

mod features;
mod labels;
mod lexicons;
mod phrases;
mod quantity;
mod score;
mod sentence;
mod source;

use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::analyzer::AnalyzerBuilder;
use crate::document::{Attribution, Claim, Entity, SentenceKind};
use crate::error::Error;
use crate::stage::Context;
use crate::tokens::Token;

use labels::{Found, LocalHit};
pub(crate) use lexicons::shared_words;
use lexicons::{Hit, Lexicons, tag};
use score::Model;
use sentence::{Prepared, Unicode, View, flag};

/// Labels sentences with claim kinds, evidence, check-worthiness and hedging.
#[derive(Clone, Debug)]
pub(crate) struct Tagger {
    /// Shared by every analyzer built without lexicon additions.
    lex: Arc<Lexicons>,
    model: Arc<Model>,
}

/// The compiled-in lexicons, built once per process: they take longer to build than a
/// short document takes to tag.
static DEFAULT_LEXICONS: Lazy<Option<Arc<Lexicons>>> =
    Lazy::new(|| Lexicons::new(&AnalyzerBuilder::new()).ok().map(Arc::new));

/// The compiled-in model, decoded once per process (2 MB of weights).
static MODEL: Lazy<Arc<Model>> = Lazy::new(|| Arc::new(Model::compiled()));

/// Buffers reused across the sentences of one document.
#[derive(Default)]
struct Scratch<'t> {
    buf: String,
    local: Vec<LocalHit>,
    quantities: Vec<quantity::Quantity>,
    features: Vec<u32>,
    found: Found<'t>,
}

/// A document's tokens and what the rules ask of them.
struct Doc<'d, 't> {
    text: &'t str,
    tokens: &'d [Token],
    prepared: Prepared<'d, 't>,
}

/// How to read a sentence.
#[derive(Clone, Copy)]
struct How {
    /// The splitter made it a heading.
    heading: bool,
    /// The document has an author (first person is the author reporting).
    authored: bool,
    /// Score it even without labels (training).
    always_score: bool,
}

/// One analysed sentence: the model's probability and the blend's other inputs.
struct Analysis {
    model_p: f32,
    inputs: BlendInputs,
}

/// What the score blends with the model's probability (see `score.rs`).
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BlendInputs {
    /// The sentence has a factual label.
    pub factual: bool,
    /// The label prior.
    pub prior: f32,
}

impl Tagger {
    pub(crate) fn new(options: &AnalyzerBuilder) -> Result<Tagger, Error> {
        let default = options.label_words.is_empty() && options.hedges.is_empty();
        let lex = match DEFAULT_LEXICONS.as_ref() {
            Some(lex) if default => Arc::clone(lex),
            _ => Arc::new(Lexicons::new(options)?),
        };
        Ok(Tagger {
            lex,
            model: Arc::clone(&MODEL),
        })
    }

    /// Labels, evidence, hedging and features of the sentence `[start, end)` made of
    /// `toks`, whose lexicon phrases are `hits`. Leaves findings in `sc.found` and the
    /// features in `sc.features`.
    fn analyze<'t>(
        &self,
        doc: &mut Doc<'_, 't>,
        range: std::ops::Range<usize>,
        hits: &[Hit],
        how: How,
        sc: &mut Scratch<'t>,
    ) -> Analysis {
        let How {
            heading,
            authored,
            always_score,
        } = how;
        let nothing = Analysis {
            model_p: 0.0,
            inputs: BlendInputs {
                factual: false,
                prior: 0.0,
            },
        };
        let text = doc.text;
        let (Some(toks), Some(flags)) = (
            doc.tokens.get(range.clone()),
            doc.prepared.flags.get_mut(range.clone()),
        ) else {
            return nothing;
        };
        sc.local.clear();
        // Hits come in text order without overlaps: one forward walk over the tokens.
        let mut from = 0;
        for h in hits {
            while from < toks.len() && toks[from].start < h.start {
                from += 1;
            }
            let mut to = from;
            while to < toks.len() && toks[to].start < h.end {
                to += 1;
            }
            // Phrases must cover whole tokens ("based" inside "Kyiv-based" does not count).
            if from >= to || toks[from].start != h.start || toks[to - 1].end != h.end {
                continue;
            }
            let mut mark = 0;
            if h.tags & tag::QUANTITY != 0 {
                mark |= flag::TAKEN;
            }
            if h.tags & tag::NUMBER_WORD != 0 {
                mark |= flag::NUMBER_WORD;
            }
            if h.tags & !tag::NUMBER_WORD != 0 {
                mark |= flag::COVERED;
                sc.local.push(LocalHit {
                    from,
                    to,
                    tags: h.tags,
                });
            }
            for f in &mut flags[from..to] {
                *f |= mark;
            }
        }
        let Scratch {
            buf,
            local,
            quantities,
            features,
            found,
        } = sc;
        let p = &doc.prepared;
        let (Some(texts), Some(lows), Some(flags)) = (
            p.texts.get(range.clone()),
            p.lows.get(range.clone()),
            p.flags.get(range),
        ) else {
            return nothing;
        };
        let mut v = View::new(text, toks, texts, lows, flags, &self.lex, buf, heading);
        labels::label(&mut v, local, quantities, found);
        if found.evidence.is_empty() && !always_score {
            // No claim, nothing to score.
            return nothing;
        }
        let talk = features::extract(&mut v, found, features);
        let model_p = score::sigmoid(self.model.logit(features));
        // Talk in the first or second person: a debate or an interview, unless the
        // document has an author, whose "we met", "I signed" are reports (SPEC §6).
        let addressed = !authored && talk.addressed;
        let question = talk.question;
        let factual = found.evidence.iter().any(|e| e.label.is_factual());
        Analysis {
            model_p,
            inputs: BlendInputs {
                factual,
                prior: score::prior(found, addressed, question),
            },
        }
    }

    // Called once per document; kept out of line so profiles show the stage's cost.
    #[inline(never)]
    /// `shared`: each token's word-list bits from the attribution stage's token pass (see
    /// [`crate::stage::TokenBits`]).
    pub(crate) fn tag<'t>(
        &self,
        cx: &Context<'_, 't>,
        shared: &[u32],
        attributions: &[Attribution<'t>],
        entities: &[Entity<'t>],
    ) -> Vec<Claim<'t>> {
        let text = cx.text;
        let tokens = cx.tokens;
        let lower = text.to_ascii_lowercase();
        // About one phrase per 20 bytes of news: reserve once instead of regrowing.
        let mut hits = Vec::with_capacity(text.len() / 16);
        self.lex.hits(&lower, tokens, &mut hits);
        let mut unicode = Unicode::default();
        let prepared = Prepared::new(text, tokens, &lower, &mut unicode, &self.lex, Some(shared));
        let mut doc = Doc {
            text,
            tokens,
            prepared,
        };
        // Sized for a long sentence, so that they do not grow sentence by sentence.
        let mut sc = Scratch {
            local: Vec::with_capacity(64),
            quantities: Vec::with_capacity(16),
            features: Vec::with_capacity(256),
            ..Scratch::default()
        };
        sc.found.evidence.reserve(32);
        // Most news sentences make a claim.
        let mut claims = Vec::with_capacity(cx.sentences.len());
        let (mut ti, mut hi) = (0, 0);
        // Attributions whose content may overlap the current sentence: a window that
        // moves forward with the sentences, so finding sources stays linear.
        let mut by_start: Vec<&Attribution<'t>> = attributions.iter().collect();
        by_start.sort_by_key(|a| a.content.start());
        let (mut next, mut active) = (0, Vec::<&Attribution<'t>>::new());
        let author = source::author(entities);
        for (index, s) in cx.sentences.iter().enumerate() {
            while ti < tokens.len() && tokens[ti].start < s.start() {
                ti += 1;
            }
            let mut tj = ti;
            while tj < tokens.len() && tokens[tj].end <= s.end() {
                tj += 1;
            }
            while hi < hits.len() && hits[hi].start < s.start() {
                hi += 1;
            }
            let mut hj = hi;
            while hj < hits.len() && hits[hj].end <= s.end() {
                hj += 1;
            }
            let (toks, shits) = (&tokens[ti..tj], &hits[hi..hj]);
            let range = ti..tj;
            ti = tj;
            hi = hj;
            if s.kind() == SentenceKind::Boilerplate || toks.is_empty() {
                continue;
            }
            while next < by_start.len() && by_start[next].content.start() < s.end() {
                active.push(by_start[next]);
                next += 1;
            }
            active.retain(|a| a.content.end() > s.start());
            let heading = s.kind() == SentenceKind::Heading;
            let authored = cx.author.is_some();
            let how = How {
                heading,
                authored,
                always_score: false,
            };
            let a = self.analyze(&mut doc, range, shits, how, &mut sc);
            let found = &sc.found;
            let labels = found.labels();
            if labels.is_empty() {
                continue;
            }
            let score = score::blend(a.model_p, a.inputs.factual, a.inputs.prior);
            let factual = a.inputs.factual;
            let mut evidence = found.evidence.clone();
            evidence.sort_by_key(|e| (e.label, e.span.start()));
            claims.push(Claim {
                sentence: index,
                labels,
                checkworthy: factual && score >= 0.5,
                score,
                hedged: found.hedged,
                source: source::source(s.span(), &evidence, &active, author),
                evidence,
            });
        }
        claims
    }
}

impl Tagger {
    /// Each token's lowercase form and flags as the tagger prepares them, from `shared`
    /// bits or by its own lookups (`None`): the two must agree.
    #[cfg(test)]
    pub(crate) fn prepared(
        &self,
        text: &str,
        tokens: &[Token],
        shared: Option<&[u32]>,
    ) -> Vec<(String, u32)> {
        let lower = text.to_ascii_lowercase();
        let mut unicode = Unicode::default();
        let p = Prepared::new(text, tokens, &lower, &mut unicode, &self.lex, shared);
        p.lows
            .iter()
            .zip(&p.flags)
            .map(|(l, &f)| (l.to_string(), f))
            .collect()
    }
}

/// The check-worthiness features of `text` read as one body sentence, with the blend's
/// other inputs: the training example's view of the tagger.
#[doc(hidden)]
pub fn checkworthy_features(text: &str) -> (Vec<u32>, BlendInputs) {
    static TAGGER: Lazy<Option<Tagger>> = Lazy::new(|| Tagger::new(&AnalyzerBuilder::new()).ok());
    let none = BlendInputs {
        factual: false,
        prior: 0.0,
    };
    let Some(tagger) = TAGGER.as_ref() else {
        return (Vec::new(), none);
    };
    let tokens = crate::tokens::tokenize(text);
    let lower = text.to_ascii_lowercase();
    let mut hits = Vec::new();
    tagger.lex.hits(&lower, &tokens, &mut hits);
    let mut unicode = Unicode::default();
    let prepared = Prepared::new(text, &tokens, &lower, &mut unicode, &tagger.lex, None);
    let mut doc = Doc {
        text,
        tokens: &tokens,
        prepared,
    };
    let mut sc = Scratch::default();
    let how = How {
        heading: false,
        authored: false,
        always_score: true,
    };
    let a = tagger.analyze(&mut doc, 0..tokens.len(), &hits, how, &mut sc);
    (std::mem::take(&mut sc.features), a.inputs)
}

/// Calls `f(index, value)` for each entry of the unit-length TF-IDF vector of `features`
/// under the IDF values `idf` (see `score.rs`): the model's logit is the dot product of
/// this vector with the weights.
#[doc(hidden)]
pub fn checkworthy_values(idf: &[f32], features: &[u32], f: impl FnMut(u32, f32)) {
    score::for_each_value(idf, features, f);
}

/// The stored byte of an IDF value (training quantizes with it, as the file does).
#[doc(hidden)]
pub fn checkworthy_idf_byte(idf: f32) -> u8 {
    score::idf_byte(idf)
}

/// The IDF value a stored byte stands for.
#[doc(hidden)]
pub fn checkworthy_idf_value(byte: u8) -> f32 {
    score::idf_of(byte)
}

/// The score for a model probability and the blend's other inputs.
#[doc(hidden)]
pub fn checkworthy_blend(model_p: f32, inputs: BlendInputs) -> f32 {
    score::blend(model_p, inputs.factual, inputs.prior)
}

/// Encodes trained weights in the compiled-in file format (see `score.rs`).
#[doc(hidden)]
pub fn encode_checkworthy_weights(weights: &[f32], idf: &[u8], min_abs: f32) -> Vec<u8> {
    Model::encode(weights, idf, min_abs)
}

/// Number of weights of the check-worthiness model.
#[doc(hidden)]
pub const CHECKWORTHY_DIM: usize = features::DIM;
