//! The check-worthiness score: a logistic model over [`features`](super::features),
//! trained on debate sentences (CheckThat! 2024), blended with a prior from the labels so
//! that it also holds for news, where nearly every factual sentence matters to someone.
//!
//! Weights file (`data/checkworthy.weights`, written by the `train_checkworthy` example):
//! the bytes `SCW2`, then `dim` and `count` as little-endian `u32`, then `count` pairs of
//! `index: u32, weight: f32` (little-endian; absent indexes weigh 0), then `dim` bytes of
//! inverse document frequency: `0` for a feature never seen in training, else
//! `idf = 1 + (byte - 1) / 16`.
//!
//! A sentence's vector is TF-IDF-like: each feature occurrence weighs its `idf`, and the
//! vector is scaled to unit length.

use super::features::DIM;
use super::labels::Found;
use crate::document::Label;

const WEIGHTS: &[u8] = include_bytes!("../../data/checkworthy.weights");

/// Dense weights and IDF, decoded once per analyzer: `(weight, idf)` side by side, as a
/// sentence's features are scattered over the 1 MB tables and each costs a cache miss.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    table: Vec<(f32, f32)>,
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The IDF a stored byte stands for.
pub(crate) fn idf_of(byte: u8) -> f32 {
    if byte == 0 {
        0.0
    } else {
        1.0 + f32::from(byte - 1) / 16.0
    }
}

/// The byte that stores `idf` (the nearest representable value; 0 for unseen).
pub(crate) fn idf_byte(idf: f32) -> u8 {
    if idf <= 0.0 {
        0
    } else {
        ((idf - 1.0).max(0.0) * 16.0).round().min(254.0) as u8 + 1
    }
}

impl Model {
    /// The compiled-in model.
    pub(crate) fn compiled() -> Model {
        Model::decode(WEIGHTS).unwrap_or_else(|| Model {
            table: vec![(0.0, 1.0); DIM],
        })
    }

