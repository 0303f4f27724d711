//! Trains the check-worthiness model compiled into sayso (`data/checkworthy.weights`).
//!
//! ```text
//! cargo run --release -p sayso --example train_checkworthy -- ../shared/data/ct24 [OUT]
//! ```
//!
//! Reads `train.jsonl`, `dev.jsonl` and `dev-test.jsonl` (`{"text", "checkworthy"}` a
//! line), extracts the tagger's own features for each sentence, weighs them TF-IDF-like
//! (IDF from train, unit length), fits an L2-regularised logistic
//! regression by SGD (fixed seed, so the run is reproducible; the weights are the mean of
//! the second half's epochs), picks the regularisation,
//! class weight and IDF on/off on dev, and writes the weights and IDF to OUT (default
//! `crates/sayso/data/checkworthy.weights`). It prints F1 of the positive class on dev
//! and dev-test, for the model alone and for sayso's blended score. The data stays where
//! it is: only the weights enter the crate.

use std::fs;

struct Example {
    features: Vec<u32>,
    /// The weighted, unit-length vector (set once the IDF is known).
    vector: Vec<(u32, f32)>,
    inputs: sayso::BlendInputs,
    label: bool,
}

fn load(path: &str) -> Vec<Example> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON object a line");
            let t = v["text"].as_str().unwrap_or("");
            let (features, inputs) = sayso::checkworthy_features(t);
            Example {
                features,
                vector: Vec::new(),
                inputs,
                label: v["checkworthy"].as_bool().unwrap_or(false),
            }
        })
        .collect()
}

