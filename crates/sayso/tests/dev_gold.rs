//! Scores sentence splitting against the hand-made gold in the shared research folder
//! (`../shared/gold/dev` with `../shared/seeds`, and `../shared/gold/claims-dev`), the
//! way `eval/score.py` does, and holds it to the bars of issue 2. Skips, with a message,
//! where that folder is absent (it is research data and never part of the project).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use sayso::{Analyzer, OffsetMap};
use serde_json::Value;

fn shared() -> Option<PathBuf> {
    let dir = match std::env::var_os("SAYSO_SHARED") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    };
    dir.join("gold").is_dir().then_some(dir)
}

#[derive(Default)]
struct Prf {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Prf {
    fn add(&mut self, gold: bool, pred: bool) {
        match (gold, pred) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            _ => {}
        }
    }
    fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// (start, end, kind) in code points.
type Spans = Vec<(usize, usize, String)>;

#[derive(Default)]
struct Scores {
    boundary: Prf,
    heading: Prf,
    boilerplate: Prf,
    docs: usize,
}

impl Scores {
    fn add(&mut self, gold: &Spans, pred: &Spans) {
        self.docs += 1;
        let ends = |s: &Spans| -> HashSet<usize> {
            s.iter()
                .take(s.len().saturating_sub(1))
                .map(|x| x.1)
                .collect()
        };
        let (gb, pb) = (ends(gold), ends(pred));
        self.boundary.tp += gb.intersection(&pb).count();
        self.boundary.fp += pb.difference(&gb).count();
        self.boundary.fn_ += gb.difference(&pb).count();
        for g in gold {
            // The predicted sentences that cover most of the gold one or lie mostly in it.
            let kinds: HashSet<&str> = pred
                .iter()
                .filter(|p| {
                    let o = g.1.min(p.1).saturating_sub(g.0.max(p.0));
                    o > 0 && (o * 2 >= g.1 - g.0 || o * 2 >= p.1 - p.0)
                })
                .map(|p| p.2.as_str())
                .collect();
            self.heading
                .add(g.2 == "heading", kinds.contains("heading"));
            self.boilerplate
                .add(g.2 == "boilerplate", kinds.contains("boilerplate"));
        }
    }
}

fn predict(analyzer: &Analyzer, text: &str) -> Spans {
    let map = OffsetMap::new(text);
    analyzer
        .split(text)
        .iter()
        .map(|s| {
            (
                map.to_char(s.start()),
                map.to_char(s.end()),
                s.kind().as_str().to_string(),
            )
        })
        .collect()
}

fn gold_spans(v: &Value) -> Spans {
    v["sentences"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| {
                    let n = |k: &str| s[k].as_u64().unwrap_or(0) as usize;
                    (
                        n("start"),
                        n("end"),
                        s["kind"].as_str().unwrap_or("body").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Scores every `NAME.json` of `gold` (not `*.authoring.json`) on `texts/NAME.txt`.
fn score(gold: &Path, texts: &Path) -> Scores {
    let analyzer = Analyzer::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(gold)
        .expect("gold folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            n.ends_with(".json") && !n.ends_with(".authoring.json")
        })
        .collect();
    names.sort();
    let mut scores = Scores::default();
    for path in names {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let Ok(text) = std::fs::read_to_string(texts.join(format!("{stem}.txt"))) else {
            continue;
        };
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        scores.add(&gold_spans(&v), &predict(&analyzer, &text));
    }
    scores
}

fn check(name: &str, s: &Scores) {
    println!(
        "{name}: {} documents, boundary F1 {:.3}, heading F1 {:.3}, boilerplate F1 {:.3}",
        s.docs,
        s.boundary.f1(),
        s.heading.f1(),
        s.boilerplate.f1()
    );
    assert!(s.docs > 0, "{name}: no documents scored");
    assert!(
        s.boundary.f1() >= 0.99,
        "{name}: boundary F1 {:.3}",
        s.boundary.f1()
    );
    if s.heading.tp + s.heading.fn_ > 0 {
        assert!(
            s.heading.f1() >= 0.8,
            "{name}: heading F1 {:.3}",
            s.heading.f1()
        );
    }
    if s.boilerplate.tp + s.boilerplate.fn_ > 0 {
        assert!(
            s.boilerplate.f1() >= 0.9,
            "{name}: boilerplate F1 {:.3}",
            s.boilerplate.f1()
        );
    }
}

#[test]
fn dev_gold_meets_the_bars() {
    let Some(shared) = shared() else {
        println!("skipped: the shared research folder is absent (set SAYSO_SHARED)");
        return;
    };
    let s = score(&shared.join("gold/dev"), &shared.join("seeds"));
    check("gold/dev", &s);
}

#[test]
fn claims_dev_gold_meets_the_bars() {
    let Some(shared) = shared() else {
        println!("skipped: the shared research folder is absent (set SAYSO_SHARED)");
        return;
    };
    let dir = shared.join("gold/claims-dev");
    if !dir.is_dir() {
        println!("skipped: no gold/claims-dev");
        return;
    }
    let s = score(&dir, &dir);
    check("gold/claims-dev", &s);
}