    /// Decodes the weights file format; `None` when it is malformed.
    pub(crate) fn decode(b: &[u8]) -> Option<Model> {
        if b.get(..4)? != b"SCW2" || u32_at(b, 4)? as usize != DIM {
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
        let at = 12 + 8 * count;
        let idf = b.get(at..at + DIM)?.iter().map(|&q| idf_of(q));
        Some(Model {
            table: weights.into_iter().zip(idf).collect(),
        })
    }

    /// Encodes weights and IDF bytes in the file format, leaving out weights below
    /// `min_abs`.
    pub(crate) fn encode(weights: &[f32], idf: &[u8], min_abs: f32) -> Vec<u8> {
        let kept: Vec<(usize, f32)> = weights
            .iter()
            .copied()
            .enumerate()
            .filter(|&(_, w)| w.abs() >= min_abs)
            .collect();
        let mut out = Vec::with_capacity(12 + 8 * kept.len() + idf.len());
        out.extend_from_slice(b"SCW2");
        out.extend_from_slice(&(weights.len() as u32).to_le_bytes());
        out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
        for (i, w) in kept {
            out.extend_from_slice(&(i as u32).to_le_bytes());
            out.extend_from_slice(&w.to_bits().to_le_bytes());
        }
        out.extend_from_slice(idf);
        out
    }

    /// The model's logit for active features: [`logit`]'s arithmetic, in its order.
    pub(crate) fn logit(&self, features: &[u32]) -> f32 {
        let at = |i: u32| self.table.get(i as usize).copied().unwrap_or((0.0, 0.0));
        let norm2: f32 = features.iter().map(|&i| at(i).1.powi(2)).sum();
        if norm2 <= 0.0 {
            return 0.0;
        }
        let scale = 1.0 / norm2.sqrt();
        let mut z = 0.0;
        for &i in features {
            let (w, x) = at(i);
            if x != 0.0 {
                z += w * (x * scale);
            }
        }
        z
    }

    #[cfg(test)]
    fn weight(&self, i: usize) -> f32 {
        self.table[i].0
    }
    #[cfg(test)]
    fn idf(&self, i: usize) -> f32 {
        self.table[i].1
    }
}

/// Calls `f(index, value)` for each feature occurrence of `features`: an occurrence
/// weighs its IDF, and the occurrences are scaled to unit length together (a repeated
/// n-gram counts once per occurrence; no sorting or counting per sentence).
pub(crate) fn for_each_value(idf: &[f32], features: &[u32], mut f: impl FnMut(u32, f32)) {
    let value = |i: u32| idf.get(i as usize).copied().unwrap_or(0.0);
    let norm2: f32 = features.iter().map(|&i| value(i).powi(2)).sum();
    if norm2 <= 0.0 {
        return;
    }
    let scale = 1.0 / norm2.sqrt();
    for &i in features {
        let x = value(i);
        if x != 0.0 {
            f(i, x * scale);
        }
    }
}

/// The logit of `features` under `weights` and `idf` (the reference for
/// [`Model::logit`]).
#[cfg(test)]
pub(crate) fn logit(weights: &[f32], idf: &[f32], features: &[u32]) -> f32 {
    let mut z = 0.0;
    for_each_value(idf, features, |i, x| {
        z += weights.get(i as usize).copied().unwrap_or(0.0) * x;
    });
    z
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
    if personal || found.signals.imperative {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_file_round_trips() {
        let mut w = vec![0.0f32; DIM];
        w[0] = -0.5;
        w[70] = 1.25;
        w[DIM - 1] = 0.0005;
        let mut idf = vec![0u8; DIM];
        idf[0] = idf_byte(1.0);
        idf[70] = idf_byte(4.2);
        let m = Model::decode(&Model::encode(&w, &idf, 1e-3)).expect("decodes");
        assert_eq!(m.weight(0), -0.5);
        assert_eq!(m.weight(70), 1.25);
        // Below `min_abs`: left out.
        assert_eq!(m.weight(DIM - 1), 0.0);
        assert_eq!(m.idf(0), 1.0);
        assert!((m.idf(70) - 4.2).abs() < 1.0 / 32.0);
        assert_eq!(m.idf(5), 0.0);
        assert!(Model::decode(b"SCW1").is_none());
        // The model's own logit is the shared one.
        let (dense, idf_f): (Vec<f32>, Vec<f32>) = m.table.iter().copied().unzip();
        for f in [&[0u32, 70, 70, 5][..], &[5], &[]] {
            assert_eq!(m.logit(f).to_bits(), logit(&dense, &idf_f, f).to_bits());
        }
    }

    #[test]
    fn the_prior_leaves_talk_to_the_model() {
        let text = "Look at what happened in the harbour.";
        let span = crate::Span::new(text, 13, 36).expect("a span");
        let mut found = Found {
            evidence: vec![crate::document::Evidence {
                label: Label::Event,
                span,
            }],
            ..Found::default()
        };
        assert!(prior(&found, false, false) >= 0.6);
        assert_eq!(prior(&found, true, false), 0.0);
        // "Look at …", "Remember …": an imperative addresses the listener.
        found.signals.imperative = true;
        assert_eq!(prior(&found, false, false), 0.0);
    }

    #[test]
    fn vectors_are_unit_length_and_weigh_idf() {
        let mut idf = vec![1.0f32; 8];
        idf[7] = 2.0;
        let f = vec![3, 1, 3, 7];
        let mut got = Vec::new();
        for_each_value(&idf, &f, |i, x| got.push((i, x)));
        let norm: f32 = got.iter().map(|(_, x)| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        assert_eq!(got.iter().map(|g| g.0).collect::<Vec<_>>(), [3, 1, 3, 7]);
        assert!((got[3].1 / got[0].1 - 2.0).abs() < 1e-5);
        // Features never seen in training (IDF 0) do not count.
        assert_eq!(logit(&[1.0; 16], &[0.0; 16], &[9, 10]), 0.0);
    }
}
