//! The attribution rules over one prepared document: direct quotations with their cues,
//! then reported speech ("X said (that) …", "…, X said", "according to X, …").

use super::channel;
use super::doc::{Doc, QuoteAt, Unit};
use super::lexicons::{CueKind, HashMap, class};
use super::sources;
use crate::document::AttributionKind;
use crate::tokens::TokenKind;

/// An attribution before speakers are resolved. Token ranges are half-open.
#[derive(Clone, Debug)]
pub(crate) struct Raw {
    /// Content byte range.
    pub(crate) content: (usize, usize),
    pub(crate) kind: AttributionKind,
    pub(crate) source: Option<(usize, usize)>,
    pub(crate) cue: Option<(usize, usize)>,
    pub(crate) channel: Option<String>,
    pub(crate) via: Option<(usize, usize)>,
    /// A continuation: the speaker is that of this earlier attribution.
    pub(crate) same_as: Option<usize>,
}

/// How far a cue may stand from the quotation it introduces or follows, in tokens.
const NEAR: usize = 8;

/// The longest reported clause, in tokens: bounds every scan from a cue, so a unit with
/// thousands of cues stays linear.
const WINDOW: usize = 150;

struct Cue {
    at: usize,
    len: usize,
    kind: CueKind,
}

/// Finds every attribution of the document, in unit order.
#[inline(never)]
pub(crate) fn find(doc: &Doc) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::new();
    // The last direct quotation: (index in out, unit index).
    let mut last_direct: Option<(usize, usize)> = None;
    // A source and cue ending its unit with a colon, waiting for the quotation.
    let mut pending_colon: Option<(usize, Raw)> = None;
    let mut used = vec![false; 0];
    // Reused from unit to unit.
    let mut cues: Vec<Cue> = Vec::new();
    // Capitalised words not opening a line, built when a line first looks like "Name: …".
    // (Each word maps to its last such position.)
    let mut names_elsewhere: Option<HashMap<&str, usize>> = None;
    for (ui, unit) in doc.units.iter().enumerate() {
        if unit.boilerplate {
            last_direct = None;
            pending_colon = None;
            continue;
        }
        if !doc.may_attribute(unit) {
            // What the steps below come to in a unit where nothing can start.
            pending_colon = None;
            if !quotes_only(doc, unit) {
                last_direct = None;
            }
            continue;
        }
        cues_in(doc, unit, &mut cues);
        used.clear();
        used.resize(cues.len(), false);
        let first_new = out.len();
        // Direct quotations.
        let qa = doc.quotes.partition_point(|q| q.open < unit.a);
        let qb = doc.quotes.partition_point(|q| q.open < unit.b);
        let quotes: &[QuoteAt] = doc.quotes.get(qa..qb).unwrap_or(&[]);
        for q in quotes {
            let content = quote_content(doc, q);
            if content.0 >= content.1 {
                continue;
            }
            // The cue after the quotation ("…,” she said), or before it ("X said: “…”").
            let tail = tail_cue(doc, unit, q, &cues);
            // "Using the tax “is a misguided approach,” said X": the quotation ends a
            // clause that began before it, which is the content (mixed).
            if let Some((ci, source)) = tail {
                let c = &cues[ci];
                let start = content_start_left(doc, unit, q.open);
                let words_before = (start..q.open).filter(|&k| doc.is_word(k)).count();
                if q.open > unit.a && doc.is_word(q.open - 1) && words_before >= 2 {
                    let content = (doc.toks[start].start, q.q.close_end);
                    used[ci] = true;
                    out.push(Raw {
                        content,
                        kind: AttributionKind::Mixed,
                        source,
                        cue: Some((c.at, c.at + c.len)),
                        channel: channel::find(
                            doc,
                            unit,
                            content,
                            source,
                            Some((c.at, c.at + c.len)),
                        ),
                        via: None,
                        same_as: None,
                    });
                    continue;
                }
            }
            let found = tail.or_else(|| lead_cue(doc, unit, q, &cues));
            if let Some((ci, source)) = found {
                used[ci] = true;
                let c = &cues[ci];
                let ch = channel::find(doc, unit, content, source, Some((c.at, c.at + c.len)));
                out.push(Raw {
                    content,
                    kind: AttributionKind::Direct,
                    source,
                    cue: Some((c.at, c.at + c.len)),
                    channel: ch,
                    via: None,
                    same_as: None,
                });
                last_direct = Some((out.len() - 1, ui));
                continue;
            }
            // "Ellis: “…”": a colon lead-in.
            let headline_src = || {
                (unit.heading && q.open > unit.a && doc.is_punct(q.open - 1, ":"))
                    .then(|| headline_addressee(doc, unit, q.open - 1))
                    .flatten()
            };
            if let Some(src) = colon_source(doc, unit, q.open).or_else(headline_src) {
                // "Ryan: ‘Anti-Semitic Images’ Have ‘No Place’": a headline's quotation
                // inside the line; the content is the line after the colon.
                let rest = unit.heading && (q.after..unit.b).any(|k| doc.is_word(k));
                let (content, kind) = match trim_content(doc, q.open, unit.b).filter(|_| rest) {
                    Some(line) => (line, kind_of(doc, line)),
                    None => (content, AttributionKind::Direct),
                };
                out.push(Raw {
                    content,
                    kind,
                    source: Some(src),
                    cue: Some((q.open - 1, q.open)),
                    channel: None,
                    via: None,
                    same_as: None,
                });
                last_direct = Some((out.len() - 1, ui));
                continue;
            }
            if let Some(src) = dash_source(doc, unit, q) {
                out.push(Raw {
                    content,
                    kind: AttributionKind::Direct,
                    source: Some(src),
                    cue: None,
                    channel: None,
                    via: None,
                    same_as: None,
                });
                last_direct = Some((out.len() - 1, ui));
                continue;
            }
            // A quotation that opens its unit continues the previous speaker.
            if q.open == unit.a || (q.open == unit.a + 1 && doc.is_punct(unit.a, "(")) {
                if let Some((_, mut lead)) = pending_colon.take() {
                    lead.content = content;
                    out.push(lead);
                    last_direct = Some((out.len() - 1, ui));
                    continue;
                }
                if let Some((k, from_unit)) = last_direct {
                    let prev_unit = &doc.units[from_unit];
                    let same_para = prev_unit.para == unit.para;
                    let adjacent = from_unit + 1 == ui
                        || (same_para
                            && ui - from_unit <= 4
                            && doc.units[from_unit + 1..ui]
                                .iter()
                                .all(|u| u.para == unit.para));
                    let next_para =
                        !same_para && unit.para == prev_unit.para + 1 && is_first_of_para(doc, ui);
                    if adjacent && (same_para || next_para) && quotes_only(doc, unit) {
                        let prev = out[k].clone();
                        let root = prev.same_as.unwrap_or(k);
                        out.push(Raw {
                            content,
                            kind: AttributionKind::Direct,
                            // A new paragraph names no one: the speaker carries over
                            // (through the entity), the mention and the cue do not (SPEC §6).
                            source: if same_para { prev.source } else { None },
                            cue: if same_para { prev.cue } else { None },
                            channel: prev.channel.clone(),
                            via: prev.via,
                            same_as: Some(root),
                        });
                        last_direct = Some((out.len() - 1, ui));
                        continue;
                    }
                }
            }
        }
        // Reported speech.
        for (ci, c) in cues.iter().enumerate() {
            if used[ci] {
                continue;
            }
            if let Some(r) = reported(doc, unit, c, &out[first_new..]) {
                used[ci] = true;
                out.push(r);
            }
        }
        according_to(doc, unit, &mut out);
        // A headline "Minister: Talks failed".
        if unit.heading && out.len() == first_new {
            if let Some(colon) =
                (unit.a + 1..(unit.a + 12).min(unit.b)).find(|&k| doc.is_punct(k, ":"))
            {
                // "Breaking: …", "Revealed: …", "Contributing: …": a participle labels
                // the line; it names no one.
                // "Interview: …", "Analysis: …": a label word.
                let label = |(a, b): (usize, usize)| {
                    let l = doc.low(b - 1);
                    l.len() > 4 && (l.ends_with("ing") || l.ends_with("ed"))
                        || b == a + 1 && doc.has(a, class::LABEL)
                };
                let src = colon_source(doc, unit, colon + 1)
                    .or_else(|| headline_addressee(doc, unit, colon))
                    .filter(|&r| !label(r));
                if let Some(src) = src.filter(|_| doc.quote_opening(colon + 1).is_none()) {
                    out.extend(colon_lead(doc, src, colon, unit.b));
                }
            }
        }
        // A transcript turn, "MATTHEWS: Well, speculation is bad."
        if !unit.heading && out.len() == first_new && is_first_of_para(doc, ui) {
            if let Some(r) = transcript_turn(doc, ui) {
                out.push(r);
            }
        }
        // A transcript or post line that is no clause: "Zelenskyy: Only after a
        // ceasefire.", "@ZelenskyyUa: Grateful to our partners."
        if !unit.heading && out.len() == first_new {
            let named = names_elsewhere.get_or_insert_with(|| capitalised_words(doc));
            if let Some(r) = speaker_line(doc, &doc.units[ui..], named) {
                out.push(r);
            }
        }
        // "X said:" at the end of a unit waits for the quotation in the next one.
        pending_colon = None;
        if unit.b > unit.a && doc.is_punct(unit.b - 1, ":") {
            if let Some((ci, c)) = cues.iter().enumerate().rev().find(|(ci, _)| !used[*ci]) {
                // "He went on to say:": the clause's subject, not "on to".
                let infinitive = c.at > unit.a && doc.low(c.at - 1) == "to";
                let src = if infinitive {
                    unit_subject(doc, unit, c.at)
                } else {
                    sources::left(doc, unit.a, c.at).map(|l| (l.a, l.b))
                };
                if let Some((la, lb)) = src {
                    let l = sources::Left {
                        a: la,
                        b: lb,
                        subordinate: false,
                    };
                    pending_colon = Some((
                        ci,
                        Raw {
                            content: (0, 0),
                            kind: AttributionKind::Direct,
                            source: Some((l.a, l.b)),
                            cue: Some((c.at, c.at + c.len)),
                            channel: channel::find(
                                doc,
                                unit,
                                (0, 0),
                                Some((l.a, l.b)),
                                Some((c.at, c.at + c.len)),
                            ),
                            via: None,
                            same_as: None,
                        },
                    ));
                }
            }
        }
        if !out[first_new..]
            .iter()
            .any(|r| r.kind == AttributionKind::Direct)
            && !quotes.is_empty()
        {
            // A unit with quotations that no one said breaks a run of continuations.
            if last_direct.is_some_and(|(_, u)| u != ui) && !quotes_only(doc, unit) {
                last_direct = None;
            }
        } else if !quotes_only(doc, unit)
            && out[first_new..]
                .iter()
                .all(|r| r.kind != AttributionKind::Direct)
        {
            last_direct = None;
        }
    }
    out
}

fn is_first_of_para(doc: &Doc, ui: usize) -> bool {
    ui == 0 || doc.units[ui - 1].para != doc.units[ui].para
}

/// The unit is quotations and punctuation only, with no words outside them.
fn quotes_only(doc: &Doc, unit: &Unit) -> bool {
    (unit.a..unit.b).all(|i| doc.inside_quote(i) || !doc.is_word(i))
}

