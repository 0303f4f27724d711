//! The Rust side of `benches/py_throughput.py`: the same work as `sayso.analyze_many`
//! (analyze + SPEC JSON per document) in a plain Rust loop, timed without I/O.
//!
//! ```text
//! rust_throughput DOCS.jsonl [THREADS] [ROUNDS]   # {"text": …} per line
//! ```
//! Prints one JSON object: `docs`, `bytes`, `threads` and `seconds` (best of `ROUNDS`).

use std::time::Instant;

use rayon::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: rust_throughput DOCS.jsonl [THREADS] [ROUNDS]");
        std::process::exit(2);
    };
    let threads: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let rounds: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(3);
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("rust_throughput: {path}: {e}");
        std::process::exit(1)
    });
    let texts: Vec<String> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let analyzer = sayso::Analyzer::new();
    let work = |t: &String| analyzer.analyze(t).to_json().len();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap_or_else(|e| {
            eprintln!("rust_throughput: {e}");
            std::process::exit(1)
        });
    let mut best = f64::INFINITY;
    let mut out = 0;
    for _ in 0..rounds.max(1) {
        let t0 = Instant::now();
        out = if threads == 1 {
            texts.iter().map(work).sum::<usize>()
        } else {
            pool.install(|| texts.par_iter().map(work).sum::<usize>())
        };
        best = best.min(t0.elapsed().as_secs_f64());
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{}",
        serde_json::json!({
            "docs": texts.len(), "bytes": bytes, "threads": threads,
            "seconds": best, "json_bytes": out,
        })
    );
}
