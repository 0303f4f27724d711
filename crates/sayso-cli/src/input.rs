//! Reading documents: plain-text files or JSON Lines, with errors that say where.

use std::fs;
use std::io::{self, Read};

/// One document to analyze.
pub struct Input {
    /// Passed through to the output (`"id"`).
    pub id: Option<serde_json::Value>,
    pub text: String,
    pub author: Option<String>,
}

/// Where input comes from: a path, or `-` for standard input.
pub fn read_source(path: &str) -> io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        io::stdin().lock().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        fs::read(path)
    }
}

/// The display name of a source.
pub fn name(path: &str) -> &str {
    if path == "-" { "<stdin>" } else { path }
}

/// Decodes bytes as UTF-8; with `lossy`, replaces bad sequences instead of failing.
pub fn decode(bytes: Vec<u8>, lossy: bool) -> Result<String, usize> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(e.utf8_error().valid_up_to()),
    }
}

#[derive(serde::Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    text: String,
    author: Option<String>,
}

/// Parses JSON Lines: calls `ok` for each good document and `bad` with the 1-based line
/// number and a message for each broken line; blank lines are skipped.
pub fn parse_jsonl(
    bytes: &[u8],
    lossy: bool,
    mut ok: impl FnMut(Input),
    mut bad: impl FnMut(usize, String),
) {
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let lineno = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let line = match std::str::from_utf8(raw) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(_) if lossy => String::from_utf8_lossy(raw),
            Err(e) => {
                bad(
                    lineno,
                    format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()),
                );
                continue;
            }
        };
        match serde_json::from_str::<Line>(&line) {
            Ok(l) => ok(Input {
                id: l.id,
                text: l.text,
                author: l.author,
            }),
            Err(e) => bad(lineno, format!("invalid JSON line: {e}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_reports_broken_lines_and_keeps_going() {
        let data = b"{\"id\": 1, \"text\": \"A.\"}\n{broken\n\n{\"id\": \"b\", \"text\": \"B.\", \"author\": \"X\"}\n\xff\n";
        let mut good = Vec::new();
        let mut errs = Vec::new();
        parse_jsonl(data, false, |d| good.push(d), |n, m| errs.push((n, m)));
        assert_eq!(good.len(), 2);
        assert_eq!(good[1].author.as_deref(), Some("X"));
        assert_eq!(errs.iter().map(|e| e.0).collect::<Vec<_>>(), [2, 5]);
        assert!(errs[1].1.contains("UTF-8"));
    }

    #[test]
    fn decode_reports_offset_or_replaces() {
        assert_eq!(decode(b"ab\xffc".to_vec(), false), Err(2));
        assert_eq!(decode(b"ab\xffc".to_vec(), true).unwrap(), "ab\u{fffd}c");
    }
}