/// Cue occurrences of a unit, outside quotations.
fn cues_in(doc: &Doc, unit: &Unit, out: &mut Vec<Cue>) {
    out.clear();
    let mut i = unit.a;
    while i < unit.b {
        // Headlines capitalise their verbs ("…, Former Doctor Says").
        let cased = doc.is_lower_word(i)
            || (unit.heading && i > unit.a && doc.is_word(i))
            // "Asked whether …, X said": a passive question opening the sentence.
            || (doc.low(i) == "asked" && (unit.a..i).all(|k| !doc.is_word(k)))
            // "Said Comey, “…”": the inverted order opening the sentence.
            || (doc.low(i) == "said" && doc.is_cap(i + 1) && (unit.a..i).all(|k| !doc.is_word(k)));
        if !doc.has(i, class::CUE | class::NAMING) || doc.inside_quote(i) || !cased {
            i += 1;
            continue;
        }
        let Some((len, kind)) = doc
            .lex
            .cues
            .longest(doc.low(i), |k| (i + k < unit.b).then(|| doc.low(i + k)))
        else {
            i += 1;
            continue;
        };
        let kind = *kind;
        // "a report", "the claims": a noun, not a verb.
        let prev_det = i > unit.a
            && doc.has(i - 1, class::DET)
            && doc.low(i - 1) != "that"
            && (doc.is_lower_word(i - 1) || doc.is_cap(i - 1))
            // "Some said …", "another said …": "said" and "told" are never nouns.
            && !matches!(doc.low(i), "said" | "told")
            // "Some say they …", "Another argues that …": a quantifier standing alone as
            // the subject, its verb agreeing with it, a clause after.
            && !(i + len < unit.b
                && {
                    let w = doc.low(i);
                    match doc.low(i - 1) {
                        "some" => !(w.ends_with('s') || w.ends_with("ed") || w.ends_with("ing")),
                        "another" | "each" => w.ends_with('s') && !w.ends_with("ss"),
                        _ => false,
                    }
                }
                && (doc.low(i + len) == "that" || is_clause(doc, i + len, unit.b)));
        let after = doc.low(i + len);
        let particle = len == 1
            && doc.has(i + len, class::NOTCUE)
            && (after != "on" || kind == CueKind::Naming)
            && !(after == "to" && doc.has(i, class::TELL | class::INF))
            && !(is_say(doc.low(i)) && say_particle(doc, i + len))
            // "was asked by host X whether …" names the asker.
            && !(doc.low(i) == "asked" && after == "by");
        // "Obama's remarks", "his claims will …": a noun.
        let possessed =
            i > unit.a && (doc.word(i - 1).ends_with("’s") || doc.word(i - 1).ends_with("'s"));
        let noun_subject = len == 1
            && i > unit.a
            && doc.is_lower_word(i - 1)
            && !doc.has(
                i - 1,
                class::SUBJ | class::PERSON | class::PLURAL | class::FIRST,
            )
            // "the jobs report has …": a finite "has/is/was" after the bare form too (not
            // after "say" or a past form: "which critics said was …" is speech).
            && (doc.low(i).ends_with('s')
                || (matches!(doc.low(i + 1), "has" | "is" | "was")
                    && !is_say(doc.low(i))
                    && !doc.has(i, class::PAST)
                    && !doc.low(i).ends_with("ed")))
            && doc.has(i + 1, class::AUX)
            && doc.is_lower_word(i + 1)
            && !doc.has(i + 1, class::PAST);
        // "All told, …": an idiom, not speech.
        let all_told = doc.low(i) == "told" && i > unit.a && doc.low(i - 1) == "all";
        if !prev_det && !particle && !possessed && !noun_subject && !all_told {
            out.push(Cue { at: i, len, kind });
            i += len;
        } else {
            i += 1;
        }
    }
}

/// The verb "say" in any form: it takes a clause whatever follows.
fn is_say(w: &str) -> bool {
    matches!(w, "say" | "says" | "said" | "saying")
}

/// "he said of Cruz", "Trump said to a crowd", "said to reporters": a particle after
/// "say" names the topic or addressee and the verb stays speech; "is said to be" does not.
fn say_particle(doc: &Doc, p: usize) -> bool {
    match doc.low(p) {
        "of" | "about" => true,
        "to" => {
            let n = p + 1;
            doc.has(n, class::DET | class::PERSON | class::PLURAL)
                || doc.is_cap(n)
                || (doc.is_lower_word(n) && doc.low(n).len() > 3 && doc.low(n).ends_with('s'))
        }
        _ => false,
    }
}

/// "of Mr. Cruz", "about the incident": a topic phrase, not "about 40 percent" (a number).
fn about_topic(doc: &Doc, p: usize) -> bool {
    match doc.low(p) {
        "of" => true,
        "about" => {
            let n = p + 1;
            doc.is_cap(n)
                || doc.has(n, class::PERSON | class::PLURAL)
                || matches!(
                    doc.low(n),
                    "the" | "his" | "her" | "their" | "its" | "this" | "that" | "what" | "how"
                )
        }
        _ => false,
    }
}

/// The content of a quotation: inside the marks, without the joining comma.
fn quote_content(doc: &Doc, q: &QuoteAt) -> (usize, usize) {
    let inner = &doc.text[q.q.start..q.q.end];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    let trimmed = trimmed.strip_suffix(',').unwrap_or(trimmed).trim_end();
    let s = q.q.start + lead;
    (s, s + trimmed.len())
}

/// `“…,” she said` / `“…,” said the minister` / `“…” Zelenskiy wrote on X.`
fn tail_cue(
    doc: &Doc,
    unit: &Unit,
    q: &QuoteAt,
    cues: &[Cue],
) -> Option<(usize, Option<(usize, usize)>)> {
    // "On “Face the Nation,” X said …", "on Fox News’s “Hannity,” X said …": a quoted
    // title, not a quotation of X.
    if q.open > unit.a
        && (doc.has(q.open - 1, class::PREP)
            || doc.word(q.open - 1).ends_with("’s")
            || doc.word(q.open - 1).ends_with("'s"))
        && is_title(doc, q)
    {
        return None;
    }
    let mut j = q.after;
    if doc.is_punct(j, ",") {
        j += 1;
    }
    // «…», — заявив Зеленський: Ukrainian and Russian punctuation puts a dash before the
    // cue.
    if doc.is_dash(j) && doc.is_punct(j.wrapping_sub(1), ",") {
        j += 1;
    }
    let ci = cues.partition_point(|c| c.at < j);
    let c = cues
        .get(ci)
        .filter(|c| c.at < j + 4 * NEAR && c.at < unit.b)?;
    if c.kind != CueKind::Speech {
        return None;
    }
    // Nothing but a short name phrase between the quotation and the cue.
    if (j..c.at).any(|k| {
        doc.inside_quote(k)
            || (doc.toks[k].kind == crate::tokens::TokenKind::Punct
                && !matches!(doc.word(k), "’" | "'" | "-" | "." | "," | "(" | ")"))
    }) {
        return None;
    }
    if c.at == j {
        // "…,” telling reporters …": a participle shares its clause's subject; what
        // follows it is an addressee or an object.
        if doc.low(c.at).ends_with("ing") {
            return Some((ci, unit_subject(doc, unit, c.at)));
        }
        // Inverted: the source follows the cue, and ends the clause ("…,” said X."), not
        // a subject of what follows ("Humphrey, who calls Trump a “sociopath,” said he
        // doubts …": the quotation sits in the source's own apposition).
        let src = sources::right(doc, c.at + c.len, unit.b);
        let opens_clause = |(a, b): (usize, usize)| {
            doc.has(a, class::SUBJ) && doc.is_lower_word(a) && (b > a + 1 || doc.is_lower_word(b))
        };
        if src.is_some_and(opens_clause) || proper_title(doc, q) {
            return None;
        }
        return Some((ci, src));
    }
    let mut l = sources::left(doc, j, c.at)?;
    // "…,” the bespectacled, 71-year-old diplomat said": adjectives in a row, split by
    // commas, belong to the name phrase.
    if l.a > j
        && l.a - j <= 5
        && doc.has(j, class::DET)
        && (j..l.a).all(|k| {
            doc.is_punct(k, ",")
                || doc.is_lower_word(k) && !doc.has(k, class::AUX | class::CUE | class::PREP)
        })
    {
        l.a = j;
    }
    // "“It is not true.” He said Clinton would …": a quotation that ends its sentence is
    // not the content of a cue that opens a new one with its own clause.
    // The wires' '' closing mark may be two tokens.
    let last = (q.open + 1..q.after)
        .rev()
        .find(|&k| !matches!(doc.word(k), "'" | "''" | "’" | "”" | "\""));
    let closed = last.is_some_and(|k| matches!(doc.word(k), "." | "!" | "?"));
    if closed && doc.is_cap(j) && is_clause(doc, c.at + c.len, unit.b) {
        return None;
    }
    // The name phrase fills the gap: "…,” Kremlin aide Yuri Ushakov said", and the
    // sentence ends soon after the cue.
    let ok = l.a == j
        // "this source" names someone; "this week" does not.
        && !opens_phrase(doc, l.a)
        && plausible_source(doc, (l.a, l.b), c)
        && (tail_rest(doc, unit, c.at + c.len).is_some()
            || matches!(doc.word(c.at + c.len), ":" | ",")
            || narrator_goes_on(doc, unit, c.at + c.len));
    ok.then_some((ci, Some((l.a, l.b))))
}

/// "…,” Carson said on NBC, but he …", "…,” she told a crowd, then referred to …":
/// after the cue of a quotation and a short phrase, the narrator's next clause.
fn narrator_goes_on(doc: &Doc, unit: &Unit, from: usize) -> bool {
    let Some(p) = (from..(from + 12).min(unit.b))
        .find(|&k| doc.inside_quote(k) || matches!(doc.word(k), "," | ";" | "." | "!" | "?"))
    else {
        return false;
    };
    if !doc.is_punct(p, ",") || (from..p).any(|k| doc.has(k, class::AUX) && doc.is_lower_word(k)) {
        return false;
    }
    let n = doc.low(p + 1);
    doc.is_lower_word(p + 1)
        && (matches!(n, "and" | "but")
            && (doc.has(p + 2, class::SUBJ | class::DET) || doc.is_cap(p + 2))
            || n == "then" && doc.is_lower_word(p + 2))
}

/// A quotation that is a name ("Face the Nation", "Hannity"): short, or mostly
/// capitalised words; not a quoted clause ("engaged in “consistent activity …”").
fn is_title(doc: &Doc, q: &QuoteAt) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for k in q.open + 1..q.after {
        if doc.is_word(k) {
            words += 1;
            caps += usize::from(doc.is_cap(k));
        }
    }
    words <= 2 || caps * 10 >= words * 6
}

/// Token `k` lies in a quotation that is a title.
fn in_title(doc: &Doc, k: usize) -> bool {
    doc.in_quote
        .get(k)
        .and_then(|&id| doc.quotes.get((id as usize).checked_sub(1)?))
        .is_some_and(|q| proper_title(doc, q))
}

/// A quotation that is a name in title case: two words or more, each capitalised but
/// for small joining words ("The Apprentice", "Meet the Press").
fn proper_title(doc: &Doc, q: &QuoteAt) -> bool {
    let mut words = 0;
    for k in q.open + 1..q.after {
        if doc.is_word(k) {
            words += 1;
            let small = matches!(
                doc.low(k),
                "of" | "the" | "a" | "an" | "and" | "in" | "on" | "to" | "with" | "for"
            );
            if !doc.is_cap(k) && !small {
                return false;
            }
        }
    }
    words >= 2
}

