//! Shared helpers for the sayso benchmarks: corpus building.
//!
//! The corpus is built at run time and never stored in the repository. When the shared
//! research data is present (env `SAYSO_SHARED`, else `../../shared` next to this crate),
//! it is the seed pages plus the PolNeAR train and dev texts; otherwise a deterministic
//! synthetic news-like corpus (headings, bylines, abbreviations, quotations, numbers,
//! URLs, e-mails, list items, ellipses) stands in.
//!
//! ```
//! let docs = sayso_benches::synthetic_documents(10_000, 1);
//! assert!(sayso_benches::total_bytes(&docs) >= 10_000);
//! let text = sayso_benches::repeat_to(&docs, 4_096);
//! assert_eq!(text.len(), 4_096);
//! ```

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::Criterion;
use criterion::measurement::{Measurement, ValueFormatter, WallTime};

/// At least this many bytes in the main segmentation corpus (issue 2: "≥ 5 MB").
pub const MIN_CORPUS_BYTES: usize = 5_000_000;

/// Where the shared research data lives, if it is there: `$SAYSO_SHARED`, else
/// `../../shared` relative to this crate's manifest (`/work/shared` next to `/work/main`).
pub fn shared_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("SAYSO_SHARED") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"),
    };
    dir.is_dir().then_some(dir)
}

/// Where a set of documents came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The shared seed pages and PolNeAR texts.
    Shared,
    /// [`synthetic_documents`].
    Synthetic,
}

impl Source {
    /// A short name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Shared => "shared seeds + PolNeAR train/dev",
            Source::Synthetic => "synthetic news-like text",
        }
    }
}

/// A list of documents and where they came from.
#[derive(Clone, Debug)]
pub struct Corpus {
    /// The documents, each a whole article.
    pub docs: Vec<String>,
    /// Their origin.
    pub source: Source,
}

impl Corpus {
    /// Total size in bytes.
    pub fn bytes(&self) -> usize {
        total_bytes(&self.docs)
    }

    /// All documents in one text, separated by blank lines.
    pub fn joined(&self) -> String {
        self.docs.join("\n\n")
    }
}

/// Sum of the documents' lengths in bytes.
pub fn total_bytes(docs: &[String]) -> usize {
    docs.iter().map(String::len).sum()
}

/// The `text` field of every line of a JSON Lines file (lines that fail to parse are
/// skipped: this is benchmark input, not something to validate).
pub fn jsonl_texts(path: &Path) -> Option<Vec<String>> {
    let data = std::fs::read_to_string(path).ok()?;
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
        .collect();
    (!texts.is_empty()).then_some(texts)
}

/// The seed pages (`seeds/*.txt`, sorted by name) and the PolNeAR train and dev texts, or
/// `None` when the shared data is absent.
pub fn shared_documents() -> Option<Vec<String>> {
    let dir = shared_dir()?;
    let mut docs = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir.join("seeds")) {
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        docs.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    for split in ["train", "dev"] {
        let path = dir.join("data/polnear").join(format!("{split}.jsonl"));
        docs.extend(jsonl_texts(&path).unwrap_or_default());
    }
    (!docs.is_empty()).then_some(docs)
}

/// The PolNeAR train texts (3.8 MB, 840 articles), or `None` when absent.
pub fn polnear_train() -> Option<Vec<String>> {
    jsonl_texts(&shared_dir()?.join("data/polnear/train.jsonl"))
}

/// The news corpus: the shared documents, cycled until they reach `min_bytes` (the shared
/// texts are about 4.3 MB), else synthetic documents of that size.
pub fn news_corpus(min_bytes: usize) -> Corpus {
    match shared_documents() {
        Some(base) => {
            let mut docs = base.clone();
            let mut i = 0;
            while total_bytes(&docs) < min_bytes {
                docs.push(base[i % base.len()].clone());
                i += 1;
            }
            Corpus {
                docs,
                source: Source::Shared,
            }
        }
        None => Corpus {
            docs: synthetic_documents(min_bytes, 0x5a75_0001),
            source: Source::Synthetic,
        },
    }
}

