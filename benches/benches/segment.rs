#![allow(missing_docs)] // criterion_group! generates an undocumented public fn
//! Sentence segmentation throughput (`Analyzer::split`), issue 2 item 5.
//!
//! Groups:
//! - `split_corpus`: the ≥ 5 MB news corpus, per document and as one joined text (MB/s);
//! - `split_linearity`: the same text repeated to 1 KB … 50 MB (flat MB/s = linear cost);
//! - `split_adversarial`: 1 MB of dots, quotation marks, newlines; one 10 MB line.
//!
//! Run: `cargo bench -p sayso-benches --bench segment -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use sayso::Analyzer;
use sayso_benches::{MIN_CORPUS_BYTES, ThreadCpu, adversarial, news_corpus, repeat_to};

fn split_corpus(c: &mut Criterion<ThreadCpu>) {
    let analyzer = Analyzer::new();
    let corpus = news_corpus(MIN_CORPUS_BYTES);
    let joined = corpus.joined();
    let sentences: usize = corpus.docs.iter().map(|d| analyzer.split(d).len()).sum();
    eprintln!(
        "corpus: {} ({} documents, {} bytes, {} sentences)",
        corpus.source.as_str(),
        corpus.docs.len(),
        corpus.bytes(),
        sentences
    );

    let mut g = c.benchmark_group("split_corpus");
    g.sample_size(10).sampling_mode(SamplingMode::Flat);
    g.throughput(Throughput::BytesDecimal(corpus.bytes() as u64));
    g.bench_function("per_document", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &corpus.docs {
                n += analyzer.split(black_box(d)).len();
            }
            n
        })
    });
    g.throughput(Throughput::BytesDecimal(joined.len() as u64));
    g.bench_function("joined", |b| {
        b.iter(|| analyzer.split(black_box(&joined)).len())
    });
    g.finish();
}

fn split_linearity(c: &mut Criterion<ThreadCpu>) {
    let analyzer = Analyzer::new();
    let corpus = news_corpus(MIN_CORPUS_BYTES);
    let mut g = c.benchmark_group("split_linearity");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (label, len) in [
        ("1KB", 1_000),
        ("100KB", 100_000),
        ("1MB", 1_000_000),
        ("10MB", 10_000_000),
        ("50MB", 50_000_000),
    ] {
        let text = repeat_to(&corpus.docs, len);
        g.throughput(Throughput::BytesDecimal(len as u64));
        g.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, t| {
            b.iter(|| analyzer.split(black_box(t)).len())
        });
    }
    g.finish();
}

fn split_adversarial(c: &mut Criterion<ThreadCpu>) {
    let analyzer = Analyzer::new();
    let mut g = c.benchmark_group("split_adversarial");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    let mut inputs = adversarial(1_000_000);
    // The prose line is the 10 MB case; the others stay at 1 MB.
    inputs.retain(|(name, _)| *name != "one_line");
    inputs.extend(
        adversarial(10_000_000)
            .into_iter()
            .filter(|(name, _)| *name == "one_line")
            .map(|(_, t)| ("one_line_10MB", t)),
    );
    for (name, text) in &inputs {
        g.throughput(Throughput::BytesDecimal(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), text, |b, t| {
            b.iter(|| analyzer.split(black_box(t)).len())
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = sayso_benches::criterion();
    targets = split_corpus, split_linearity, split_adversarial
}
criterion_main!(benches);