/// `X said: “…”`, `X told reporters, “…”`, `X said “…”`.
fn lead_cue(
    doc: &Doc,
    unit: &Unit,
    q: &QuoteAt,
    cues: &[Cue],
) -> Option<(usize, Option<(usize, usize)>)> {
    let ci = cues
        .partition_point(|c| c.at + c.len <= q.open)
        .checked_sub(1)?;
    let c = &cues[ci];
    let end = c.at + c.len;
    if q.open - end > NEAR {
        return None;
    }
    let glue = q.open.checked_sub(1).map_or("", |p| doc.word(p));
    let direct = q.open == end || matches!(glue, ":" | ",");
    if !direct {
        return None;
    }
    // "said on NBC’s “Meet the Press”", "said in his book, “An American Son.”": a title.
    if (end..q.open).any(|k| doc.has(k, class::PREP) && doc.is_lower_word(k))
        && proper_title(doc, q)
    {
        return None;
    }
    // Between cue and quotation: a channel, a time, an addressee; no clause.
    if (end..q.open).any(|k| doc.inside_quote(k) || doc.has(k, class::AUX) && doc.is_lower_word(k))
    {
        return None;
    }
    // A quotation that ends before its unit does is part of a larger clause.
    if q.after + 1 < unit.b
        && !matches!(doc.word(q.after), "." | "!" | "?" | "," | ";")
        && !(doc.has(q.after, class::SUB) && doc.is_lower_word(q.after))
    {
        return None;
    }
    // "…, telling the crowd, “…”", "…, but told his supporters, “…”": after a told-verb
    // or a participle stands the addressee; the source is the clause's subject.
    // "went on to say: “…”": an infinitive shares it too.
    let shared = doc.has(c.at, class::TELL)
        || doc.low(c.at).ends_with("ing")
        || (c.at > unit.a && doc.low(c.at - 1) == "to" && doc.is_lower_word(c.at - 1));
    // "began by saying", "went on to say", "…, saying": the phrase before a participle
    // is no subject unless it names someone right before it.
    let src = sources::left(doc, unit.a, c.at)
        .filter(|l| {
            !(shared
                && (c.at > unit.a
                    && (doc.is_punct(c.at - 1, ",")
                        || doc.has(c.at - 1, class::PREP | class::OPENER))
                    || doc.is_lower_word(l.a)
                        && !doc.has(l.a, class::DET | class::SUBJ | class::PERSON)))
        })
        .map(|l| (l.a, l.b))
        .or_else(|| {
            if shared {
                unit_subject(doc, unit, c.at)
            } else {
                sources::right(doc, end, q.open)
            }
        });
    src.map(|s| (ci, Some(s)))
}

/// The speaker before a colon that opens the unit's content at token `at`:
/// "Ellis: “…”", "Trump: …" (a short name phrase, not a dateline in capitals).
fn colon_source(doc: &Doc, unit: &Unit, at: usize) -> Option<(usize, usize)> {
    let colon = at.checked_sub(1)?;
    if !doc.is_punct(colon, ":") || colon <= unit.a {
        return None;
    }
    // "POLLS NOT WRONG, JUST EARLY - Mark Blumenthal: “…”": a name after a dash.
    let mut a = (colon.saturating_sub(6).max(unit.a)..colon)
        .rev()
        .find(|&k| doc.is_dash(k))
        .map_or(unit.a, |d| d + 1);
    // "Rep. Trey Gowdy (R-S.C.):" may run longer with its party tag.
    let tagged = (a..colon).any(|k| doc.is_punct(k, "("));
    if colon - a > if tagged { 12 } else { 5 } {
        return None;
    }
    // "Said Ellis: …" keeps the name.
    if doc.has(a, class::CUE) && doc.is_cap(a + 1) {
        a += 1;
    }
    let shouting =
        (a..colon).all(|k| !doc.is_word(k) || doc.word(k).chars().all(|c| !c.is_lowercase()));
    let named = (a..colon).all(|k| {
        doc.is_cap(k)
            || doc.has(k, class::DET | class::ROLE | class::PERSON | class::PLURAL)
            || !doc.is_word(k)
    });
    (named && !shouting && a < colon).then_some((a, colon))
}

/// "Clinton to Planned Parenthood: …", "Obama To Asians Worried About Vote: …": a
/// headline naming whom its speaker addressed; the speaker is the name before "to".
fn headline_addressee(doc: &Doc, unit: &Unit, colon: usize) -> Option<(usize, usize)> {
    let to = (unit.a + 1..colon.min(unit.a + 4)).find(|&k| {
        matches!(doc.low(k), "to" | "at" | "on")
            && !(unit.a..k).any(|m| doc.has(m, class::PREP | class::DET | class::SUBJ))
    })?;
    let named = (unit.a..to).all(|k| doc.is_cap(k) || doc.is_punct(k, "."));
    let shouting = (unit.a..to).all(|k| doc.word(k).chars().all(|c| !c.is_lowercase()));
    (named && !shouting && colon - unit.a <= 12).then_some((unit.a, to))
}

/// How far from a transcript label its person is looked for, in tokens.
const NAMED_NEAR: usize = 2000;

/// "MATTHEWS: Well, speculation is bad.", "Luciana Lopez: Saying to people …": a speaker
/// label opening a paragraph of a transcript. The label must name someone the article
/// names elsewhere (so "Update:" or "The result:" are not speakers); the turn runs to the
/// paragraph's end.
fn transcript_turn(doc: &Doc, ui: usize) -> Option<Raw> {
    let unit = doc.units.get(ui)?;
    let colon = (unit.a + 1..(unit.a + 5).min(unit.b)).find(|&k| doc.is_punct(k, ":"))?;
    if (unit.a..colon).any(|k| !(doc.is_cap(k) || doc.is_punct(k, "."))) {
        return None;
    }
    let last = colon - 1;
    let key = doc.low(last);
    if key.chars().count() < 3
        || doc.quote_opening(colon + 1).is_some()
        || doc.has(
            last,
            class::ROLE | class::DET | class::PREP | class::SUBJ | class::TIME,
        )
    {
        return None;
    }
    // Named elsewhere as a person: after a given name or a title ("Chris Matthews",
    // "Mr. Lopez"), which a place in a dateline ("Kyiv: …") never is.
    let person_at = |k: usize| {
        k > 0
            && (doc.is_cap(k - 1)
                && doc.is_word(k - 1)
                && !doc.has(
                    k - 1,
                    class::DET
                        | class::PREP
                        | class::LEAD
                        | class::BOUNDARY
                        | class::GROUP
                        | class::SUBJ
                        | class::NATION
                        | class::TIME
                        | class::SUB
                        | class::OPENER,
                )
                && doc.lex.cues.longest(doc.low(k - 1), |_| None).is_none()
                || doc.is_punct(k - 1, ".") && k > 1 && doc.has(k - 2, class::ROLE))
    };
    // Bounded, so that a page of labels stays linear.
    let near = unit.a.saturating_sub(NAMED_NEAR)..(colon + NAMED_NEAR).min(doc.toks.len());
    let elsewhere = near.into_iter().any(|k| {
        (k < unit.a || k > colon)
            && doc.is_cap(k)
            && doc.low(k) == key
            && doc.word(k).chars().any(char::is_lowercase)
            && !doc.is_punct(k + 1, ":")
            && person_at(k)
    });
    // "Sanders: Win in a walk": a subhead; a turn says something (a clause).
    let words = (colon + 1..unit.b).filter(|&k| doc.is_word(k)).count();
    let verb = (colon + 1..unit.b).any(|k| {
        doc.is_lower_word(k)
            && (doc.has(k, class::AUX | class::PAST | class::CUE) || doc.low(k).ends_with("ed"))
    });
    if !elsewhere || words < 4 || !verb {
        return None;
    }
    let mut end = ui;
    while doc
        .units
        .get(end + 1)
        .is_some_and(|u| u.para == unit.para && !u.heading)
    {
        end += 1;
    }
    colon_lead(doc, (unit.a, colon), colon, doc.units[end].b)
}

/// A colon lead-in: `source` said what follows the colon at `colon`, up to token `end`.
fn colon_lead(doc: &Doc, source: (usize, usize), colon: usize, end: usize) -> Option<Raw> {
    let content = trim_content(doc, colon + 1, end)?;
    Some(Raw {
        content,
        kind: kind_of(doc, content),
        source: Some(source),
        cue: Some((colon, colon + 1)),
        channel: None,
        via: None,
        same_as: None,
    })
}

/// `“…” — Jane Doe`.
fn dash_source(doc: &Doc, unit: &Unit, q: &QuoteAt) -> Option<(usize, usize)> {
    if !doc.is_dash(q.after) {
        return None;
    }
    let (a, b) = sources::right(doc, q.after + 1, unit.b)?;
    // The name runs to the end of the unit.
    let rest_ok = (b..unit.b).all(|k| !doc.is_word(k));
    (rest_ok && doc.is_cap(a)).then_some((a, b))
}

