//! `sayso`: where the sentences are, which make claims, and who says so.
//!
//! ```text
//! sayso analyze article.txt --format text
//! sayso analyze --jsonl articles.jsonl > out.jsonl
//! sayso split article.txt
//! sayso quotes article.txt
//! sayso claims article.txt
//! ```

mod input;
mod view;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use sayso::{Analyzer, Document, OffsetUnit};

use input::Input;

#[derive(Parser)]
#[command(
    name = "sayso",
    version,
    about = "Sentences, claims and attributions of news text"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze documents: sentences, claims, attributions, entities (SPEC JSON).
    Analyze(Common),
    /// Print one sentence a line.
    Split(Common),
    /// Print a table of who says what: speaker · cue · channel · content.
    Quotes(Common),
    /// Print check-worthy claims ranked by score, with labels, evidence and source.
    Claims(Common),
}

#[derive(Args)]
struct Common {
    /// Input files (plain text, or JSON Lines with --jsonl or a .jsonl name); stdin when
    /// none or `-`.
    files: Vec<String>,
    /// Read JSON Lines: one {"id", "text", "author"?} object a line.
    #[arg(long)]
    jsonl: bool,
    /// Output format (default: json for text input, jsonl for JSON Lines input).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// The author of plain-text documents (first person resolves to them).
    #[arg(long)]
    author: Option<String>,
    /// Offsets in the JSON: code points (as Python and the SPEC) or UTF-8 bytes.
    #[arg(long, value_enum, default_value = "chars")]
    offsets: Offsets,
    /// Replace invalid UTF-8 instead of stopping that input.
    #[arg(long)]
    lossy: bool,
    /// Show every claim, not only the check-worthy ones (`claims` command).
    #[arg(long)]
    all: bool,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Json,
    Jsonl,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum Offsets {
    Chars,
    Bytes,
}

/// What to do with each analyzed document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Analyze,
    Split,
    Quotes,
    Claims,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (mode, opts) = match cli.command {
        Command::Analyze(c) => (Mode::Analyze, c),
        Command::Split(c) => (Mode::Split, c),
        Command::Quotes(c) => (Mode::Quotes, c),
        Command::Claims(c) => (Mode::Claims, c),
    };
    match run(mode, &opts) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sayso: {e}");
            ExitCode::from(1)
        }
    }
}

/// Runs the command; `Ok(false)` when some input failed but the rest was processed.
fn run(mode: Mode, opts: &Common) -> io::Result<bool> {
    // The quotes table shows no claims: don't tag them.
    let analyzer = Analyzer::builder()
        .claims(mode != Mode::Quotes)
        .build()
        .map_err(io::Error::other)?;
    let stdout = io::stdout();
    let color = stdout.is_terminal();
    let mut out = Output {
        w: BufWriter::new(stdout.lock()),
        mode,
        format: Format::Json,
        unit: match opts.offsets {
            Offsets::Chars => OffsetUnit::Chars,
            Offsets::Bytes => OffsetUnit::Bytes,
        },
        color,
        all: opts.all,
        count: 0,
        array: false,
    };
    let files: Vec<String> = if opts.files.is_empty() {
        vec!["-".to_string()]
    } else {
        opts.files.clone()
    };
    let jsonl_input = |f: &str| opts.jsonl || f.ends_with(".jsonl");
    out.format = opts
        .format
        .unwrap_or(if files.iter().all(|f| jsonl_input(f)) {
            Format::Jsonl
        } else {
            Format::Json
        });
    // Several documents in `json` format make a JSON array.
    let docs_json_array = out.format == Format::Json
        && mode == Mode::Analyze
        && (files.len() > 1 || files.iter().any(|f| jsonl_input(f)));
    if docs_json_array {
        out.w.write_all(b"[")?;
        out.array = true;
    }
    let mut all_ok = true;
    for file in &files {
        let name = input::name(file);
        let bytes = match input::read_source(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("sayso: {name}: {e}");
                all_ok = false;
                continue;
            }
        };
        if jsonl_input(file) {
            let mut result = Ok(());
            input::parse_jsonl(
                &bytes,
                opts.lossy,
                |doc| {
                    if result.is_ok() {
                        let author = doc.author.as_deref().or(opts.author.as_deref());
                        result = out.emit(&analyzer, &doc, author);
                    }
                },
                |line, msg| {
                    eprintln!("sayso: {name}:{line}: {msg}");
                    all_ok = false;
                },
            );
            result?;
        } else {
            match input::decode(bytes, opts.lossy) {
                Ok(text) => {
                    let id = (files.len() > 1 || out.format == Format::Jsonl)
                        .then(|| serde_json::Value::String(file.clone()));
                    let doc = Input {
                        id,
                        text,
                        author: None,
                    };
                    out.emit(&analyzer, &doc, opts.author.as_deref())?;
                }
                Err(offset) => {
                    eprintln!(
                        "sayso: {name}: invalid UTF-8 at byte {offset} (use --lossy to replace it)"
                    );
                    all_ok = false;
                }
            }
        }
    }
    if docs_json_array {
        out.w.write_all(b"]\n")?;
    }
    out.w.flush()?;
    Ok(all_ok)
}

struct Output<W: Write> {
    w: W,
    mode: Mode,
    format: Format,
    unit: OffsetUnit,
    color: bool,
    all: bool,
    count: usize,
    array: bool,
}

impl<W: Write> Output<W> {
    fn emit(&mut self, analyzer: &Analyzer, input: &Input, author: Option<&str>) -> io::Result<()> {
        let doc = match self.mode {
            // Splitting alone skips attribution and claims.
            Mode::Split => None,
            _ => Some(analyzer.analyze_with_author(&input.text, author)),
        };
        let format = self.format;
        match (self.mode, &doc) {
            (Mode::Analyze, Some(doc)) => match format {
                Format::Json | Format::Jsonl => self.write_json(doc, input, format)?,
                Format::Text => view::sentences(&mut self.w, doc, self.color)?,
            },
            (Mode::Quotes, Some(doc)) => view::quotes(&mut self.w, doc)?,
            (Mode::Claims, Some(doc)) => view::claims(&mut self.w, doc, self.color, self.all)?,
            _ => {
                for s in analyzer.split(&input.text) {
                    view::one_line(&mut self.w, s.text())?;
                    self.w.write_all(b"\n")?;
                }
            }
        }
        self.count += 1;
        Ok(())
    }

    fn write_json(&mut self, doc: &Document<'_>, input: &Input, format: Format) -> io::Result<()> {
        let mut view = doc.json().offsets(self.unit);
        if let Some(id) = &input.id {
            view = view.id_value(id);
        }
        if self.array && self.count > 0 {
            self.w.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut self.w, &view).map_err(io::Error::other)?;
        if format == Format::Jsonl || !self.array {
            self.w.write_all(b"\n")?;
        }
        Ok(())
    }
}
