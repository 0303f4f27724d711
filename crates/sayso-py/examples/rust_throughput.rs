//! The Rust side of `benches/py_throughput.py`: the same work as `sayso.analyze_many`
//! (analyze + SPEC JSON per document) in a plain Rust loop, timed without I/O.
//!
//! ```text
//! rust_throughput DOCS.jsonl [THREADS] [ROUNDS]   # {"text": …} per line
//! ```
//! Prints one JSON object: `docs`, `bytes`, `threads`, `seconds` (wall, best of `ROUNDS`)
//! and `cpu_seconds` (best of `ROUNDS`): with one thread, the CPU time of this thread;
//! with more, that of all threads but this one (the pool). Read from /proc, so it holds
//! up when other processes share the cores.

use std::time::Instant;

use rayon::prelude::*;

/// CPU time of this thread in seconds, if the kernel exposes it.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// CPU time of every thread of this process but the calling one, in seconds.
fn other_threads_cpu_seconds() -> Option<f64> {
    let me = std::fs::read_link("/proc/thread-self").ok()?;
    let me = me.file_name()?.to_owned();
    let mut total = 0u64;
    for entry in std::fs::read_dir("/proc/self/task").ok()? {
        let entry = entry.ok()?;
        if entry.file_name() == me {
            continue;
        }
        let s = std::fs::read_to_string(entry.path().join("schedstat")).ok()?;
        total += s.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total as f64 / 1e9)
}

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
    let mut best_cpu = f64::INFINITY;
    let mut out = 0;
    for _ in 0..rounds.max(1) {
        let cpu_now = || {
            if threads == 1 {
                thread_cpu_seconds()
            } else {
                other_threads_cpu_seconds()
            }
        };
        let c0 = cpu_now();
        let t0 = Instant::now();
        out = if threads == 1 {
            texts.iter().map(work).sum::<usize>()
        } else {
            pool.install(|| texts.par_iter().map(work).sum::<usize>())
        };
        best = best.min(t0.elapsed().as_secs_f64());
        if let (Some(c0), Some(c1)) = (c0, cpu_now()) {
            best_cpu = best_cpu.min(c1 - c0);
        }
    }
    let cpu = best_cpu.is_finite().then_some(best_cpu);
    let bytes: usize = texts.iter().map(String::len).sum();
    println!(
        "{}",
        serde_json::json!({
            "docs": texts.len(), "bytes": bytes, "threads": threads,
            "seconds": best, "cpu_seconds": cpu, "json_bytes": out,
        })
    );
}