/// The documents joined by blank lines and repeated until exactly `len` bytes (cut back
/// to a char boundary, then padded with spaces), for cost-versus-size measurements.
pub fn repeat_to(docs: &[String], len: usize) -> String {
    let mut out = String::with_capacity(len + 8);
    let parts: Vec<&String> = docs.iter().filter(|d| !d.is_empty()).collect();
    if !parts.is_empty() {
        for d in parts.iter().cycle() {
            if out.len() >= len {
                break;
            }
            out.push_str(d);
            out.push_str("\n\n");
        }
    }
    let mut cut = len.min(out.len());
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    while out.len() < len {
        out.push(' ');
    }
    out
}

/// Adversarial inputs of `len` bytes each, by name: all dots, all straight quotation
/// marks, all curly quotation marks, all newlines, and one line of prose without any
/// line break.
pub fn adversarial(len: usize) -> Vec<(&'static str, String)> {
    let prose = synthetic_documents(len.min(2_000_000), 7)
        .join(" ")
        .replace(['\n', '\r'], " ");
    let one_line = repeat_to(&[prose], len);
    vec![
        ("dots", ".".repeat(len)),
        ("straight_quotes", "\"".repeat(len)),
        // “ and ” are 3 bytes each; alternate so pairs and unmatched marks both occur.
        ("curly_quotes", "“”“".repeat(len / 9)),
        ("newlines", "\n".repeat(len)),
        ("one_line", one_line),
    ]
}

/// CPU time consumed by the calling thread so far, in nanoseconds, if the kernel exposes
/// it (`/proc/thread-self/schedstat`). It advances in scheduler ticks (4 ms at HZ=250), so
/// measure spans of a second or more; it is unbiased over many spans.
pub fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// A criterion measurement of the benchmark thread's CPU time rather than wall time, so
/// that figures stay meaningful on a machine shared with other work (2 cores, many
/// builds). Falls back to wall time when thread CPU time is unavailable or when
/// `SAYSO_BENCH_CLOCK=wall`.
///
/// The clock advances in scheduler ticks, so keep criterion samples ≥ 30 ms: the default
/// settings of these benches (10 samples over ≥ 2 s) do.
pub struct ThreadCpu {
    wall: WallTime,
    cpu: bool,
}

impl ThreadCpu {
    /// Thread CPU time when available and not overridden, else wall time.
    pub fn new() -> ThreadCpu {
        let wall_asked = std::env::var("SAYSO_BENCH_CLOCK").is_ok_and(|v| v == "wall");
        ThreadCpu {
            wall: WallTime,
            cpu: !wall_asked && thread_cpu_ns().is_some(),
        }
    }

    /// `"thread CPU time"` or `"wall time"`.
    pub fn clock_name(&self) -> &'static str {
        if self.cpu {
            "thread CPU time"
        } else {
            "wall time"
        }
    }
}

impl Default for ThreadCpu {
    fn default() -> Self {
        ThreadCpu::new()
    }
}

impl Measurement for ThreadCpu {
    type Intermediate = (Option<u64>, Instant);
    type Value = Duration;

    fn start(&self) -> Self::Intermediate {
        let cpu = if self.cpu { thread_cpu_ns() } else { None };
        (cpu, Instant::now())
    }

    fn end(&self, (cpu0, wall0): Self::Intermediate) -> Self::Value {
        match (cpu0, self.cpu.then(thread_cpu_ns).flatten()) {
            (Some(a), Some(b)) => Duration::from_nanos(b.saturating_sub(a)),
            _ => wall0.elapsed(),
        }
    }

    fn add(&self, v1: &Self::Value, v2: &Self::Value) -> Self::Value {
        *v1 + *v2
    }

    fn zero(&self) -> Self::Value {
        Duration::ZERO
    }

    fn to_f64(&self, value: &Self::Value) -> f64 {
        value.as_nanos() as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        // Same unit (nanoseconds) as wall time, so criterion's duration formatting applies.
        self.wall.formatter()
    }
}