/// Reported speech around the cue `c`.
fn reported(doc: &Doc, unit: &Unit, c: &Cue, earlier: &[Raw]) -> Option<Raw> {
    let cue_end = c.at + c.len;
    if doc.low(c.at) == "asked" {
        if let Some(r) = asked_passive(doc, unit, c) {
            return Some(r);
        }
    }
    // "…, said one GOP source": a comma before the cue and a name after it is the
    // inverted order, whatever stands before the comma.
    let before = sources::skip_left(doc, unit.a, c.at);
    let inverted = before > unit.a
        && doc.is_punct(before - 1, ",")
        && sources::right(doc, cue_end, unit.b).is_some_and(|(a, b)| {
            // "…, X, R-Ky., said Tuesday.": a time after the cue is no inverted source.
            (b >= unit.b
                || matches!(doc.word(b), "." | "," | "!" | "?" | ";")
                // "…, said one GOP source in the room.": a phrase of place to the end,
                // after a noun phrase whose only lowercase word past its determiners is
                // its head (not "said the event brought back memories of …"); not the
                // addressee of a cue of telling ("told his advisers to act").
                || !doc.has(c.at, class::TELL)
                    && (a..b - 1).all(|k| {
                        doc.is_cap(k) || doc.has(k, class::DET) || crowd(doc, k)
                    })
                    && (doc.is_cap(b - 1)
                        || crowd(doc, b - 1)
                        || doc.has(b - 1, class::ROLE | class::GROUP | class::ORG | class::MEDIA)
                        // "one GOP source": the singular of a group noun.
                        || doc.lex.classes(&format!("{}s", doc.low(b - 1))) & class::GROUP != 0)
                    && doc.is_lower_word(b)
                    && matches!(doc.low(b), "of" | "for" | "with" | "at" | "in" | "from" | "on")
                    && tail_rest(doc, unit, b).is_some_and(|e| {
                        e >= unit.b || matches!(doc.word(e), "." | "!" | "?" | ";")
                    }))
                && !(a..b).all(|k| doc.has(k, class::TIME))
                // "Weingarten, who has visited …, said she sees …": a subject pronoun
                // with more words after it opens the reported clause.
                && !(b > a + 1 && doc.has(a, class::SUBJ) && doc.is_lower_word(a))
        });
    let left = if inverted {
        None
    } else {
        sources::left(doc, unit.a, c.at)
    };
    let mut source = left.map(|l| (l.a, l.b));
    // "Supporters who have heard from the campaign say …": a restrictive relative clause
    // belongs to the source, whose head stands before "who".
    if let Some(l) = left {
        if let Some(w) = (l.a.saturating_sub(12).max(unit.a)..l.a)
            .rev()
            .take_while(|&k| doc.is_word(k) || doc.is_punct(k, "’") || doc.is_punct(k, "'"))
            .find(|&k| doc.low(k) == "who" && doc.is_lower_word(k))
        {
            if let Some(h) = sources::left(doc, unit.a, w) {
                if h.b == w && !h.subordinate && plausible_source(doc, (h.a, h.b), c) {
                    source = Some((h.a, l.b));
                }
            }
        }
    }
    // "issued a statement saying …", "went on to say …", "was prompted to say …", "on
    // Monday announced …": the phrase before the cue is an object, a verb's tail or a
    // time, not who spoke; the clause's subject is.
    // A base form after "to" or a modal ("wants to ask", "would say") reports nothing.
    let finite = {
        let w = doc.low(c.at);
        w.ends_with('s') || w.ends_with('d') || w.ends_with("ing") || matches!(w, "told" | "wrote")
    };
    if let Some((a, b)) = source.filter(|_| finite) {
        let verbish = |k: usize| {
            doc.is_lower_word(k)
                && (doc.has(
                    k,
                    class::PREP | class::OPENER | class::SKIP | class::AUX | class::PAST,
                ) || doc.low(k).len() > 4 && doc.low(k).ends_with("ed"))
        };
        let junk = verbish(a)
            || doc.is_lower_word(b - 1) && doc.has(b - 1, class::PREP | class::OPENER)
            || (a..b).any(|k| doc.has(k, class::TIME))
                && (a..b).all(|k| {
                    doc.has(k, class::TIME)
                        || doc.is_lower_word(k)
                            && (doc.has(k, class::PREP | class::SKIP)
                                || matches!(doc.low(k), "early" | "late" | "last" | "next"))
                })
            || doc.low(c.at).ends_with("ing")
                && (a..b).any(|k| doc.has(k, class::CHANNEL) && doc.is_lower_word(k))
                && !doc.is_cap(a);
        if junk {
            if let Some(subject) = unit_subject(doc, unit, c.at).filter(|&(sa, _)| sa < a) {
                source = Some(subject);
            }
        }
    }
    let mut via = None;
    // "The Wall Street Journal, quoting unnamed US officials, said": the apposition
    // names whom the source cites.
    if let Some((_, b)) = source {
        if doc.is_punct(b, ",") && matches!(doc.low(b + 1), "citing" | "quoting") {
            let end = (b + 2..c.at)
                .find(|&k| doc.is_punct(k, ","))
                .unwrap_or(c.at);
            if end > b + 2 {
                via = Some((b + 2, end));
            }
        }
    }
    // "Citing satellite images, the institute said": a fronted citing phrase.
    if via.is_none() && doc.low(unit.a) == "citing" {
        if let Some(comma) = (unit.a + 1..c.at).find(|&k| doc.is_punct(k, ",")) {
            if comma > unit.a + 1 && source.is_some_and(|(a, _)| a > comma) {
                via = Some((unit.a + 1, comma));
            }
        }
    }
    // "…, adding that …", "… by saying …", "X stressed … and said …": the verb shares
    // the source of its sentence: the last one found, else the unit's subject.
    // "Twitter reported flat growth, and said …" shares the subject too.
    let coordinated =
        source.is_none() && before > unit.a && matches!(doc.low(before - 1), "and" | "but");
    // "Axelrod extended an olive branch by telling …": the phrase before "by" is a
    // clause, not the source; keep it only when no subject is found.
    let by_ing = doc.low(c.at).ends_with("ing") && c.at > unit.a && doc.low(c.at - 1) == "by";
    // "with polls showing …", "with 30 percent of voters saying …": an absolute
    // construction; the phrase after "with" is the participle's subject.
    let with_subject = if doc.low(c.at).ends_with("ing") {
        (c.at.saturating_sub(12).max(unit.a)..c.at)
            .rev()
            .take_while(|&k| {
                let stop = doc.inside_quote(k)
                    || matches!(doc.word(k), "," | ";" | ":" | "(" | ")")
                    || doc.is_dash(k)
                    || doc.is_lower_word(k)
                        && doc.has(k, class::AUX | class::PAST | class::CUE | class::BOUNDARY);
                !stop
            })
            .find(|&k| doc.low(k) == "with" && doc.is_lower_word(k))
            .filter(|&k| k + 1 < c.at)
            .map(|k| (k + 1, c.at))
            .filter(|&r| plausible_source(doc, r, c))
    } else {
        None
    };
    if let Some(w) = with_subject {
        source = Some(w);
    } else if coordinated
        || by_ing
        || doc.low(c.at).ends_with("ing")
            && c.at > unit.a
            && (source.is_none()
                || doc.is_punct(c.at - 1, ",")
                || doc.has(c.at - 1, class::PREP)
                // "she said at a news conference announcing …": a place phrase.
                || source.is_some_and(|(a, _)| doc.is_lower_word(a) && doc.has(a, class::PREP)))
    {
        let phrase = source;
        let near = clause_pronoun(doc, unit, c.at);
        source = earlier
            .last()
            .and_then(|r| r.source)
            // An earlier source before the clause's own pronoun is another clause's; one
            // after the cue ("… and pledged to act against what it called …") is a nested
            // clause's.
            .filter(|&(a, _)| near.is_none_or(|(n, _)| a >= n) && a < c.at)
            .or(near)
            .or_else(|| fronted_subject(doc, unit, c))
            .or_else(|| unit_subject(doc, unit, c.at));
        if by_ing && source.is_none() {
            source = phrase;
        }
    }
    // Tail: "<clause>, X said." or "<clause>, said X."
    let tail_start = match left {
        Some(l) => l.a,
        None => c.at,
    };
    // "…, the draft was written in days": a passive participle has no speaker before it.
    let passive = (c.at.saturating_sub(3).max(unit.a)..c.at)
        .rev()
        .take_while(|&k| doc.is_lower_word(k))
        .any(|k| {
            matches!(
                doc.low(k),
                "was" | "were" | "is" | "are" | "been" | "be" | "being"
            )
        });
    if tail_start > unit.a + 2
        && doc.is_punct(tail_start - 1, ",")
        && c.kind == CueKind::Speech
        && !doc.low(c.at).ends_with("ing")
        && !passive
    {
        // "During the service, X asked …": a fronted phrase is not what was said; the
        // cue may still report forward ("In a letter, X asked Y to …").
        let fronted = {
            let cstart = content_start_left(doc, unit, tail_start - 1);
            (cstart..tail_start)
                .find(|&k| doc.is_word(k))
                .is_some_and(|first| {
                    (opens_phrase(doc, first) || doc.has(first, class::SUB))
                        && !(first..tail_start - 1)
                            .any(|k| doc.is_punct(k, ",") && !doc.inside_quote(k))
                        // "This has been a concern, X said", "Whether it works is
                        // unclear, X said": a finite verb makes it a clause.
                        && (doc.has(first, class::SUB)
                            || !(first + 1..tail_start - 1).any(|k| {
                                doc.is_lower_word(k)
                                    && !doc.inside_quote(k)
                                    && doc.has(k, class::AUX)
                            }))
                })
        };
        // With the source before the cue, only a time, channel or adverb may follow.
        // "…, Clinton promised to deliver change": the infinitive is the content.
        let infinitive =
            doc.has(c.at, class::INF) && doc.low(cue_end) == "to" && doc.is_lower_word(cue_end + 1);
        let after_ok = if fronted
            || infinitive
            || (left.is_some()
                && cue_end < unit.b
                && doc.is_word(cue_end)
                && !doc.has(cue_end, class::PREP | class::SKIP | class::TIME)
                // "…, Phil Smith told POLITICO this week.": the addressee of "told".
                && !(doc.has(c.at, class::TELL)
                    && (doc.is_cap(cue_end)
                        || doc.has(cue_end, class::DET | class::PERSON | class::PLURAL)
                        || described_name(doc, cue_end, unit.b)
                        // "told reporters", "told lawmakers".
                        || doc.is_lower_word(cue_end)
                            && !doc.has(cue_end, class::AUX | class::CUE)
                            && doc.low(cue_end).len() > 3
                            && doc.low(cue_end).ends_with('s')
                            && !doc.low(cue_end).ends_with("ss"))))
        {
            None
        } else {
            tail_rest(doc, unit, cue_end)
        };
        if let Some(rest_end) = after_ok {
            let mut src = source;
            if left.is_none() {
                src = sources::right(doc, cue_end, unit.b)
                    .filter(|&(a, b)| !(a..b).all(|k| doc.has(k, class::TIME)));
            }
            let src = src?;
            let cstart = content_start_left(doc, unit, tail_start - 1);
            let content = trim_content(doc, cstart, tail_start - 1)?;
            if (cstart..tail_start).filter(|&k| doc.is_word(k)).count() < 4 {
                return None;
            }
            if doc.low(rest_end) == "citing" {
                via = sources::right(doc, rest_end + 1, unit.b);
            }
            return Some(make(doc, unit, content, Some(src), c, via));
        }
        // "<clause start>, X said, <clause end>": the content covers both sides.
        // A time or channel phrase may follow the cue: "…, the agency said in a June
        // report, and …".
        let comma = if doc.is_punct(cue_end, ",") {
            Some(cue_end)
        } else if doc.has(cue_end, class::PREP | class::TIME) && doc.is_lower_word(cue_end)
            || doc.has(cue_end, class::TIME)
        {
            (cue_end + 1..(cue_end + NEAR).min(unit.b))
                .take_while(|&k| {
                    !(doc.inside_quote(k)
                        || doc.has(k, class::AUX) && doc.is_lower_word(k)
                        || matches!(doc.word(k), "." | ";" | ":"))
                })
                .find(|&k| doc.is_punct(k, ","))
        } else {
            None
        };
        if let Some(comma) =
            comma.filter(|&k| left.is_some() && doc.is_word(k + 1) && !doc.has(k + 1, class::CUE))
        {
            let cstart = content_start_left(doc, unit, tail_start - 1);
            let end = clause_end(doc, unit, comma + 1, false);
            if (cstart..tail_start).filter(|&k| doc.is_word(k)).count() >= 2 {
                if let Some(content) = trim_content(doc, cstart, end) {
                    return Some(make(doc, unit, content, source, c, via));
                }
            }
        }
    }
    let source = source?;
    if !plausible_source(doc, source, c) || negated(doc, unit, c.at) {
        return None;
    }
    if doc.has(c.at, class::TELL) {
        if let Some(content) = directive(doc, unit, cue_end) {
            return Some(make(doc, unit, content, Some(source), c, via));
        }
    }
    // Forward: "X said (on Monday) (that) <clause>".
    let mut p = cue_end;
    let mut that = false;
    let mut steps = 0;
    while p < unit.b && steps < NEAR {
        steps += 1;
        let l = doc.low(p);
        if doc.inside_quote(p) {
            break;
        }
        if l == "that" && doc.is_lower_word(p) {
            that = true;
            p += 1;
            break;
        }
        if matches!(l, ":" | ",") {
            p += 1;
            // ", citing X, that …"
            if doc.low(p) == "citing" {
                let (va, vb) = sources::right(doc, p + 1, unit.b)?;
                via = Some((va, vb));
                p = vb;
                continue;
            }
            if doc.low(p) == "that" && doc.is_lower_word(p) {
                that = true;
                p += 1;
            }
            break;
        }
        // "pledged to work with both parties": the infinitive is the content.
        if l == "to" && doc.has(c.at, class::INF) && doc.is_lower_word(p + 1) {
            break;
        }
        if doc.has(p, class::SKIP) && doc.is_lower_word(p) && !doc.has(p, class::AUX) {
            p += 1;
            continue;
        }
        if doc.has(p, class::TIME) {
            p += 1;
            continue;
        }
        // "said of the race that …": the topic is a phrase like a channel's.
        let topic = is_say(doc.low(c.at)) && about_topic(doc, p);
        if opens_phrase(doc, p) || topic || doc.has(c.at, class::TELL) {
            // A channel, time or addressee phrase, when "that" or a comma ends it.
            let reach = if doc.has(c.at, class::TELL) {
                2 * NEAR
            } else {
                NEAR
            };
            // "said at a stop in Toledo, Ohio, that …": commas inside the phrase are
            // crossed when "that" follows.
            // "said on NBC’s “Meet the Press” that …": a programme's title is part of
            // the phrase.
            let quoted = |k: usize| doc.inside_quote(k) && !in_title(doc, k);
            let that_at = (p..(p + reach + 4).min(unit.b))
                .take_while(|&k| !quoted(k) && !matches!(doc.word(k), ";" | ":"))
                .find(|&k| doc.low(k) == "that" && doc.is_lower_word(k));
            let stop = (p..(p + reach + 4).min(unit.b)).find(|&k| {
                quoted(k)
                    || (doc.low(k) == "that" && doc.is_lower_word(k))
                    || (matches!(doc.word(k), "," | ":") && that_at.is_none())
                    || (doc.word(k) == "."
                        && !doc.is_lower_word(k + 1)
                        && doc
                            .toks
                            .get(k + 1)
                            .is_none_or(|t| t.kind != crate::tokens::TokenKind::Number))
            });
            // A phrase that ends at a comma is skipped only before "that" or a quotation.
            let stop = stop.filter(|&k| {
                doc.word(k) != "," || doc.low(k + 1) == "that" || doc.quote_opening(k + 1).is_some()
            });
            match stop {
                Some(k)
                    if !doc.inside_quote(k)
                        && doc.word(k) != "."
                        && !(p..k).any(|m| doc.has(m, class::AUX) && doc.is_lower_word(m)) =>
                {
                    p = k;
                    continue;
                }
                _ => {
                    // "said after the convention he would …": a short phrase before a
                    // subject pronoun that opens the clause.
                    let pronoun = (p + 1..(p + 6).min(unit.b))
                        // "before he died" is a clause of the narrator; "after the vote he
                        // …" a phrase.
                        .filter(|_| !doc.has(p, class::SUB) || doc.has(p + 1, class::DET))
                        .take_while(|&k| {
                            !doc.inside_quote(k)
                                && (doc.is_word(k)
                                    || doc.toks[k].kind == crate::tokens::TokenKind::Number)
                                && !(doc.has(k, class::AUX | class::CUE | class::WH | class::SUB)
                                    && doc.is_lower_word(k))
                                && !matches!(doc.low(k), "that" | "how" | "what" | "why" | "to")
                        })
                        .find(|&k| {
                            matches!(doc.low(k), "he" | "she" | "they" | "we" | "i" | "it")
                                && doc.is_word(k + 1)
                                && !doc.has(k + 1, class::PREP)
                        });
                    if let Some(k) = pronoun {
                        p = k;
                        continue;
                    }
                    // "said on Monday Ukraine …": skip a bare time phrase only.
                    if doc.low(p) == "on"
                        && (doc.has(p + 1, class::TIME) || doc.is_punct(p + 2, "."))
                    {
                        p += 1;
                        continue;
                    }
                    break;
                }
            }
        }
        break;
    }
    if p >= unit.b || (is_say(doc.low(c.at)) && about_topic(doc, p) && doc.is_lower_word(p)) {
        return None;
    }
    // "told CNN the plan would fail", "told him it was over": the addressee goes before
    // the clause.
    if p == cue_end && doc.has(c.at, class::TELL) && !that {
        let mut q = p;
        if matches!(
            doc.low(q),
            "him" | "her" | "them" | "me" | "us" | "reporters"
        ) {
            q += 1;
        } else {
            while q < unit.b && q < p + 4 && doc.is_cap(q) {
                q += 1;
            }
        }
        if q > p && q < unit.b && doc.is_lower_word(q) && is_clause(doc, q, unit.b) {
            p = q;
        }
    }
    // "the shootings that Obama mentioned when he announced …", "complained when they
    // …": a time or reason clause right after the cue says when or why, not what.
    // ("said when I announced it, I would stay" opens the content with it.)
    if p == cue_end
        && !is_say(doc.low(c.at))
        && doc.is_lower_word(p)
        && doc.has(p, class::SUB)
        && !matches!(doc.low(p), "if" | "that")
        // "described it as “…”" names.
        && !(doc.low(p) == "as" && c.kind == CueKind::Naming)
    {
        return None;
    }
    // "say" takes a clause whatever follows; others must show one.
    let says = is_say(doc.low(c.at));
    let infinitive = doc.low(p) == "to"
        && doc.has(c.at, class::INF)
        && doc.is_lower_word(p + 1)
        && !doc.has(p + 1, class::DET | class::PREP | class::SUBJ);
    if matches!(doc.low(p), "and" | "or" | "but") {
        return None;
    }
    // "agreed to reopen the corridor that was closed in July": a "that" followed by a
    // verb opens a relative clause, not reported content.
    if that && doc.has(p, class::AUX) && doc.is_lower_word(p) {
        // "He said that is a distortion": right after the cue "that" is the subject.
        if p == cue_end + 1 && c.kind == CueKind::Speech {
            p = cue_end;
        } else {
            return None;
        }
    }
    // "said “budget reforms” and tax collection would pay for it": a quotation that
    // opens a longer clause is part of it (mixed).
    let quote_opens_clause = doc.quote_opening(p).is_some_and(|q| {
        q.after < unit.b && doc.is_lower_word(q.after) && is_clause(doc, q.after, unit.b)
    });
    // "vowed to “take our fight” to the 35 states", "says “the game is screwed up”
    // because …": a quotation that the clause goes on after is part of it (mixed).
    let q_at = if doc.low(p) == "to" && doc.has(c.at, class::INF) {
        p + 1
    } else {
        p
    };
    // (Quoted words that are a noun phrase, "reports a ‘long call’ with X", stay the
    // quoted words: SPEC §6.)
    let quote_in_clause = c.kind == CueKind::Speech
        && doc.quote_opening(q_at).is_some_and(|q| {
            q.after < unit.b
                && doc.is_lower_word(q.after)
                && !matches!(doc.low(q.after), "and" | "or" | "but")
                && !doc.has(q.after, class::CUE | class::AUX)
                && (q_at > p || is_clause(doc, q.open + 1, q.after))
        });
    let clause = that
        || infinitive
        || quote_opens_clause
        || quote_in_clause
        || (says
            && doc.quote_opening(p).is_none()
            && !(opens_phrase(doc, p) && doc.is_lower_word(p)))
        || is_clause(doc, p, unit.b)
        || (finding(doc.low(c.at)) && small_clause(doc, p, unit.b));
    let end = clause_end(doc, unit, p, left.is_some_and(|l| l.subordinate));
    if c.kind == CueKind::Naming || !clause {
        // Quoted words in the object: "called him a “dictator”".
        let q = (p..end.min(p + 12))
            .take_while(|&k| {
                doc.inside_quote(k)
                    || !(doc.has(k, class::CUE | class::NAMING) && doc.is_lower_word(k))
            })
            .find_map(|k| doc.quote_opening(k))?;
        let content = quote_content(doc, q);
        if content.0 >= content.1 {
            return None;
        }
        let mut r = make(doc, unit, content, Some(source), c, via);
        r.kind = AttributionKind::Direct;
        return Some(r);
    }
    // "issued a statement saying that …": the participle reports the clause itself.
    if doc.is_lower_word(p) && doc.has(p, class::CUE) && doc.low(p).ends_with("ing") {
        return None;
    }
    let content = trim_content(doc, p, end)?;
    Some(make(doc, unit, content, Some(source), c, via))
}

