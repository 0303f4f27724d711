//! Sentence kinds (SPEC §1): body, heading or boilerplate, decided line by line and then
//! over the document (the title and its deck, runs of teasers after a marker, furniture
//! above the title, author bios).

use crate::document::SentenceKind;

use super::boundary::Raw;
use super::furniture::Furniture;

/// A heading is at most this many words.
const HEADING_WORDS: usize = 20;
/// The document's first line is its title when it stands alone and is at most this long.
const TITLE_BYTES: usize = 200;
/// ... in at most this many sentences ("Virginia could make history. Again.").
const TITLE_SENTENCES: usize = 3;
/// A deck (subtitle) under the title is one short sentence.
const DECK_BYTES: usize = 100;
const DECK_WORDS: usize = 13;
/// Furniture above the title: only within the first lines, and only short ones.
const HEAD_LINES: usize = 8;
const HEAD_BYTES: usize = 2000;
const HEAD_LINE_BYTES: usize = 200;
/// Lines searched for furniture phrases inside their sentences.
const SHORT_LINE: usize = 120;
/// Lines longer than this open no furniture run.
const ZONE_MARKER_BYTES: usize = 64;
/// Headings remembered to recognise a repeated title.
const REMEMBERED: usize = 32;

/// A logical line: sentences not separated by a line break.
#[derive(Clone, Copy, Debug)]
struct Line {
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    breaks_before: u8,
    breaks_after: u8,
    /// Ends with terminal punctuation (computed once: later passes read no text).
    terminal: bool,
    /// Ends with an ellipsis (a teaser cut off).
    ellipsis: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Body,
    Heading,
    Furniture,
}

/// The kind of each raw sentence of `text`.
pub(crate) fn kinds(text: &str, raws: &[Raw], furniture: &Furniture) -> Vec<SentenceKind> {
    let mut lines = group(raws);
    for l in &mut lines {
        let t = l.text(text);
        l.terminal = ends_terminal(t);
        l.ellipsis = t.ends_with("...") || t.ends_with('…');
    }
    let mut class: Vec<Class> = lines
        .iter()
        .map(|l| line_class(text, l, furniture))
        .collect();
    title_and_deck(text, &lines, &mut class);
    list_labels(text, &lines, &mut class);
    repeated_headings(text, &lines, &mut class);
    zones(text, &lines, furniture, &mut class);
    untitled_title(text, &lines, &mut class);
    above_title(&lines, &mut class);
    bios(text, &lines, furniture, &mut class);

    let mut out = vec![SentenceKind::Body; raws.len()];
    for (l, c) in lines.iter().zip(&class) {
        // Furniture inside a line of article text (a credit after a caption) sits in
        // short lines; paragraphs of running text are not searched.
        // (A line of one sentence was searched whole in `line_class`.)
        let short = l.end - l.start <= SHORT_LINE && l.sentences() > 1;
        for (k, r) in raws.iter().enumerate().take(l.last + 1).skip(l.first) {
            out[k] = match c {
                Class::Heading => SentenceKind::Heading,
                Class::Furniture => SentenceKind::Boilerplate,
                Class::Body if short && furniture.sentence(&text[r.start..r.end]) => {
                    SentenceKind::Boilerplate
                }
                // A paragraph's last sentence may be a prompt glued to it.
                Class::Body
                    if k == l.last
                        && l.sentences() > 1
                        && furniture.closing_prompt(&text[r.start..r.end]) =>
                {
                    SentenceKind::Boilerplate
                }
                Class::Body => SentenceKind::Body,
            };
        }
    }
    out
}

fn group(raws: &[Raw]) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for (k, r) in raws.iter().enumerate() {
        match lines.last_mut() {
            Some(l) if r.breaks_before == 0 => {
                l.last = k;
                l.end = r.end;
            }
            _ => {
                if let Some(l) = lines.last_mut() {
                    l.breaks_after = r.breaks_before;
                }
                lines.push(Line {
                    first: k,
                    last: k,
                    start: r.start,
                    end: r.end,
                    breaks_before: if k == 0 { 2 } else { r.breaks_before },
                    breaks_after: 2,
                    terminal: false,
                    ellipsis: false,
                });
            }
        }
    }
    lines
}

impl Line {
    fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    fn sentences(&self) -> usize {
        self.last + 1 - self.first
    }
    /// Between blank lines (or the ends of the text).
    fn alone(&self) -> bool {
        self.breaks_before >= 2 && self.breaks_after >= 2
    }
}

