//! End-to-end tests of the `sayso` binary: formats, offsets, and bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn sayso(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sayso"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sayso");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn tmp(name: &str, data: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("sayso-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, data).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn analyze_emits_spec_json_with_code_point_offsets() {
    let text = "Türkiye “waits”. Kyiv too.";
    let o = sayso(&["analyze"], text.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for key in ["sentences", "claims", "attributions", "entities"] {
        assert!(v[key].is_array(), "missing {key}");
    }
    let chars: Vec<char> = text.chars().collect();
    for s in v["sentences"].as_array().unwrap() {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[a..b].iter().collect();
        assert_eq!(slice, s["text"].as_str().unwrap());
    }
}

#[test]
fn byte_offsets_on_request() {
    let text = "Türkiye waits. Kyiv too.";
    let o = sayso(&["analyze", "--offsets", "bytes"], text.as_bytes());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let last = v["sentences"].as_array().unwrap().last().unwrap().clone();
    let (a, b) = (
        last["start"].as_u64().unwrap() as usize,
        last["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[a..b], last["text"].as_str().unwrap());
    assert_eq!(b, text.len());
}

#[test]
fn invalid_utf8_names_file_and_offset_and_other_files_go_on() {
    let bad = tmp("bad.txt", b"Good start \xff bad.");
    let good = tmp("good.txt", b"Fine text.");
    let o = sayso(&["analyze", &bad, &good], b"");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("bad.txt") && err.contains("byte 11"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["sentences"][0]["text"], "Fine text.");
}

#[test]
fn lossy_replaces_invalid_utf8() {
    let o = sayso(&["split", "--lossy"], b"Good \xff start.");
    assert!(o.status.success());
    assert_eq!(stdout(&o), "Good \u{fffd} start.\n");
}

#[test]
fn broken_json_line_is_reported_and_the_rest_processed() {
    let input = b"{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": oops}\n{\"id\": 7, \"text\": \"Two.\", \"author\": \"Jane Doe\"}\n";
    let o = sayso(&["analyze", "--jsonl"], input);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("<stdin>:2:"), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], 7);
}

#[test]
fn jsonl_file_name_selects_jsonl_input() {
    let path = tmp(
        "docs.jsonl",
        b"{\"id\": \"d1\", \"text\": \"Hello there.\"}\n",
    );
    let o = sayso(&["analyze", &path], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["id"], "d1");
}

#[test]
fn empty_input_gives_valid_empty_output() {
    let o = sayso(&["analyze"], b"");
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["sentences"].as_array().unwrap().len(), 0);
    let o = sayso(&["analyze", "--jsonl"], b"");
    assert!(o.status.success());
    assert_eq!(stdout(&o), "");
    let o = sayso(&["split"], b"  \n ");
    assert!(o.status.success());
    assert_eq!(stdout(&o), "");
}

#[test]
fn split_prints_one_sentence_a_line() {
    let o = sayso(&["split", "-"], b"First line\nSecond\n\ncontinues here.");
    let out = stdout(&o);
    assert!(out.lines().all(|l| !l.is_empty()));
    assert!(out.ends_with('\n'));
    assert_eq!(out.lines().next(), Some("First line"));
}

#[test]
fn text_format_shows_kind_and_sentence() {
    let o = sayso(&["analyze", "--format", "text"], b"Body text here.");
    let out = stdout(&o);
    assert!(out.starts_with("body"), "{out}");
    assert!(out.trim_end().ends_with("Body text here."));
}

#[test]
fn quotes_and_claims_views_run() {
    let text = "“We will go,” she said. The army fired 40 missiles on Monday.";
    let o = sayso(&["quotes"], text.as_bytes());
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("speaker"));
    let o = sayso(&["claims", "--all"], text.as_bytes());
    assert!(o.status.success());
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let o = sayso(&["analyze", "/nonexistent/sayso.txt"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/nonexistent/sayso.txt"));
}

#[test]
fn claims_view_marks_evidence_in_brackets_off_terminal() {
    let text = "Wheat prices fell 3.5% in Chicago on Monday, the largest drop since March.";
    let o = sayso(&["claims", "--all"], text.as_bytes());
    assert!(o.status.success());
    let out = stdout(&o);
    let body = out.lines().nth(1).expect("a claim line and its sentence");
    assert!(body.contains('['), "{out}");
    assert_eq!(body.matches('[').count(), body.matches(']').count());
    assert!(!body.trim_start().contains("  "), "{out}");
    let plain: String = body
        .trim()
        .chars()
        .filter(|c| !matches!(c, '[' | ']'))
        .collect();
    assert_eq!(plain, text);
}