/// A verb of findings ("polls show", "the study found"): it may report a small clause.
fn finding(w: &str) -> bool {
    matches!(
        w,
        "show" | "shows" | "showed" | "shown" | "showing" | "find" | "finds" | "found"
    )
}

/// "Polls show Clinton up by 10 points", "a poll showed Trump leading", "show Sanders
/// within two points": a noun phrase and a predicate without a finite verb — a
/// proposition all the same.
fn small_clause(doc: &Doc, p: usize, to: usize) -> bool {
    let mut k = p;
    while k < to && k < p + 8 {
        if doc.inside_quote(k) || !doc.is_word(k) && !doc.is_punct(k, "’") {
            return false;
        }
        if k > p && doc.is_lower_word(k) {
            let l = doc.low(k);
            let marker = (l.len() > 4 && l.ends_with("ing") && !doc.has(k, class::PREP))
                || matches!(
                    l,
                    "with" | "up" | "down" | "ahead" | "behind" | "within" | "tied" | "trailing"
                );
            if marker {
                // A noun phrase stands before it.
                return (p..k).any(|m| {
                    doc.is_cap(m) || doc.has(m, class::GROUP | class::PLURAL | class::ROLE)
                }) || (p..k).any(|m| crowd(doc, m));
            }
            if doc.has(k, class::AUX | class::PREP | class::BOUNDARY | class::CUE) {
                return false;
            }
        }
        k += 1;
    }
    false
}

/// A participle: a capitalised "-ing" word that opens a fronted clause ("Speaking in
/// Ohio, Trump …").
fn participle(doc: &Doc, k: usize) -> bool {
    let l = doc.low(k);
    l.len() > 5 && l.ends_with("ing") && !doc.has(k, class::ROLE | class::ORG | class::GROUP)
}

/// The subject of the unit's main clause, for a cue that shares it ("Speaking in Ohio,
/// Trump attacked Bush, calling him …"): after a dateline and fronted adverbial phrases.
fn unit_subject(doc: &Doc, unit: &Unit, cue: usize) -> Option<(usize, usize)> {
    let lead = |mut s: usize| {
        while s < cue && doc.has(s, class::LEAD) {
            s += 1;
        }
        s
    };
    let mut s = lead(unit.a);
    // "WASHINGTON (AP) —", "Washington (AFP) –": a dateline.
    if let Some(d) = (s..(s + 6).min(cue)).find(|&k| doc.is_dash(k)) {
        if d > s && (s..d).all(|k| doc.is_cap(k) || !doc.is_word(k)) {
            s = lead(d + 1);
        }
    }
    // "During a speech on Monday, Trump …", "A month ago, Trump …", "Back in 1999, …".
    let mut fronted = false;
    for _ in 0..3 {
        // A subordinate clause ("When told Perez was in the Cabinet and in the running
        // for …,") runs longer than a phrase.
        let reach = if doc.has(s, class::SUB) { 40 } else { 20 };
        let Some(comma) =
            (s..cue.min(s + reach)).find(|&k| doc.is_punct(k, ",") && !doc.inside_quote(k))
        else {
            break;
        };
        // A participle's phrase has no finite verb ("Speaking at a rally,"); a name may
        // end in "-ing" too ("Ebeling smiled,").
        let verbless = || {
            (s + 1..comma).all(|k| {
                !(doc.is_lower_word(k)
                    && (doc.has(k, class::AUX | class::PAST | class::CUE)
                        || doc.low(k).len() > 4 && doc.low(k).ends_with("ed")))
            })
        };
        // "Shortly after the vote,", "Soon after …,", "Once in my twenties,", "Even
        // before he spoke,": an adverb before a preposition or subordinator.
        let adverb = doc.has(s + 1, class::PREP | class::SUB | class::OPENER)
            && (doc.low(s).ends_with("ly")
                || matches!(
                    doc.low(s),
                    "soon" | "just" | "right" | "long" | "once" | "even" | "only"
                ));
        // "Chastened by the analyses, Trump …": a passive participle and its agent.
        let passive = doc.low(s).ends_with("ed") && doc.low(s + 1) == "by";
        let opening = doc.has(s, class::PREP | class::SUB | class::OPENER)
            || adverb
            || passive && verbless()
            || participle(doc, s) && verbless()
            || comma < s + 6
                && (s..comma).any(|k| {
                    doc.has(k, class::TIME)
                        || matches!(
                            doc.low(k),
                            "ago"
                                | "later"
                                | "earlier"
                                | "minutes"
                                | "hours"
                                | "months"
                                | "years"
                                | "weeks"
                                | "days"
                        )
                        || (doc.toks[k].kind == crate::tokens::TokenKind::Number
                            && doc.word(k).len() == 4)
                });
        // "In Salem, New Hampshire, Trump …": the state after a fronted place.
        let place = fronted && comma <= s + 3 && (s..comma).all(|k| doc.is_cap(k));
        if !(opening || place) {
            break;
        }
        fronted = true;
        s = lead(comma + 1);
    }
    // "That's when she …", "It was then that he …": a cleft puts the subject after its
    // "when"/"that".
    if let Some(k) = cleft(doc, s, cue) {
        s = k;
    }
    // "When Trump said …": a subordinator is no subject; the cue is in its clause.
    if s + 1 < cue && doc.has(s, class::SUB) {
        s += 1;
    }
    subject_at(doc, s, cue)
}

