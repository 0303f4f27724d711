#![allow(missing_docs)] // criterion_group! generates an undocumented public fn
//! Full analysis throughput (`Analyzer::analyze`), issues 3 and 4.
//!
//! Groups:
//! - `analyze_polnear`: PolNeAR train texts (3.8 MB; a synthetic corpus of the same size
//!   when the shared data is absent), per document: `split` only vs full `analyze`. The
//!   `no_claims` is `analyze` with claim tagging switched off
//!   (`AnalyzerBuilder::claims(false)`): the claims bar ("tagging adds ≤ 30% to the time of
//!   analyze") is `analyze / no_claims - 1`.
//! - `analyze_linearity`: the same texts joined into one document of 100 KB, 1 MB and
//!   4 MB (flat MB/s = linear cost in document length), and 250 KB vs 1 MB of invented
//!   reported speech (every sentence an attribution);
//! - `analyze_adversarial`: 1 MB of quotation marks and dots, and one 1 MB line of prose
//!   with a single unclosed quotation mark in front, through the full pipeline.
//!
//! Run: `cargo bench -p sayso-benches --bench analyze -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use sayso::Analyzer;
use sayso_benches::{
    ThreadCpu, adversarial, polnear_train, repeat_to, synthetic_documents, total_bytes,
};

fn analyze_polnear(c: &mut Criterion<ThreadCpu>) {
    let analyzer = Analyzer::new();
    let (docs, source) = match polnear_train() {
        Some(d) => (d, "PolNeAR train"),
        None => (synthetic_documents(3_860_000, 0x5a75_0002), "synthetic"),
    };
    let bytes = total_bytes(&docs);
    let (mut sentences, mut attributions, mut claims) = (0, 0, 0);
    for d in &docs {
        let doc = analyzer.analyze(d);
        sentences += doc.sentences().len();
        attributions += doc.attributions().len();
        claims += doc.claims().len();
    }
    eprintln!(
        "analyze corpus: {source} ({} documents, {bytes} bytes; {sentences} sentences, \
         {attributions} attributions, {claims} claims)",
        docs.len()
    );

    let mut g = c.benchmark_group("analyze_polnear");
    g.sample_size(10).sampling_mode(SamplingMode::Flat);
    g.throughput(Throughput::BytesDecimal(bytes as u64));
    g.bench_function("split", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                n += analyzer.split(black_box(d)).len();
            }
            n
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                let doc = analyzer.analyze(black_box(d));
                n += doc.claims().len() + doc.attributions().len();
            }
            n
        })
    });
    let no_claims = Analyzer::builder()
        .claims(false)
        .build()
        .expect("the compiled-in lexicons are valid");
    g.bench_function("no_claims", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                n += no_claims.analyze(black_box(d)).attributions().len();
            }
            n
        })
    });
    g.finish();
}

fn analyze_linearity(c: &mut Criterion<ThreadCpu>) {
    let analyzer = Analyzer::new();
    let docs = polnear_train().unwrap_or_else(|| synthetic_documents(4_000_000, 0x5a75_0002));
    let mut g = c.benchmark_group("analyze_linearity");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (label, len) in [("100KB", 100_000), ("1MB", 1_000_000), ("4MB", 4_000_000)] {
        let text = repeat_to(&docs, len);
        g.throughput(Throughput::BytesDecimal(len as u64));
        g.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, t| {
            b.iter(|| analyze_count(&analyzer, t))
        });
    }
    // Every sentence an attribution: catches per-sentence scans over all attributions.
    let said = ["Officials said the port would reopen on Tuesday, and prices rose 4%.".to_string()];
    for (label, len) in [("said_250KB", 250_000), ("said_1MB", 1_000_000)] {
        let text = repeat_to(&said, len);
        g.throughput(Throughput::BytesDecimal(len as u64));
        g.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, t| {
            b.iter(|| analyze_count(&analyzer, t))
        });
    }
    g.finish();
}

fn analyze_count(analyzer: &Analyzer, text: &str) -> usize {
    let doc = analyzer.analyze(black_box(text));
    doc.claims().len() + doc.attributions().len()
}

fn analyze_adversarial(c: &mut Criterion<ThreadCpu>) {
    let analyzer = Analyzer::new();
    let mut g = c.benchmark_group("analyze_adversarial");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let mut inputs = adversarial(1_000_000);
    for (name, text) in inputs.iter_mut() {
        if *name == "one_line" {
            *name = "one_line_open_quote";
            text.insert(0, '“');
        }
    }
    for (name, text) in &inputs {
        g.throughput(Throughput::BytesDecimal(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| analyzer.analyze(black_box(t)).sentences().len())
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = sayso_benches::criterion();
    targets = analyze_polnear, analyze_linearity, analyze_adversarial
}
criterion_main!(benches);