/// The criterion configuration of the sayso benches: [`ThreadCpu`] measurement (announced
/// on stderr).
pub fn criterion() -> Criterion<ThreadCpu> {
    let m = ThreadCpu::new();
    eprintln!("sayso benches measure {}", m.clock_name());
    Criterion::default().with_measurement(m)
}

/// A small deterministic generator (xorshift64*), so the synthetic corpus is the same on
/// every machine without a dependency.
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const PEOPLE: &[&str] = &[
    "Mr. Alden Brooke",
    "Dr. Mira Castell",
    "Gen. Tomas Reyes",
    "Sen. Paula Oyelaran",
    "Prof. Ingrid Halvorsen",
    "Gov. Dale P. Whitcombe",
    "Ms. Jun Takeda",
    "J. R. Okafor",
    "Lt. Col. Ana Sørensen",
    "Olesya Hrytsenko",
];
const PRONOUNS: &[&str] = &["he", "she", "they"];
const BODIES: &[&str] = &[
    "the Ministry of Finance",
    "the U.S. Treasury",
    "the city council",
    "Northwind Corp.",
    "the U.N. Security Council",
    "the central bank",
    "Harbor & Lane Inc.",
    "the E.U. Commission",
];
const PLACES: &[&str] = &[
    "Geneva",
    "Washington, D.C.",
    "Kyiv",
    "São Paulo",
    "Türkiye",
    "the St. Lawrence valley",
    "Mt. Rainier",
    "Ft. Myers",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "warned",
    "noted",
    "argued",
    "wrote",
];
const SUBJECTS: &[&str] = &[
    "the budget",
    "the ceasefire talks",
    "inflation",
    "the new port",
    "the election",
    "grain exports",
    "the merger",
    "water prices",
];
const MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];
const CLAUSES: &[&str] = &[
    "talks would resume next week",
    "the plan was never realistic",
    "prices rose faster than expected",
    "the vote had been delayed again",
    "nobody was hurt in the blast",
    "the agreement remains on track",
    "the figures were misleading",
];

fn number(r: &mut Rng) -> String {
    match r.below(6) {
        0 => format!("{}.{}%", r.below(40), r.below(10)),
        1 => format!("${}.{} billion", 1 + r.below(90), r.below(10)),
        2 => format!("{},{:03}", 1 + r.below(900), r.below(1000)),
        3 => format!("€{} million", 1 + r.below(500)),
        4 => format!("{} a.m.", 1 + r.below(12)),
        _ => format!("No. {}", 1 + r.below(30)),
    }
}