/// "That's when she pointed …", "This is why they …", "It was then that Smith …": the
/// word after the cleft's "when"/"why"/"that", when the cleft opens at `s`.
fn cleft(doc: &Doc, s: usize, to: usize) -> Option<usize> {
    let mut k = s + 1;
    match doc.low(s) {
        "that’s" | "that's" | "it’s" | "it's" => {}
        "that" | "this" | "it" => {
            // "That's" may come as one token or as "That" "’" "s".
            if matches!(doc.word(k), "’s" | "'s") {
                k += 1;
            } else if matches!(doc.word(k), "’" | "'") && doc.low(k + 1) == "s" {
                k += 2;
            } else if matches!(doc.low(k), "is" | "was") {
                k += 1;
            } else {
                return None;
            }
        }
        _ => return None,
    }
    if doc.low(k) == "then" {
        k += 1;
    }
    (k + 1 < to
        && doc.is_lower_word(k)
        && matches!(doc.low(k), "when" | "why" | "how" | "where" | "that"))
    .then_some(k + 1)
}

/// The subject phrase at `s`, ending at its verb ("two writers implored …"), when it
/// names someone.
fn subject_at(doc: &Doc, s: usize, to: usize) -> Option<(usize, usize)> {
    sources::right(doc, s, to)
        .map(|(a, b)| {
            // Not an adjective after a determiner ("The retired neurosurgeon").
            let verb = (a + 1..b).find(|&k| {
                doc.is_lower_word(k)
                    && (doc.low(k).len() > 4 && doc.low(k).ends_with("ed")
                        || doc.has(k, class::PAST))
                    && !doc.has(k, class::ROLE | class::GROUP | class::ORG)
                    && !doc.has(k - 1, class::DET)
            });
            let b = verb.unwrap_or(b);
            // An apposition naming the subject: "Lavrov's deputy, Sergei Ryabkov, was …".
            let named = (b + 1..(b + 6).min(to))
                .find(|&k| doc.is_punct(k, ","))
                .filter(|&c| {
                    verb.is_none()
                        && doc.is_punct(b, ",")
                        && c > b + 1
                        && (b + 1..c).all(|k| doc.is_cap(k) || doc.is_punct(k, "."))
                });
            (a, named.unwrap_or(b))
        })
        .filter(|&(a, b)| {
            (a..b).any(|k| {
                doc.is_cap(k)
                    || doc.has(k, class::SUBJ) && doc.low(k) != "there"
                    || doc.has(
                        k,
                        class::PERSON
                            | class::PLURAL
                            | class::FIRST
                            | class::ROLE
                            | class::GROUP
                            | class::ORG,
                    )
            })
        })
}

/// "While saying that …, he continued", "In addition to stating …, Clinton vowed": a
/// participle in a fronted phrase shares the subject after the phrase.
fn fronted_subject(doc: &Doc, unit: &Unit, c: &Cue) -> Option<(usize, usize)> {
    let mut s = unit.a;
    while s < c.at && doc.has(s, class::LEAD) {
        s += 1;
    }
    if c.at > s + 4
        || !doc.has(s, class::PREP | class::SUB | class::OPENER)
        || (s..c.at).any(|k| !doc.is_word(k))
    {
        return None;
    }
    // The comma may close a quotation: "After saying it was “so swollen,” she …".
    let comma = (c.at + c.len..(c.at + WINDOW).min(unit.b))
        .find(|&k| doc.is_punct(k, ",") && (!doc.inside_quote(k) || !doc.inside_quote(k + 2)))?;
    let mut s = comma + 1;
    while s < unit.b && !doc.is_word(s) {
        s += 1;
    }
    subject_at(doc, s, unit.b)
}

/// "Asked whether he would run, Smith said …", "X was asked by host Y why …": the
/// question is content; its source is the asker when the text names one ("by Y"), else
/// nobody (the addressee before "was asked" is not the source).
fn asked_passive(doc: &Doc, unit: &Unit, c: &Cue) -> Option<Raw> {
    let mut s = unit.a;
    while s < c.at && (doc.has(s, class::LEAD) || !doc.is_word(s)) {
        s += 1;
    }
    let opens =
        s == c.at || (s + 1 == c.at && matches!(doc.low(s), "when" | "after" | "once" | "if"));
    // "was once asked", "was repeatedly asked": adverbs between the auxiliary and "asked".
    let mut p = c.at;
    while p > unit.a + 1
        && doc.is_lower_word(p - 1)
        && !doc.has(p - 1, class::AUX)
        && (doc.has(p - 1, class::SKIP) || doc.low(p - 1).ends_with("ly"))
    {
        p -= 1;
    }
    let passive = p > unit.a
        && matches!(
            doc.low(p - 1),
            "was" | "were" | "been" | "being" | "is" | "are" | "when"
        );
    if !(opens || passive) {
        return None;
    }
    let cue_end = c.at + c.len;
    let mut agent = None;
    let mut k = cue_end;
    while k < unit.b && k < cue_end + 2 * NEAR {
        if doc.inside_quote(k) || matches!(doc.word(k), "," | ";" | ":" | ".") {
            return None;
        }
        if doc.has(k, class::WH) && doc.is_lower_word(k) {
            break;
        }
        if doc.has(k, class::AUX) && doc.is_lower_word(k) {
            return None;
        }
        if doc.low(k) == "by" && agent.is_none() {
            agent = Some(k + 1);
        }
        k += 1;
    }
    if k >= unit.b || !doc.has(k, class::WH) || k >= cue_end + 2 * NEAR {
        return None;
    }
    let source = agent.and_then(|a| sources::right(doc, a, k));
    if agent.is_some() && source.is_none() {
        return None;
    }
    let end = clause_end(doc, unit, k + 1, true);
    let content = trim_content(doc, k, end)?;
    Some(make(doc, unit, content, source, c, None))
}

/// `it` at `a`, then a form of "be" and the cue at `cue` as its participle: "it was
/// revealed", "it has been reported", "it is widely said".
fn impersonal_passive(doc: &Doc, a: usize, cue: usize) -> bool {
    if !(doc.low(a) == "it" && cue > a + 1) {
        return false;
    }
    let w = doc.low(cue);
    if !(w.ends_with("ed") || doc.has(cue, class::PAST)) {
        return false;
    }
    (a + 1..cue).all(|k| {
        doc.is_lower_word(k)
            && (matches!(
                doc.low(k),
                "is" | "was" | "has" | "had" | "have" | "been" | "being" | "be" | "will" | "would"
            ) || doc.low(k).ends_with("ly")
                || doc.has(k, class::SKIP) && !doc.has(k, class::AUX))
    }) && (a + 1..cue).any(|k| matches!(doc.low(k), "is" | "was" | "been" | "be"))
        || matches!(doc.word(a + 1), "’s" | "'s")
            && (a + 2..cue).all(|k| doc.is_lower_word(k) && doc.has(k, class::SKIP))
}

/// "…, but he refuses to discuss it, aside from saying …", "(they want lower rates and
/// suggest …)": the pronoun that opens the clause a participle or a coordinated cue
/// belongs to, when one does.
fn clause_pronoun(doc: &Doc, unit: &Unit, cue: usize) -> Option<(usize, usize)> {
    (cue.saturating_sub(25).max(unit.a)..cue)
        .rev()
        .take_while(|&k| !doc.inside_quote(k) && !matches!(doc.word(k), "." | ";" | ":"))
        .find(|&k| {
            let pronoun = doc.is_lower_word(k)
                && matches!(doc.low(k), "he" | "she" | "they" | "we")
                || doc.word(k) == "I";
            let opens = k == unit.a
                || matches!(doc.word(k - 1), "," | "(" | "—" | "–")
                // Not a subordinate clause's: "Bradley apologized after they came out,
                // saying …" is Bradley's.
                || doc.is_lower_word(k - 1) && matches!(doc.low(k - 1), "and" | "but" | "so" | "yet");
            pronoun && opens
        })
        .map(|k| (k, k + 1))
}

/// "urged the administration to raise the cutoff", "told him not to run": an
/// addressee and an infinitive after a cue of telling; the content is both (the request).
/// "asked Pence whether it would happen": after the addressee, the embedded question.
fn directive(doc: &Doc, unit: &Unit, from: usize) -> Option<(usize, usize)> {
    let mut k = from;
    while k < unit.b && k < from + NEAR {
        let l = doc.low(k);
        if l == "to" || (l == "not" && doc.low(k + 1) == "to") {
            break;
        }
        if k > from && doc.has(k, class::WH) && doc.is_lower_word(k) && l != "when" {
            let end = clause_end(doc, unit, k + 1, false);
            return trim_content(doc, k, end);
        }
        let word = doc.is_word(k) || doc.toks[k].kind == crate::tokens::TokenKind::Number;
        if !word
            || doc.inside_quote(k)
            || l == "that"
            || (doc.is_lower_word(k)
                && doc.has(
                    k,
                    class::AUX | class::CUE | class::SUB | class::WH | class::PREP,
                ))
        {
            return None;
        }
        k += 1;
    }
    if k == from || k >= unit.b {
        return None;
    }
    let to = if doc.low(k) == "not" { k + 1 } else { k };
    let v = to + 1;
    if doc.low(to) != "to"
        || !doc.is_lower_word(v)
        || doc.has(
            v,
            class::DET | class::PREP | class::SUBJ | class::PERSON | class::PLURAL,
        )
    {
        return None;
    }
    let end = clause_end(doc, unit, v, false);
    trim_content(doc, from, end)
}

/// "has not said whether …", "didn’t say": nothing is reported.
fn negated(doc: &Doc, unit: &Unit, cue: usize) -> bool {
    (cue.saturating_sub(2).max(unit.a)..cue).any(|k| {
        let w = doc.low(k);
        matches!(w, "not" | "never") || w.ends_with("n't") || w.ends_with("n’t")
    })
}

fn make(
    doc: &Doc,
    unit: &Unit,
    content: (usize, usize),
    source: Option<(usize, usize)>,
    c: &Cue,
    via: Option<(usize, usize)>,
) -> Raw {
    let kind = kind_of(doc, content);
    // "It was revealed that …", "it is said that …": an impersonal passive names no
    // one; "it" is no source.
    let source = source.filter(|&(a, b)| !(b == a + 1 && impersonal_passive(doc, a, c.at)));
    Raw {
        content,
        kind,
        source,
        cue: Some((c.at, c.at + c.len)),
        channel: channel::find(doc, unit, content, source, Some((c.at, c.at + c.len))),
        via,
        same_as: None,
    }
}