/// The class of a line on its own.
fn line_class(text: &str, l: &Line, furniture: &Furniture) -> Class {
    let t = l.text(text);
    // A furniture phrase opening a long line of several sentences ("Read the full
    // statement at …. He also wrote …") condemns that sentence, not the paragraph.
    let whole_line = l.sentences() == 1 || t.len() <= SHORT_LINE;
    if (whole_line && furniture.line(t))
        || (l.sentences() == 1 && t.len() <= SHORT_LINE && furniture.sentence(t))
    {
        return Class::Furniture;
    }
    if l.sentences() > 1 || l.terminal || t.ends_with([':', ',', ';']) {
        return Class::Body;
    }
    if is_list_item(t) {
        return Class::Body;
    }
    let words = t.split_whitespace().take(HEADING_WORDS + 1).count();
    if words <= 1 {
        // A lone word on a line is a section label or a UI string.
        return Class::Furniture;
    }
    if words <= HEADING_WORDS && (l.alone() || title_case(t)) {
        return Class::Heading;
    }
    Class::Body
}

/// "Key points" right above a list: a short label line (no terminal punctuation, no
/// colon) whose next line is a list item heads the list.
fn list_labels(text: &str, lines: &[Line], class: &mut [Class]) {
    for k in 0..lines.len().saturating_sub(1) {
        let (l, next) = (&lines[k], &lines[k + 1]);
        let t = l.text(text);
        if class[k] == Class::Body
            && l.sentences() == 1
            && !l.terminal
            && !t.ends_with([':', ',', ';'])
            && !is_list_item(t)
            && l.breaks_after == 1
            && t.split_whitespace().take(HEADING_WORDS + 1).count() <= HEADING_WORDS
            && is_list_item(next.text(text))
        {
            class[k] = Class::Heading;
        }
    }
}

/// The first line standing alone is the title even with a period; a short sentence
/// standing alone right under it is its deck.
fn title_and_deck(text: &str, lines: &[Line], class: &mut [Class]) {
    let Some(first) = lines.first() else {
        return;
    };
    // A text of one line is no title over nothing.
    if class[0] == Class::Furniture
        || lines.len() < 2
        || !first.alone()
        || first.end - first.start > TITLE_BYTES
        || first.sentences() > TITLE_SENTENCES
        || first.text(text).ends_with([':', ',', ';'])
    {
        return;
    }
    class[0] = Class::Heading;
    if let Some(deck) = lines.get(1) {
        let t = deck.text(text);
        if class[1] == Class::Body
            && deck.alone()
            && deck.sentences() == 1
            && t.len() <= DECK_BYTES
            && t.split_whitespace().count() <= DECK_WORDS
            && !t.split_whitespace().any(is_personal)
            && !t.starts_with(['"', '“', '\'', '‘', '(', '«'])
            && !t.ends_with([':', ',', ';'])
            && !is_list_item(t)
        {
            class[1] = Class::Heading;
        }
    }
}

/// In a page without blank lines, the first line of content that is no sentence (no
/// terminal punctuation, a few words) is its title.
fn untitled_title(text: &str, lines: &[Line], class: &mut [Class]) {
    if class.iter().take(HEAD_LINES).any(|&c| c == Class::Heading) {
        return;
    }
    let Some(k) = class
        .iter()
        .take(HEAD_LINES)
        .position(|&c| c != Class::Furniture)
    else {
        return;
    };
    let l = &lines[k];
    let words = l
        .text(text)
        .split_whitespace()
        .take(HEADING_WORDS + 1)
        .count();
    let t = l.text(text);
    if l.sentences() == 1
        && !l.terminal
        && !t.ends_with([':', ',', ';'])
        && !is_list_item(t)
        && (3..=HEADING_WORDS).contains(&words)
    {
        class[k] = Class::Heading;
    }
}

/// A line without terminal punctuation that repeats an earlier heading (pages often
/// print the title twice) is a heading too.
fn repeated_headings(text: &str, lines: &[Line], class: &mut [Class]) {
    let mut seen: Vec<&str> = Vec::new();
    for (l, c) in lines.iter().zip(class.iter_mut()) {
        match c {
            Class::Heading if seen.len() < REMEMBERED => seen.push(l.text(text)),
            Class::Body if l.sentences() == 1 && !l.terminal && seen.contains(&l.text(text)) => {
                *c = Class::Heading;
            }
            _ => {}
        }
    }
}

