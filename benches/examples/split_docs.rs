//! Splits documents with sayso and reports its own CPU time, for `compare_sentences.py`
//! (which also runs the Python peers).
//!
//! ```text
//! split_docs corpus [MAX_BYTES]          # the news corpus as JSON Lines {"text": …}
//! split_docs split DOCS.jsonl [REPEAT]   # split each document REPEAT times (default 1)
//! split_docs analyze DOCS.jsonl [REPEAT] # the same with the full `analyze` (for profiling)
//! split_docs no-claims DOCS.jsonl [REPEAT] # `analyze` with claim tagging switched off
//! ```
//!
//! `split` prints one JSON object: `cpu_seconds` (of the splitting loop only, read from
//! /proc/thread-self/schedstat, else wall time), `bytes`, `repeat`, `clock`, and `ends`:
//! per document, the code point offsets where its sentences end.

use std::io::Write;
use std::time::Instant;

use sayso::Analyzer;
use sayso_benches::{jsonl_texts, shared_documents, synthetic_documents, thread_cpu_ns};

/// CPU time of this thread in seconds, if the kernel exposes it.
fn thread_cpu_seconds() -> Option<f64> {
    thread_cpu_ns().map(|ns| ns as f64 / 1e9)
}

fn usage() -> ! {
    eprintln!(
        "usage: split_docs corpus [MAX_BYTES] | split_docs split|analyze|no-claims DOCS.jsonl [REPEAT]"
    );
    std::process::exit(2)
}

fn corpus(max_bytes: Option<usize>) {
    // The criterion corpus' sources as they are (not cycled), else 4 MB of synthetic text.
    let docs = shared_documents().unwrap_or_else(|| synthetic_documents(4_000_000, 0x5a75_0001));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut total = 0;
    for d in docs {
        if max_bytes.is_some_and(|m| total >= m) {
            break;
        }
        total += d.len();
        let line = serde_json::json!({ "text": d });
        writeln!(out, "{line}").unwrap_or_else(|e| {
            eprintln!("split_docs: {e}");
            std::process::exit(1)
        });
    }
}

fn split(path: &str, repeat: usize) {
    let Some(docs) = jsonl_texts(std::path::Path::new(path)) else {
        eprintln!("split_docs: no documents in {path}");
        std::process::exit(1)
    };
    let analyzer = Analyzer::new();
    let bytes: usize = docs.iter().map(String::len).sum();
    // Warm up (page faults, lazy statics) outside the timed loop.
    let mut ends: Vec<Vec<usize>> = docs
        .iter()
        .map(|d| {
            let mut chars = 0;
            let mut at = 0;
            analyzer
                .split(d)
                .iter()
                .map(|s| {
                    chars += d[at..s.end()].chars().count();
                    at = s.end();
                    chars
                })
                .collect()
        })
        .collect();
    let cpu0 = thread_cpu_seconds();
    let wall0 = Instant::now();
    let mut n = 0usize;
    for _ in 0..repeat {
        for d in &docs {
            n += std::hint::black_box(analyzer.split(std::hint::black_box(d))).len();
        }
    }
    let wall = wall0.elapsed().as_secs_f64();
    let (cpu, clock) = match (cpu0, thread_cpu_seconds()) {
        (Some(a), Some(b)) => (b - a, "thread_cpu"),
        _ => (wall, "wall"),
    };
    // `n` keeps the loop observable; sentences per pass is the same every time.
    let sentences = n / repeat.max(1);
    ends.shrink_to_fit();
    let out = serde_json::json!({
        "cpu_seconds": cpu,
        "wall_seconds": wall,
        "clock": clock,
        "bytes": bytes,
        "repeat": repeat,
        "sentences": sentences,
        "ends": ends,
    });
    println!("{out}");
}

/// Full analysis of every document `repeat` times; prints CPU seconds and MB/s.
fn analyze(path: &str, repeat: usize, claims: bool) {
    let Some(docs) = jsonl_texts(std::path::Path::new(path)) else {
        eprintln!("split_docs: no documents in {path}");
        std::process::exit(1)
    };
    let analyzer = Analyzer::builder()
        .claims(claims)
        .build()
        .expect("the compiled-in lexicons are valid");
    let bytes: usize = docs.iter().map(String::len).sum();
    let cpu0 = thread_cpu_seconds();
    let wall0 = Instant::now();
    let mut n = 0usize;
    for _ in 0..repeat {
        for d in &docs {
            let doc = analyzer.analyze(std::hint::black_box(d));
            n += doc.claims().len() + doc.attributions().len();
        }
    }
    let wall = wall0.elapsed().as_secs_f64();
    let cpu = match (cpu0, thread_cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => wall,
    };
    let out = serde_json::json!({
        "cpu_seconds": cpu,
        "wall_seconds": wall,
        "bytes": bytes,
        "repeat": repeat,
        "mb_per_s": (bytes * repeat) as f64 / cpu / 1e6,
        "items": n / repeat,
    });
    println!("{out}");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("corpus") => corpus(args.get(1).and_then(|a| a.parse().ok())),
        Some("split") => {
            let Some(path) = args.get(1) else { usage() };
            let repeat = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
            split(path, repeat.max(1));
        }
        Some(mode @ ("analyze" | "no-claims")) => {
            let Some(path) = args.get(1) else { usage() };
            let repeat = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
            analyze(path, repeat.max(1), mode == "analyze");
        }
        _ => usage(),
    }
}
