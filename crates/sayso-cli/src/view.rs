//! Readable terminal views: sentences with kinds, a quotes table, ranked claims.

use std::io::{self, Write};

use sayso::{Document, Label, SentenceKind};

const RESET: &str = "\x1b[0m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";

/// Writes `text` on one line: inner line breaks and runs of whitespace become one space.
pub fn one_line(w: &mut impl Write, text: &str) -> io::Result<()> {
    let mut first = true;
    for word in text.split_whitespace() {
        if !first {
            w.write_all(b" ")?;
        }
        w.write_all(word.as_bytes())?;
        first = false;
    }
    Ok(())
}

fn label_color(label: Label) -> &'static str {
    match label {
        Label::Quantity => "\x1b[36m",
        Label::Comparison => "\x1b[34m",
        Label::Causal => "\x1b[35m",
        Label::Prediction => "\x1b[33m",
        Label::Rule => "\x1b[32m",
        Label::Event => "\x1b[31m",
        Label::Position => "\x1b[93m",
        Label::Opinion => "\x1b[95m",
    }
}

/// One sentence a line: `kind  labels  text`.
pub fn sentences(w: &mut impl Write, doc: &Document<'_>, color: bool) -> io::Result<()> {
    for (i, s) in doc.sentences().iter().enumerate() {
        let labels = doc
            .claim_of(i)
            .map(|c| {
                c.labels
                    .iter()
                    .map(|l| l.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .unwrap_or_default();
        let (on, off) = match (color, s.kind()) {
            (true, SentenceKind::Boilerplate) => (DIM, RESET),
            (true, SentenceKind::Heading) => (BOLD, RESET),
            _ => ("", ""),
        };
        write!(w, "{on}{:<11} {:<24} ", s.kind().as_str(), labels)?;
        one_line(w, s.text())?;
        writeln!(w, "{off}")?;
    }
    Ok(())
}

/// Who says what, one attribution a line.
pub fn quotes(w: &mut impl Write, doc: &Document<'_>) -> io::Result<()> {
    let rows: Vec<[String; 5]> = doc
        .attributions()
        .iter()
        .map(|a| {
            [
                a.speaker
                    .clone()
                    .or_else(|| a.source.map(|s| s.as_str().to_string()))
                    .unwrap_or_else(|| "—".into()),
                a.cue
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_else(|| "—".into()),
                a.channel.clone().unwrap_or_else(|| "—".into()),
                a.kind.as_str().to_string(),
                a.content
                    .as_str()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            ]
        })
        .collect();
    let width = |i: usize, head: &str| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([head.len()])
            .max()
            .unwrap_or(0)
            .min(32)
    };
    let heads = ["speaker", "cue", "channel", "kind", "content"];
    let ws: Vec<usize> = (0..4).map(|i| width(i, heads[i])).collect();
    let line = |w: &mut dyn Write, r: [&str; 5]| -> io::Result<()> {
        for i in 0..4 {
            write!(w, "{} · ", pad(r[i], ws[i]))?;
        }
        writeln!(w, "{}", r[4])
    };
    line(w, heads)?;
    for r in &rows {
        line(w, [&r[0], &r[1], &r[2], &r[3], &r[4]])?;
    }
    Ok(())
}

fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n > width {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// Check-worthy claims ranked by score, evidence highlighted.
pub fn claims(w: &mut impl Write, doc: &Document<'_>, color: bool, all: bool) -> io::Result<()> {
    let mut ranked: Vec<_> = doc
        .claims()
        .iter()
        .filter(|c| all || c.checkworthy)
        .collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.sentence.cmp(&b.sentence))
    });
    for c in ranked {
        let Some(s) = doc.sentences().get(c.sentence) else {
            continue;
        };
        let labels: Vec<&str> = c.labels.iter().map(|l| l.as_str()).collect();
        let source = c
            .source
            .and_then(|id| doc.entity(id))
            .map(|e| e.name.as_str())
            .unwrap_or("—");
        writeln!(
            w,
            "{:.2}  [{}]{}  source: {}",
            c.score,
            labels.join(", "),
            if c.hedged { " hedged" } else { "" },
            source
        )?;
        w.write_all(b"      ")?;
        highlight(w, s.text(), s.start(), c, color)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// The sentence with evidence in colour (or `[brackets]` when not a terminal), on one line.
fn highlight(
    w: &mut impl Write,
    text: &str,
    base: usize,
    claim: &sayso::Claim<'_>,
    color: bool,
) -> io::Result<()> {
    let mut ev: Vec<_> = claim
        .evidence
        .iter()
        .filter(|e| e.span.start() >= base && e.span.end() <= base + text.len())
        .collect();
    ev.sort_by_key(|e| (e.span.start(), std::cmp::Reverse(e.span.end())));
    // Pieces of the sentence, each marked or not; overlapping evidence: the first wins.
    let mut pieces: Vec<(&str, Option<Label>)> = Vec::new();
    let mut at = 0;
    for e in ev {
        let (s, t) = (e.span.start() - base, e.span.end() - base);
        if s < at {
            continue;
        }
        pieces.push((&text[at..s], None));
        pieces.push((&text[s..t], Some(e.label)));
        at = t;
    }
    pieces.push((&text[at..], None));
    let mut first = true;
    // Whether whitespace separates the next word from the last one written.
    let mut space = false;
    for (piece, label) in pieces {
        space |= piece.starts_with(char::is_whitespace);
        for (i, word) in piece.split_whitespace().enumerate() {
            let glued = i == 0 && !space;
            if !first && !glued {
                w.write_all(b" ")?;
            }
            first = false;
            match (label, i == 0) {
                (Some(l), true) if color => write!(w, "{}", label_color(l))?,
                (Some(_), true) => w.write_all(b"[")?,
                _ => {}
            }
            w.write_all(word.as_bytes())?;
        }
        if label.is_some() && !piece.trim().is_empty() {
            w.write_all(if color { RESET.as_bytes() } else { b"]" })?;
        }
        space = piece.ends_with(char::is_whitespace) || (space && piece.trim().is_empty());
    }
    Ok(())
}