/// A source names someone (a name, pronoun, role, body or number), and a bare verb
/// form ("acknowledge") needs a plural or modal subject.
fn plausible_source(doc: &Doc, (a, b): (usize, usize), c: &Cue) -> bool {
    if b == a + 1 && matches!(doc.low(a), "who" | "which") {
        return true;
    }
    let named = (a..b).any(|k| {
        doc.is_cap(k)
            || !doc.is_word(k) && doc.toks[k].kind != crate::tokens::TokenKind::Punct
            || doc.has(
                k,
                class::SUBJ
                    | class::FIRST
                    | class::PERSON
                    | class::PLURAL
                    | class::ROLE
                    | class::GROUP
                    | class::ORG
                    | class::MEDIA
                    | class::DET,
            )
            || crowd(doc, k)
    });
    if !named {
        return false;
    }
    let w = doc.low(c.at);
    let base = !(w.ends_with('s')
        || w.ends_with('d')
        || w.ends_with("ing")
        || matches!(w, "told" | "wrote" | "written" | "made" | "makes"));
    if !base {
        return true;
    }
    let head = b - 1;
    // "supporters of Democrat Hillary Clinton say": a plural head before "of".
    let before_of = (a + 1..b)
        .find(|&k| doc.is_lower_word(k) && doc.low(k) == "of")
        .is_some_and(|k| crowd(doc, k - 1) || doc.has(k - 1, class::GROUP));
    let modal =
        c.at > 0 && doc.has(c.at - 1, class::AUX | class::SKIP) && doc.is_lower_word(c.at - 1);
    modal
        || before_of
        || (a..b).any(|k| doc.low(k) == "and")
        || doc.has(head, class::GROUP | class::FIRST)
        || matches!(doc.low(head), "they" | "you")
        // "Police say", "Those close to him say", "many of whom say".
        // (at the start of a clause: "demanding that Kyiv acknowledge" is subjunctive).
        || (b == a + 1 && doc.is_cap(a) && (a == 0 || !doc.is_word(a - 1)))
        // "the Khans say": a family or a team by its plural name.
        || (b == a + 2 && doc.low(a) == "the" && doc.is_cap(head) && doc.low(head).ends_with('s')
            && !doc.low(head).ends_with("ss"))
        || matches!(doc.low(a), "those" | "many" | "some" | "most" | "few" | "both")
        || doc.low(head).ends_with('s') && doc.is_lower_word(head)
        || crowd(doc, head)
        // "Polls in New Hampshire show": a plural head before its modifier.
        || (doc.is_cap(a) && doc.low(a).len() > 4 && doc.low(a).ends_with('s') && !doc.low(a).ends_with("ss")
            && (a + 1..b).any(|k| doc.has(k, class::PREP) && doc.is_lower_word(k) && doc.low(k) != "to"))
        || plural_head_modified(doc, a, b)
}

/// "Aides to Clinton say", "the executives for Mondelez say": a plural head of people,
/// then a prepositional phrase that names whom they belong to or where they are.
fn plural_head_modified(doc: &Doc, a: usize, b: usize) -> bool {
    let Some(p) = (a + 1..b).find(|&k| {
        doc.is_lower_word(k)
            && matches!(
                doc.low(k),
                "to" | "for" | "of" | "at" | "in" | "on" | "with" | "from"
            )
    }) else {
        return false;
    };
    let h = p - 1;
    // A verb in the modifier makes it a clause ("investments in poor areas failed to").
    let verb = (p + 1..b).any(|k| {
        doc.is_lower_word(k)
            && (doc.has(k, class::AUX | class::PAST | class::CUE)
                || doc.low(k).len() > 4 && doc.low(k).ends_with("ed")
                || doc.low(k) == "to")
    });
    // People, not things ("her comments to a radio show host"): a group noun, or a
    // plural with a suffix of agents and members ("organizers", "proponents").
    let people = || {
        let l = doc.low(h);
        [
            "ers", "ors", "ists", "ians", "ives", "nents", "ants", "dents",
        ]
        .iter()
        .any(|s| l.ends_with(s))
    };
    p + 1 < b
        && !verb
        && (doc.has(h, class::GROUP)
            || crowd(doc, h) && people()
            // "Proponents of the bill say": capitalised only as the sentence's first word.
            || (h == a
                && doc.is_cap(h)
                && (h == 0 || !doc.is_word(h - 1))
                && doc.low(h).len() > 4
                && people()))
}

/// A plural or counted mention of people: "forecasters", "others", "47%", "one in
/// five", "a majority".
fn crowd(doc: &Doc, k: usize) -> bool {
    let l = doc.low(k);
    if doc.toks[k].kind == crate::tokens::TokenKind::Number
        || matches!(
            l,
            "%" | "percent"
                | "one"
                | "others"
                | "majority"
                | "majorities"
                | "minority"
                | "half"
                | "two"
                | "three"
                | "four"
                | "five"
                | "ten"
        )
    {
        return true;
    }
    doc.is_lower_word(k)
        && l.len() > 4
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
        && !doc.has(k, class::AUX | class::CUE | class::PREP | class::SKIP)
}

/// Direct when the content is one quotation, mixed when it holds one, else indirect.
fn kind_of(doc: &Doc, content: (usize, usize)) -> AttributionKind {
    let a = doc.toks.partition_point(|t| t.start < content.0);
    let b = doc.toks.partition_point(|t| t.start < content.1);
    if a >= b {
        return AttributionKind::Indirect;
    }
    if let Some(q) = doc.quote_opening(a) {
        if q.after >= b && q.open == a {
            return AttributionKind::Direct;
        }
    }
    if (a..b).any(|k| doc.inside_quote(k)) {
        AttributionKind::Mixed
    } else {
        AttributionKind::Indirect
    }
}

/// After the cue of a tail: the unit ends (an optional time, channel or "citing X"
/// may come first). Returns the token after the cue phrase's extras.
fn tail_rest(doc: &Doc, unit: &Unit, from: usize) -> Option<usize> {
    let mut p = from;
    // Inverted source or a trailing phrase ("on CNN’s “State of the Union” on Sunday"),
    // up to the end or a comma.
    // Quoted titles ("on CNN’s “State of the Union.”") and abbreviations ("Mr.") are
    // stepped over.
    while p < unit.b
        && (doc.inside_quote(p)
            || !matches!(doc.word(p), "," | "." | "!" | "?" | ";")
            || (doc.word(p) == "." && p > from && doc.abbreviation(p - 1)))
    {
        if doc.inside_quote(p) || doc.word(p) == "." {
            p += 1;
            continue;
        }
        // "… Quina Jones said as she marched": a subordinate clause may follow; so may
        // a participle of saying ("… she said at a news conference announcing that …").
        if doc.is_lower_word(p)
            && (doc.has(p, class::SUB)
                || p > from && doc.has(p, class::CUE) && doc.low(p).ends_with("ing"))
        {
            return Some(p);
        }
        if p - from > 20 {
            return None;
        }
        if doc.has(p, class::AUX) && doc.is_lower_word(p) && !doc.has(p, class::SKIP) {
            return None;
        }
        if doc.low(p) == "that" {
            return None;
        }
        p += 1;
    }
    if p >= unit.b
        || matches!(doc.word(p), "." | "!" | "?") && (p + 1..unit.b).all(|k| !doc.is_word(k))
        // "…, analysts say; in 2012, …": a semicolon closes the sentence's first half.
        || doc.word(p) == ";"
    {
        return Some(p);
    }
    if doc.word(p) == "," {
        let n = doc.low(p + 1);
        if matches!(n, "citing" | "adding" | "saying" | "noting") || doc.has(p + 1, class::CUE) {
            return Some(p + 1);
        }
        // "…, X said Friday, as the campaign went on": a trailing adverbial clause.
        if p > from && doc.has(p + 1, class::SUB) && doc.is_lower_word(p + 1) {
            return Some(unit.b);
        }
        // "…, reciting a poem", "…, in which she …", "…, where Clinton spoke".
        let participle = doc.is_lower_word(p + 1) && n.ends_with("ing") && n.len() > 4;
        let relative = matches!(n, "which" | "where" | "who" | "whom")
            || (n == "in" && doc.low(p + 2) == "which");
        if p > from && (participle || relative) {
            return Some(unit.b);
        }
        // "…, said Mr. Barrett, the lawyer for the agency." The apposition may end in
        // a relative clause ("…, an expert who has published …"), whose verbs are its own.
        let short = unit.b - p < 30;
        let rest = (p + 1..unit.b)
            .take_while(|&k| {
                !(doc.is_lower_word(k) && matches!(doc.low(k), "who" | "whose" | "which"))
            })
            .filter(|&k| !doc.inside_quote(k));
        if short
            && p > from
            && rest
                .clone()
                .all(|k| !(doc.has(k, class::AUX | class::CUE) && doc.is_lower_word(k)))
            && (doc.has(p + 1, class::DET)
                || doc.is_cap(p + 1)
                // "…, said Robert Egge, executive director of …", "…, said X, in a
                // statement": a role or a phrase of place or time.
                || doc.is_lower_word(p + 1)
                    && (doc.has(p + 1, class::PREP)
                        || matches!(n, "with" | "for" | "of" | "about")
                        || (p + 1..p + 4).any(|k| doc.has(k, class::ROLE)))
                // "… told Fox in an interview, taped Saturday."
                || doc.is_lower_word(p + 1) && (n.ends_with("ed") || doc.has(p + 1, class::PAST))
                // "… wrote in a September 16, 2012 email."
                || doc.toks.get(p + 1).is_some_and(|t| t.kind == crate::tokens::TokenKind::Number))
        {
            return Some(unit.b);
        }
    }
    None
}

/// "state news agency TASS", "public broadcaster ARD": a few lowercase words that
/// describe the name that follows them.
fn described_name(doc: &Doc, from: usize, to: usize) -> bool {
    let mut k = from;
    while k < to.min(from + 4)
        && doc.is_lower_word(k)
        && !doc.has(
            k,
            class::AUX | class::SUBJ | class::PREP | class::SUB | class::DET,
        )
    {
        k += 1;
    }
    k > from && k < to && doc.is_cap(k)
}

/// Where a clause that ends at `end` (a comma before a tail) begins.
fn content_start_left(doc: &Doc, unit: &Unit, end: usize) -> usize {
    let mut s = end;
    while s > unit.a && end - s < WINDOW {
        let i = s - 1;
        if doc.is_dash(i) && !doc.inside_quote(i) {
            // A pair of dashes sets off an aside: step over it.
            if let Some(m) = (i.saturating_sub(24).max(unit.a)..i.saturating_sub(1))
                .rev()
                .find(|&m| doc.is_dash(m))
            {
                s = m;
                continue;
            }
            break;
        }
        if doc.word(i) == ";" || (doc.word(i) == ":" && !doc.inside_quote(i)) {
            break;
        }
        s = i;
    }
    s
}

/// A preposition or time word opens a phrase at `p`; "this" does so only before a time
/// word ("said this week" against "said this is …").
fn opens_phrase(doc: &Doc, p: usize) -> bool {
    doc.has(p, class::PREP) && (doc.low(p) != "this" || doc.has(p + 1, class::TIME))
}

/// A clause starts at `p`: a subject pronoun, or a finite verb within a few words.
fn is_clause(doc: &Doc, p: usize, to: usize) -> bool {
    if doc.has(p, class::SUBJ) && !(doc.low(p) == "this" || doc.low(p) == "no") {
        return true;
    }
    if doc.has(p, class::WH) && doc.is_lower_word(p) {
        return true;
    }
    if doc.low(p) == "to" || opens_phrase(doc, p) && doc.is_lower_word(p) || doc.low(p) == "of" {
        return false;
    }
    let mut k = p;
    let mut seen_noun = false;
    while k < to && k < p + 10 {
        let w = doc.word(k);
        if matches!(w, "," | ";" | ":" | "." | "(") && !doc.inside_quote(k) {
            return false;
        }
        if doc.is_lower_word(k) {
            let l = doc.low(k);
            // "found the article and would release it": an auxiliary after "and" goes
            // on with the cue's subject; the phrase before it is an object.
            if doc.has(k, class::AUX) && k > p && !matches!(doc.low(k - 1), "and" | "or" | "but") {
                return true;
            }
            // A past form after a noun is a verb, unless a preposition follows it
            // ("the progress made in Geneva" is a noun phrase).
            let past = doc.has(k, class::PAST) || (l.len() > 3 && l.ends_with("ed"));
            if seen_noun
                && past
                && !doc.has(k - 1, class::DET)
                && !(doc.has(k + 1, class::PREP) || doc.low(k + 1) == "by")
            {
                return true;
            }
            if seen_noun
                && k > p
                && l.len() > 3
                && l.ends_with('s')
                && !l.ends_with("ss")
                && !l.ends_with("us")
                && !l.ends_with("is")
                && doc.is_cap(k - 1)
                && k - 1 > p.saturating_sub(1)
                && !doc.has(k - 1, class::ROLE)
            {
                return true;
            }
        }
        seen_noun = true;
        k += 1;
    }
    false
}