/// After a marker line ("Recent News", "Read more", an author avatar), everything is
/// furniture until two lines in a row read as article text again. The headline-like
/// lines glued right above the marker belong to it.
fn zones(text: &str, lines: &[Line], furniture: &Furniture, class: &mut [Class]) {
    let mut in_zone = false;
    let mut run = 0;
    let mut saved: [Class; 2] = [Class::Body; 2];
    for k in 0..lines.len() {
        let l = &lines[k];
        // The marker may open a sentence that runs on to the next line ("Read more:\n
        // Why the grid is so vulnerable").
        let t = l.text(text);
        let mut n = t.len().min(ZONE_MARKER_BYTES + 1);
        while !t.is_char_boundary(n) {
            n -= 1;
        }
        let head = t[..n].split('\n').next().unwrap_or(t);
        if head.len() <= ZONE_MARKER_BYTES && furniture.opens_zone(head) {
            in_zone = true;
            run = 0;
            class[k] = Class::Furniture;
            let mut j = k;
            // Stops at furniture already marked, so each line is looked at once.
            while j > 0 && lines[j].breaks_before == 1 && class[j - 1] != Class::Furniture {
                let p = &lines[j - 1];
                if p.sentences() > 1 || p.terminal {
                    break;
                }
                class[j - 1] = Class::Furniture;
                j -= 1;
            }
            continue;
        }
        if !in_zone {
            continue;
        }
        if class[k] != Class::Furniture && reads_as_text(l) {
            saved[run] = class[k];
            run += 1;
            if run == 2 {
                in_zone = false;
                class[k - 1] = saved[0];
                class[k] = saved[1];
                run = 0;
                continue;
            }
        } else {
            run = 0;
        }
        class[k] = Class::Furniture;
    }
}

/// A line of article text: complete sentences, not a teaser cut off with an ellipsis.
fn reads_as_text(l: &Line) -> bool {
    let len = l.end - l.start;
    !l.ellipsis && ((l.sentences() >= 2 && len >= 100) || (l.terminal && len >= 150))
}

/// Short lines above the first heading are page furniture (counters, section labels,
/// prompts) when at least one of them already is.
fn above_title(lines: &[Line], class: &mut [Class]) {
    let Some(h) = class.iter().position(|&c| c == Class::Heading) else {
        return;
    };
    if h == 0 || h > HEAD_LINES || lines[h].start > HEAD_BYTES {
        return;
    }
    let before = &lines[..h];
    if before.iter().all(|l| l.end - l.start <= HEAD_LINE_BYTES)
        && class[..h].contains(&Class::Furniture)
    {
        class[..h].fill(Class::Furniture);
    }
}

/// An author bio in the second half of the text: the paragraph that opens with
/// "<Name> is a reporter ..." and the lines after it up to the next blank line.
fn bios(text: &str, lines: &[Line], furniture: &Furniture, class: &mut [Class]) {
    let half = text.len() / 2;
    let mut k = 0;
    while k < lines.len() {
        let l = &lines[k];
        if l.start >= half
            && l.breaks_before >= 2
            && class[k] == Class::Body
            && furniture.opens_bio(l.text(text))
        {
            class[k] = Class::Furniture;
            k += 1;
            while k < lines.len() && lines[k].breaks_before == 1 {
                class[k] = Class::Furniture;
                k += 1;
            }
            continue;
        }
        k += 1;
    }
}

/// A bullet or numbered item ("• Forty drones were shot down", "2) Talks resumed"): a
/// line of content, never a heading.
fn is_list_item(t: &str) -> bool {
    if t.starts_with(['•', '·', '▪', '■', '●', '►', '*', '-', '–', '—']) {
        return true;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
        && t.as_bytes().get(digits + 1) == Some(&b' ')
}

/// Ends with `.` `!` `?` `…` (before any closing quotes or brackets).
fn ends_terminal(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    t.ends_with(['.', '!', '?', '…'])
}

/// Most content words capitalised ("Trump Pushes for Negotiations").
fn title_case(t: &str) -> bool {
    let mut content = 0;
    let mut capital = 0;
    for w in t.split_whitespace().take(HEADING_WORDS + 1) {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(c) = w.chars().next() else {
            continue;
        };
        if is_minor(w) {
            continue;
        }
        content += 1;
        if c.is_uppercase() || c.is_numeric() {
            capital += 1;
        }
    }
    content >= 2 && capital * 4 >= content * 3
}

/// First- and second-person words: a lede or a letter speaks so, a deck does not.
fn is_personal(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    matches!(
        w,
        "I" | "I'm"
            | "I’m"
            | "I've"
            | "I’ve"
            | "me"
            | "my"
            | "we"
            | "We"
            | "us"
            | "our"
            | "Our"
            | "you"
            | "You"
            | "your"
            | "Your"
            | "My"
    )
}

/// Short function words that title case leaves lowercase.
fn is_minor(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "vs"
            | "vs."
            | "via"
            | "into"
            | "over"
            | "per"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_lines() {
        assert!(title_case("Trump Pushes for Negotiations"));
        assert!(title_case("Talks Stall in Geneva"));
        assert!(!title_case("Zelensky reports a long call with the envoy"));
        assert!(!title_case("Geneva"));
    }

    #[test]
    fn terminal_endings() {
        assert!(ends_terminal("He left."));
        assert!(ends_terminal("“Why?”"));
        assert!(!ends_terminal("Talks Stall in Geneva"));
    }
}