fn sentence(r: &mut Rng) -> String {
    let who = r.pick(PEOPLE);
    let subject = r.pick(SUBJECTS);
    match r.below(11) {
        0 => format!(
            "“{} is not finished,” {} {}. “We expect {} by {} {}.”",
            capitalize(subject),
            who,
            r.pick(VERBS),
            number(r),
            r.pick(MONTHS),
            1 + r.below(28)
        ),
        1 => format!(
            "{} {} that {} after {} cut spending by {}.",
            who,
            r.pick(VERBS),
            r.pick(CLAUSES),
            r.pick(BODIES),
            number(r)
        ),
        2 => format!(
            "According to {}, {} in {} on {} {}, {}.",
            r.pick(BODIES),
            r.pick(CLAUSES),
            r.pick(PLACES),
            r.pick(MONTHS),
            1 + r.below(28),
            2000 + r.below(26)
        ),
        3 => format!(
            "The report is at https://news.example.org/{}/{}.html and questions go to desk@example.org.",
            2000 + r.below(26),
            r.below(100_000)
        ),
        4 => format!(
            "\"{}?\" {} asked. \"Nobody knows.\"",
            capitalize(r.pick(CLAUSES)),
            r.pick(PRONOUNS)
        ),
        5 => format!(
            "Output fell to {} from {} a year earlier, i.e. the lowest since {}.",
            number(r),
            number(r),
            1950 + r.below(70)
        ),
        6 => format!(
            "{} {}... and then {}.",
            capitalize(r.pick(CLAUSES)),
            r.pick(PRONOUNS),
            r.pick(CLAUSES)
        ),
        7 => format!(
            "{} (R-Texas) met officials from {} at 5 p.m. in {}.",
            who,
            r.pick(BODIES),
            r.pick(PLACES)
        ),
        8 => format!(
            "In a post on X, @{}{} wrote: “{}.”",
            r.pick(&["ministry", "envoy", "desk"]),
            r.below(100),
            capitalize(r.pick(CLAUSES))
        ),
        9 => format!(
            "Shares of {} rose {} on Tuesday, vs. {} for the index.",
            r.pick(BODIES),
            number(r),
            number(r)
        ),
        _ => format!(
            "{} {}; {}.",
            capitalize(r.pick(CLAUSES)),
            r.pick(VERBS),
            r.pick(CLAUSES)
        ),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn heading(r: &mut Rng) -> String {
    let words = [
        "Talks", "Stall", "Prices", "Climb", "Council", "Votes", "Port", "Opens", "Again",
        "Budget", "Deal", "Reached", "Exports", "Slow", "Storm", "Hits", "Coast",
    ];
    let n = 3 + r.below(5);
    (0..n).map(|_| r.pick(&words)).collect::<Vec<_>>().join(" ")
}

/// Deterministic synthetic news-like documents totalling at least `min_bytes`: a heading,
/// a byline and dateline, paragraphs of sentences with abbreviations, initials, numbers,
/// quotations, URLs and e-mails, sometimes a bulleted list, and page furniture.
pub fn synthetic_documents(min_bytes: usize, seed: u64) -> Vec<String> {
    let mut r = Rng(seed | 1);
    let mut docs = Vec::new();
    let mut total = 0;
    while total < min_bytes {
        let mut d = String::new();
        d.push_str(&heading(&mut r));
        d.push_str("\n\nBy ");
        d.push_str(r.pick(PEOPLE));
        d.push_str("\nUpdated ");
        d.push_str(r.pick(MONTHS));
        d.push_str(&format!(" {}, {}\n\n", 1 + r.below(28), 2015 + r.below(11)));
        let paragraphs = 3 + r.below(8);
        for p in 0..paragraphs {
            if p > 0 && r.chance(15) {
                d.push_str(&heading(&mut r));
                d.push_str("\n\n");
            }
            if r.chance(10) {
                for i in 0..(2 + r.below(3)) {
                    d.push_str(&format!("{}. {}\n", i + 1, sentence(&mut r)));
                }
                d.push('\n');
                continue;
            }
            let n = 1 + r.below(5);
            for i in 0..n {
                if i > 0 {
                    d.push(' ');
                }
                d.push_str(&sentence(&mut r));
            }
            d.push_str("\n\n");
        }
        d.push_str("Sign up for our newsletter\nShare this article\n");
        total += d.len();
        docs.push(d);
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_is_deterministic_and_large_enough() {
        let a = synthetic_documents(50_000, 3);
        let b = synthetic_documents(50_000, 3);
        assert_eq!(a, b);
        assert!(total_bytes(&a) >= 50_000);
        assert!(a.iter().any(|d| d.contains("U.S.") || d.contains("Mr.")));
        assert!(a.iter().any(|d| d.contains('“')));
        assert_ne!(a, synthetic_documents(50_000, 4));
    }

    #[test]
    fn repeat_to_is_exact_and_on_char_boundaries() {
        let docs = vec!["Türkiye “waits”. ".to_string()];
        for len in [0, 1, 2, 3, 10, 1000, 1001] {
            let t = repeat_to(&docs, len);
            assert_eq!(t.len(), len);
        }
        assert_eq!(repeat_to(&[String::new()], 5), "     ");
    }

    #[test]
    fn adversarial_inputs_have_the_size_asked() {
        for (name, text) in adversarial(10_000) {
            assert!(text.len() <= 10_000 && text.len() >= 9_990, "{name}");
        }
    }

    #[test]
    fn corpus_reaches_its_minimum() {
        let c = news_corpus(100_000);
        assert!(c.bytes() >= 100_000);
        assert!(c.joined().len() >= c.bytes());
    }
}