/// The end (exclusive token) of a reported clause that starts at `p`.
fn clause_end(doc: &Doc, unit: &Unit, p: usize, subordinate: bool) -> usize {
    let mut k = p;
    let limit = unit.b.min(p + WINDOW);
    while k < limit {
        // `said it was “closing strong.” He noted …`: a quotation that ends its
        // sentence ends the clause, though the sentence splitter kept both together.
        if let Some(q) = doc.quote_opening(k) {
            let inner = doc.text[q.q.start..q.q.end].trim_end();
            if k > p && q.after < limit && inner.ends_with(['.', '!', '?']) && doc.is_cap(q.after) {
                return q.after;
            }
        }
        if doc.inside_quote(k) {
            k += 1;
            continue;
        }
        let w = doc.word(k);
        if doc.is_dash(k) {
            // A pair of dashes sets off an aside inside the clause.
            if let Some(m) = (k + 2..(k + 24).min(unit.b)).find(|&m| doc.is_dash(m)) {
                k = m + 1;
                continue;
            }
            return k;
        }
        if w == "(" {
            // "… on the court (Alito, Roberts) - and …": a closed aside inside the clause.
            if let Some(m) = (k + 1..(k + 20).min(limit)).find(|&m| doc.word(m) == ")") {
                if (m + 1..limit).any(|n| doc.is_word(n)) {
                    k = m + 1;
                    continue;
                }
            }
            return k;
        }
        if w == ";" {
            return k;
        }
        // "… was smart and said it …": a second verb of saying ends the first clause.
        if matches!(w, "and" | "but")
            && k > p
            && doc.has(k + 1, class::CUE)
            && doc.is_lower_word(k + 1)
        {
            return k;
        }
        // "… for the nominee but did not suggest …": a negated "do" right after
        // "but" has no subject of its own; it goes on with the source's sentence.
        if w == "but"
            && k > p
            && doc.is_lower_word(k + 1)
            && matches!(
                doc.low(k + 1),
                "did" | "didn't" | "didn’t" | "does" | "doesn't" | "doesn’t"
            )
        {
            return k;
        }
        // "… to disavow him and has repeatedly called him …": a perfect after "and"
        // goes on with the sentence's own subject.
        if w == "and"
            && k > p
            && matches!(doc.low(k + 1), "has" | "have" | "had")
            && doc.is_lower_word(k + 2)
            && (doc.has(k + 2, class::PAST | class::SKIP) || doc.low(k + 2).ends_with("ed"))
        {
            return k;
        }
        if w == "," {
            if subordinate {
                return k;
            }
            let n = doc.low(k + 1);
            // ", although he refused …", ", which forced …": the narrator goes on.
            // "agreed that inequality, though it existed, was not …" and "a crucial,
            // although brief, opportunity" are asides closed by a comma.
            if matches!(n, "although" | "though" | "whereas")
                && doc.is_lower_word(k + 1)
                && !(k + 2..(k + 7).min(limit)).any(|m| doc.is_punct(m, ","))
            {
                return k;
            }
            // ", and human rights groups warned that …": a new attribution begins.
            if matches!(n, "and" | "but" | "while" | "whereas")
                && (k + 2..(k + 8).min(limit))
                    .any(|m| doc.has(m, class::CUE) && doc.is_lower_word(m) && !doc.inside_quote(m))
            {
                return k;
            }
            if n == "according"
                || n == "citing"
                || (doc.has(k + 1, class::CUE) && doc.is_lower_word(k + 1) && n.ends_with("ing"))
            {
                return k;
            }
            // "…, calling them “boring”", "…, referring to the convention": a participle
            // of naming or speaking after the clause is the source's own act, not what was
            // said. (Other participles may carry on the reported clause: "…, leaving him
            // unqualified".)
            if doc.is_lower_word(k + 1)
                && n.ends_with("ing")
                && (doc.has(k + 1, class::NAMING)
                    || matches!(n, "referring" | "speaking" | "appearing"))
            {
                return k;
            }
            // ", he said" / ", the minister added" / ", a spokesperson for the prime
            // minister said" closing the sentence.
            if let Some(c) = (k + 1..(k + 9).min(limit))
                .find(|&m| doc.has(m, class::CUE) && doc.is_lower_word(m) && !doc.inside_quote(m))
            {
                if tail_rest(doc, unit, c + 1).is_some()
                    && (k + 1..c).all(|m| !doc.has(m, class::AUX) || doc.has(m, class::SKIP))
                    && (c - k <= 4
                        || (doc.has(k + 1, class::DET) || doc.is_cap(k + 1))
                            && (k + 1..c).all(|m| {
                                doc.is_word(m)
                                    && !doc
                                        .has(m, class::SUB | class::SUBJ | class::WH | class::AUX)
                                    && !matches!(doc.low(m), "that" | "which" | "who")
                            }))
                {
                    return k;
                }
            }
        }
        k += 1;
    }
    limit
}

/// Byte range of tokens `[a, b)` without a final period or comma; `None` when empty.
/// Emoji, pictographs and arrows that decorate a post ("⚡️Russia launched …"): symbols
/// from the arrows block up, not letters, CJK punctuation or full-width forms.
fn is_pictograph(w: &str) -> bool {
    w.chars().next().is_some_and(|c| {
        c >= '\u{2190}'
            && !c.is_alphanumeric()
            && !('\u{3000}'..='\u{303f}').contains(&c)
            && !('\u{ff00}'..='\u{ffef}').contains(&c)
    })
}

fn trim_content(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    let mut b = b;
    while b > a && !doc.inside_quote(b - 1) && matches!(doc.word(b - 1), "." | "," | ":" | ";") {
        b -= 1;
    }
    let mut a = a;
    loop {
        if a < b && (matches!(doc.word(a), "," | ":") || is_pictograph(doc.word(a))) {
            a += 1;
        } else if a + 1 < b
            && doc.toks[a].kind == TokenKind::Number
            && doc.word(a + 1) == "/"
            && (a == 0 || doc.newline_before(a))
        {
            // A thread's post number: "2/ Kharkiv Mayor Ihor Terekhov said …".
            a += 2;
        } else {
            break;
        }
    }
    if b <= a || (a..b).filter(|&k| doc.is_word(k)).count() < 2 {
        return None;
    }
    Some((doc.toks[a].start, doc.toks[b - 1].end))
}

/// The lowercase forms of the document's speaker-like words: capitalised, after a title,
/// a first name or before a cue ("President Zelenskyy", "Jake Tapper", "Zelenskyy said"),
/// not opening a line.
fn capitalised_words<'a>(doc: &Doc<'a, '_>) -> HashMap<&'a str, usize> {
    (1..doc.toks.len())
        .filter(|&k| {
            doc.is_cap(k)
                && !doc.newline_before(k)
                && (doc.has(k - 1, class::ROLE)
                    || doc.has(k + 1, class::CUE)
                    || (doc.is_cap(k - 1)
                        && !doc.newline_before(k - 1)
                        && !doc.has(k - 1, class::DET | class::PREP)))
        })
        .map(|k| (doc.low(k), k))
        .collect()
}

/// A line "Name: what they said" (a transcript, a post): the name is a handle or a name
/// the document also writes elsewhere, so that labels ("Photo:", "Update:", "Q:") name no
/// one. The content runs to the end of the paragraph. `units` starts at the line's unit.
fn speaker_line(doc: &Doc, units: &[Unit], named: &HashMap<&str, usize>) -> Option<Raw> {
    let unit = units.first()?;
    if unit.a > 0 && !doc.newline_before(unit.a) {
        return None;
    }
    let colon = (unit.a + 1..(unit.a + 4).min(unit.b)).find(|&k| doc.is_punct(k, ":"))?;
    if doc.inside_quote(colon) || doc.quote_opening(colon + 1).is_some() {
        return None;
    }
    let handle = colon == unit.a + 1 && doc.toks[unit.a].kind == TokenKind::Handle;
    let name = (unit.a..colon).all(|k| doc.is_word(k) && doc.is_cap(k) && doc.word(k).len() > 1)
        && named
            .get(doc.low(colon - 1))
            .is_some_and(|&k| k < unit.a || k >= unit.b)
        // A known place or body before a colon is a dateline ("Kyiv: …").
        && doc
            .lex
            .gazetteer
            .longest(doc.word(unit.a), |x| Some(doc.word(unit.a + x)))
            .is_none();
    if !handle && !name {
        return None;
    }
    let end = units
        .iter()
        .take_while(|u| u.para == unit.para && !u.boilerplate)
        .last()
        .map_or(unit.b, |u| u.b);
    colon_lead(doc, (unit.a, colon), colon, end)
}

/// "according to X, <clause>" and "<clause>, according to X."
fn according_to(doc: &Doc, unit: &Unit, out: &mut Vec<Raw>) {
    let Some(i) = (unit.a..unit.b.saturating_sub(1))
        .find(|&k| doc.low(k) == "according" && doc.low(k + 1) == "to" && !doc.inside_quote(k))
    else {
        return;
    };
    let Some((sa, sb)) = according_source(doc, i + 2, unit.b) else {
        return;
    };
    let mut via = None;
    let mut after = sb;
    if doc.is_punct(after, ",") && doc.low(after + 1) == "citing" {
        if let Some((va, vb)) = sources::right(doc, after + 2, unit.b) {
            via = Some((va, vb));
            after = vb;
        }
    }
    // "…: According to recent polls, Trump holds …": a capitalised "According" after a
    // colon or dash opens its own clause.
    let lead = (unit.a..i).all(|k| doc.has(k, class::LEAD) || !doc.is_word(k))
        || (i > unit.a
            && doc.is_cap(i)
            && (doc.is_punct(i - 1, ":") || doc.is_punct(i - 1, ";") || doc.is_dash(i - 1)));
    let content = if lead {
        trim_content(doc, after, clause_end(doc, unit, after + 1, false))
    } else {
        let end = if i > unit.a && doc.is_punct(i - 1, ",") {
            i - 1
        } else {
            i
        };
        let start = content_start_left(doc, unit, end);
        // "G4S receives, according to one report, $234 million …": the phrase sits
        // inside the clause, which goes on after it.
        let inside = doc.is_punct(i.saturating_sub(1), ",")
            && doc.is_punct(after, ",")
            && (after + 1 < unit.b
                && (doc.toks[after + 1].kind != crate::tokens::TokenKind::Punct
                    || doc.word(after + 1) == "$"
                    || doc.quote_opening(after + 1).is_some()));
        let start = narrow_left(doc, start, end);
        if inside {
            trim_content(doc, start, clause_end(doc, unit, after + 1, false))
        } else {
            trim_content(doc, start, end)
        }
    };
    let Some(content) = content else { return };
    let cue = Cue {
        at: i,
        len: 2,
        kind: CueKind::Speech,
    };
    out.push(make(doc, unit, content, Some((sa, sb)), &cue, via));
}

/// The clause before "…, according to X" inside a longer stretch `[start, end)`: after
/// an absolute ", with" ("Fox is a cash generator, with $1.6 billion in profit, according
/// to X": the figure is what X reports).
fn narrow_left(doc: &Doc, start: usize, end: usize) -> usize {
    for k in (start..end).rev() {
        if doc.is_punct(k, ",") && !doc.inside_quote(k) && doc.low(k + 1) == "with" && k + 3 < end {
            return k + 2;
        }
    }
    start
}

/// The phrase after "according to": up to a comma, a period or the unit's end.
fn according_source(doc: &Doc, from: usize, to: usize) -> Option<(usize, usize)> {
    let mut e = from;
    while e < to
        && e - from < 14
        && !matches!(doc.word(e), "," | "." | ";" | ":")
        && !doc.inside_quote(e)
        && !doc.is_dash(e)
    {
        e += 1;
    }
    (e > from).then_some((from, e))
}
