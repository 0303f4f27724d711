//! The check-worthiness score: a logistic model over [`features`](super::features),
//! trained on debate sentences (CheckThat! 2024), blended with a prior from the labels so
//! that it also holds for news, where nearly every factual sentence matters to someone.
//!
//! Weights file (`data/checkworthy.weights`, written by the `train_checkworthy` example):
//! the bytes `SCW1`, then `dim` and `count` as little-endian `u32`, then `count` pairs of
//! `index: u32, weight: f32` (little-endian); absent indexes weigh 0.

use super::features::DIM;
use super::labels::Found;
use crate::document::Label;

const WEIGHTS: &[u8] = include_bytes!("../../data/checkworthy.weights");

/// Dense weights, decoded once per analyzer.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    weights: Vec<f32>,
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl Model {
    /// The compiled-in model.
    pub(crate) fn compiled() -> Model {
        Model::decode(WEIGHTS).unwrap_or_else(|| Model {
            weights: vec![0.0; DIM],
        })
    }

    /// Decodes the weights file format; `None` when it is malformed.
    pub(crate) fn decode(b: &[u8]) -> Option<Model> {
        if b.get(..4)? != b"SCW1" || u32_at(b, 4)? as usize != DIM {
            return None;
        }
        let count = u32_at(b, 8)? as usize;
        let mut weights = vec![0.0f32; DIM];
        for k in 0..count {
            let at = 12 + 8 * k;
            let i = u32_at(b, at)? as usize;
            let w = f32::from_bits(u32_at(b, at + 4)?);
            *weights.get_mut(i)? = w;
        }
        Some(Model { weights })
    }

    /// Encodes weights in the file format, leaving out those below `min_abs`.
    pub(crate) fn encode(weights: &[f32], min_abs: f32) -> Vec<u8> {
        let kept: Vec<(usize, f32)> = weights
            .iter()
            .copied()
            .enumerate()
            .filter(|&(_, w)| w.abs() >= min_abs)
            .collect();
        let mut out = Vec::with_capacity(12 + 8 * kept.len());
        out.extend_from_slice(b"SCW1");
        out.extend_from_slice(&(weights.len() as u32).to_le_bytes());
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        for (i, w) in kept {
            out.extend_from_slice(&(i as u32).to_le_bytes());
            out.extend_from_slice(&w.to_bits().to_le_bytes());
        }
        out
    }

    /// The model's logit for active features.
    pub(crate) fn logit(&self, features: &[u32]) -> f32 {
        logit(&self.weights, features)
    }
}

/// The logit of binary features scaled to unit length (each active feature weighs
/// `1/sqrt(n)`), so long and short sentences are on one scale.
pub(crate) fn logit(weights: &[f32], features: &[u32]) -> f32 {
    let sum: f32 = features
        .iter()
        .map(|&i| weights.get(i as usize).copied().unwrap_or(0.0))
        .sum();
    sum * feature_value(features.len())
}

/// The value of each active feature in a sentence with `n` of them.
pub(crate) fn feature_value(n: usize) -> f32 {
    1.0 / (n.max(1) as f32).sqrt()
}

pub(crate) fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// How strongly the labels alone say "check-worthy": a factual claim in third-person
/// narrative (news) is, unless it is hedged, a question or the speaker's own talk.
pub(crate) fn prior(found: &Found<'_>, personal: bool, question: bool) -> f32 {
    let mask = found.mask();
    let factual = Label::ALL
        .iter()
        .filter(|l| l.is_factual() && mask & (1 << (**l as u8)) != 0)
        .count();
    if factual == 0 {
        return 0.0;
    }
    let mut p: f32 = 0.6 + 0.05 * (factual as f32 - 1.0).min(2.0);
    if found.has(Label::Quantity) {
        p += 0.1;
    }
    if personal {
        // Leave talk to the model: debates are full of checkable-sounding small talk.
        return 0.0;
    }
    if question {
        p -= 0.4;
    }
    if found.hedged {
        p -= 0.1;
    }
    p.clamp(0.0, 0.95)
}

/// Blends the model and the prior: the larger of the two, so a debate-trained model does
/// not veto plain news facts and the prior does not veto what the model knows; never
/// `>= 0.5` without a factual label.
pub(crate) fn blend(model_p: f32, factual: bool, prior: f32) -> f32 {
    if !factual {
        // Keep the order among non-factual sentences, below the bar.
        return 0.49 * model_p;
    }
    model_p.max(prior).clamp(0.0, 1.0)
}