/// IDF bytes from the training set's document frequencies (`flat`: every seen feature
/// weighs 1, i.e. no IDF).
fn idf_bytes(data: &[Example], flat: bool) -> Vec<u8> {
    let mut df = vec![0u32; sayso::CHECKWORTHY_DIM];
    for ex in data {
        let mut f = ex.features.clone();
        f.sort_unstable();
        f.dedup();
        for i in f {
            df[i as usize] += 1;
        }
    }
    let n = data.len() as f32;
    df.iter()
        .map(|&d| match (d, flat) {
            (0, _) => 0,
            (_, true) => sayso::checkworthy_idf_byte(1.0),
            (d, false) => sayso::checkworthy_idf_byte(((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0),
        })
        .collect()
}

fn vectorize(data: &mut [Example], idf: &[u8]) {
    let idf: Vec<f32> = idf
        .iter()
        .map(|&q| sayso::checkworthy_idf_value(q))
        .collect();
    for ex in data {
        let mut v = Vec::with_capacity(ex.features.len());
        sayso::checkworthy_values(&idf, &ex.features, |i, x| v.push((i, x)));
        ex.vector = v;
    }
}

/// A small deterministic generator (xorshift64*) for the SGD order.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

fn logit(w: &[f32], ex: &Example) -> f32 {
    ex.vector.iter().map(|&(i, x)| w[i as usize] * x).sum()
}

fn train(data: &[Example], l2: f32, pos_weight: f32, epochs: usize, seed: u64) -> Vec<f32> {
    let mut w = vec![0.0f32; sayso::CHECKWORTHY_DIM];
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(seed);
    let mut step = 0usize;
    // Tail averaging: the mean of the weights after each epoch of the second half is
    // steadier than the last SGD iterate (less dependent on the order of the last steps).
    let mut sum = vec![0.0f32; sayso::CHECKWORTHY_DIM];
    let mut summed = 0usize;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &k in &order {
            let ex = &data[k];
            step += 1;
            let lr = 0.5 / (1.0 + step as f32 * 1e-5);
            let p = sigmoid(logit(&w, ex));
            let g = if ex.label { (p - 1.0) * pos_weight } else { p };
            // Lazy L2: shrink only the weights this example touches.
            for &(i, x) in &ex.vector {
                let wi = &mut w[i as usize];
                *wi -= lr * (g * x + l2 * *wi);
            }
        }
        if epoch * 2 >= epochs {
            for (s, x) in sum.iter_mut().zip(&w) {
                *s += x;
            }
            summed += 1;
        }
    }
    if summed == 0 {
        return w;
    }
    sum.iter().map(|s| s / summed as f32).collect()
}

/// The mean of the weights of `SHUFFLES` runs with different orders: SGD's dependence on
/// the order (±0.01 F1 from one seed to another) averages out.
fn train_mean(data: &[Example], l2: f32, pos_weight: f32, epochs: usize, seed: u64) -> Vec<f32> {
    const SHUFFLES: u64 = 5;
    let mut sum = vec![0.0f32; sayso::CHECKWORTHY_DIM];
    for k in 0..SHUFFLES {
        let w = train(data, l2, pos_weight, epochs, seed.wrapping_add(k));
        for (s, x) in sum.iter_mut().zip(&w) {
            *s += x / SHUFFLES as f32;
        }
    }
    sum
}

fn f1(pairs: impl Iterator<Item = (bool, bool)>) -> (f32, f32, f32) {
    let (mut tp, mut fp, mut fn_) = (0f32, 0f32, 0f32);
    for (pred, gold) in pairs {
        match (pred, gold) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fn_ += 1.0,
            _ => {}
        }
    }
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// F1 of the model alone (p >= 0.5) and of the blended score as sayso uses it.
fn report(w: &[f32], data: &[Example]) -> ((f32, f32, f32), (f32, f32, f32)) {
    let model = f1(data.iter().map(|e| (sigmoid(logit(w, e)) >= 0.5, e.label)));
    let blended = f1(data.iter().map(|e| {
        let s = sayso::checkworthy_blend(sigmoid(logit(w, e)), e.inputs);
        (e.inputs.factual && s >= 0.5, e.label)
    }));
    (model, blended)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).map_or("../shared/data/ct24", String::as_str);
    let out = args
        .get(2)
        .map_or("crates/sayso/data/checkworthy.weights", String::as_str);
    let mut train_set = load(&format!("{dir}/train.jsonl"));
    let mut dev = load(&format!("{dir}/dev.jsonl"));
    let mut dev_test = load(&format!("{dir}/dev-test.jsonl"));
    let factual_pos = train_set
        .iter()
        .filter(|e| e.label && e.inputs.factual)
        .count();
    let pos = train_set.iter().filter(|e| e.label).count();
    eprintln!(
        "train {} ({} check-worthy, {} of them with a factual label), dev {}, dev-test {}",
        train_set.len(),
        pos,
        factual_pos,
        dev.len(),
        dev_test.len()
    );
    const EPOCHS: usize = 10;
    const SEED: u64 = 0x5a_5e_50;
    let neg = train_set.len() - pos;
    let ratio = neg as f32 / pos.max(1) as f32;
    // Settings are chosen on dev (the blended F1, as sayso uses the score); dev-test is
    // only reported.
    let mut best = (f32::MIN, 0.0f32, 0.0f32, false);
    for flat in [true, false] {
        let idf = idf_bytes(&train_set, flat);
        vectorize(&mut train_set, &idf);
        vectorize(&mut dev, &idf);
        vectorize(&mut dev_test, &idf);
        // Balanced classes: debates hold few check-worthy sentences, news many (a lighter
        // class weight scores news facts too low).
        for pos_weight in [ratio] {
            for l2 in [1e-6f32, 1e-5, 1e-4, 1e-3] {
                let w = train_mean(&train_set, l2, pos_weight, EPOCHS, SEED);
                let (m, b) = report(&w, &dev);
                let (tm, tb) = report(&w, &dev_test);
                eprintln!(
                    "idf {} pos_weight {pos_weight:.2} l2 {l2:e}: dev model F1 {:.3}, \
                     blended {:.3} | dev-test model {:.3}, blended {:.3}",
                    !flat, m.2, b.2, tm.2, tb.2
                );
                if b.2 > best.0 + 1e-6 {
                    best = (b.2, l2, pos_weight, flat);
                }
            }
        }
    }
    let idf = idf_bytes(&train_set, best.3);
    vectorize(&mut train_set, &idf);
    vectorize(&mut dev, &idf);
    vectorize(&mut dev_test, &idf);
    let mut w = train_mean(&train_set, best.1, best.2, EPOCHS, SEED);
    // Shift the bias so that the blended score's 0.5 bar is best on dev.
    let base = w[0];
    let mut best_shift = (f32::MIN, 0.0f32);
    for k in -20..=20 {
        let shift = k as f32 * 0.1;
        w[0] = base + shift;
        let (_, b) = report(&w, &dev);
        if b.2 > best_shift.0 + 1e-6 {
            best_shift = (b.2, shift);
        }
    }
    w[0] = base + best_shift.1;
    for (name, data) in [("dev", &dev), ("dev-test", &dev_test)] {
        let (m, b) = report(&w, data);
        println!(
            "{name}: model P {:.3} R {:.3} F1 {:.3} | blended P {:.3} R {:.3} F1 {:.3}",
            m.0, m.1, m.2, b.0, b.1, b.2
        );
    }
    // How other blends of model and prior would do (to choose the one in score.rs).
    let show = |what: String, score: &dyn Fn(f32, &Example) -> f32| {
        let blend = |e: &Example| {
            let s = score(sigmoid(logit(&w, e)), e);
            (e.inputs.factual && s >= 0.5, e.label)
        };
        let d = f1(dev.iter().map(blend));
        let t = f1(dev_test.iter().map(blend));
        eprintln!(
            "{what}: dev F1 {:.3}, dev-test P {:.3} R {:.3} F1 {:.3}",
            d.2, t.0, t.1, t.2
        );
    };
    for floor in [0.05f32, 0.1, 0.2, 0.3] {
        show(format!("prior only over model {floor}"), &|m, e| {
            if m >= floor { m.max(e.inputs.prior) } else { m }
        });
    }
    for alpha in [0.3f32, 0.5, 0.7, 1.0, -1.0] {
        show(format!("blend {alpha}"), &|m, e| {
            if alpha < 0.0 {
                m.max(e.inputs.prior)
            } else {
                alpha * m + (1.0 - alpha) * e.inputs.prior
            }
        });
    }
    let bytes = sayso::encode_checkworthy_weights(&w, &idf, 1e-3);
    fs::write(out, &bytes).unwrap_or_else(|e| panic!("{out}: {e}"));
    println!(
        "idf {}, pos_weight {:.2}, l2 {:e}, bias shift {:+.1}; wrote {} bytes to {out}",
        !best.3,
        best.2,
        best.1,
        best_shift.1,
        bytes.len()
    );
}
