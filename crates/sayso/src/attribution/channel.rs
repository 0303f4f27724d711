//! Channels (SPEC §3): where something was said, only when the text names the medium
//! ("on X", "in a post on Telegram") or the form ("in his nightly address", "told a
//! press conference", "in an interview with Fox News").

use super::doc::{Doc, Unit};
use super::lexicons::{ChannelKind, class};
use crate::document::EntityKind;

/// Words that may stand between "in"/"told" and the form of saying.
const MAX_GAP: usize = 4;

/// The channel named in `unit` outside the content bytes `content`.
pub(crate) fn find(
    doc: &Doc,
    unit: &Unit,
    content: (usize, usize),
    source: Option<(usize, usize)>,
    cue: Option<(usize, usize)>,
) -> Option<String> {
    // The channel belongs to the attribution's own clause: after its source, or in an
    // opening adverbial of the unit ("On Telegram, …", "In his nightly address, …").
    let from = match (source, cue) {
        (Some(s), Some(c)) => s.0.min(c.0),
        (Some(s), None) => s.0,
        (None, Some(c)) => c.0,
        (None, None) => unit.a,
    };
    // "In his address, …", and participles of saying: "Speaking at a news conference, …",
    // "Writing on Telegram, …".
    let opener = doc.has(unit.a, class::PREP | class::OPENER);
    let opener_end = if opener {
        (unit.a..from.min(unit.a + 15))
            .find(|&k| doc.is_punct(k, ","))
            .unwrap_or(unit.a)
    } else {
        unit.a
    };
    let outside = |k: usize| {
        let t = &doc.toks[k];
        (t.end <= content.0 || t.start >= content.1) && (k >= from || k < opener_end)
    };
    // Look near the attribution only: its opener, and a window after its start.
    let end = unit.b.min(from + 60);
    let mut k = if opener_end > unit.a {
        unit.a
    } else {
        from.max(unit.a)
    };
    while k < end {
        if k >= opener_end && k < from {
            k = from;
            continue;
        }
        if !outside(k) || doc.inside_quote(k) {
            k += 1;
            continue;
        }
        // "told Fox News", "in an interview with CNN", "told the BBC", "quoted by TASS".
        let quoted_by = doc.low(k) == "by" && k > 0 && doc.low(k - 1) == "quoted";
        if quoted_by || matches!(doc.low(k), "told" | "telling" | "with") {
            let m = if doc.low(k + 1) == "the" {
                k + 2
            } else {
                k + 1
            };
            if let Some(name) = outlet_at(doc, m) {
                return Some(name);
            }
            // "told state news agency TASS", "told public broadcaster ARD".
            let mut n = m;
            while n < m + 3
                && doc.is_lower_word(n)
                && !doc.has(n, class::AUX | class::PREP | class::DET | class::SUBJ)
            {
                n += 1;
            }
            if n > m {
                if let Some(name) = outlet_at(doc, n) {
                    return Some(name);
                }
            }
        }
        if doc.has(k, class::CHANNEL) {
            if let Some((len, ch)) = doc
                .lex
                .channels
                .longest(doc.low(k), |n| (k + n < unit.b).then(|| doc.low(k + n)))
            {
                match ch {
                    ChannelKind::Platform(name) => {
                        let before = doc.low(k.wrapping_sub(1));
                        if k > unit.a && matches!(before, "on" | "via" | "onto") && doc.is_cap(k) {
                            return Some(name.clone());
                        }
                    }
                    ChannelKind::Form(name) => {
                        if introduced(doc, unit, k) {
                            // A named medium after the form wins: "a post on X",
                            // "an interview with Fox News".
                            let m = k + len;
                            if matches!(doc.low(m), "on" | "with" | "to") {
                                let n = if doc.low(m + 1) == "the" {
                                    m + 2
                                } else {
                                    m + 1
                                };
                                if let Some(o) = outlet_at(doc, n) {
                                    return Some(o);
                                }
                                if let Some((_, ChannelKind::Platform(p))) =
                                    doc.lex.channels.longest(doc.low(n), |x| {
                                        (n + x < doc.toks.len()).then(|| doc.low(n + x))
                                    })
                                {
                                    if doc.is_cap(n) {
                                        return Some(p.clone());
                                    }
                                }
                            }
                            return Some(name.clone());
                        }
                    }
                }
                k += len;
                continue;
            }
        }
        k += 1;
    }
    None
}

/// The form word at `k` is introduced by "in/during/at/told/to" and a determiner.
fn introduced(doc: &Doc, unit: &Unit, k: usize) -> bool {
    let mut j = k;
    let mut det = false;
    while j > unit.a && k - j <= MAX_GAP {
        j -= 1;
        let l = doc.low(j);
        if matches!(
            l,
            "in" | "during" | "told" | "at" | "to" | "telling" | "through" | "via"
        ) {
            return det || l == "told";
        }
        if doc.has(j, class::DET) {
            det = true;
            continue;
        }
        if !doc.is_word(j) || doc.is_cap(j) && !det {
            return false;
        }
    }
    false
}

/// A media name from the gazetteer starting at token `k`.
fn outlet_at(doc: &Doc, k: usize) -> Option<String> {
    if !doc.may_open_gazetteer_name(k) {
        return None;
    }
    let (_, (kind, name)) = doc.lex.gazetteer.longest(doc.word(k), |n| {
        (k + n < doc.toks.len()).then(|| doc.word(k + n))
    })?;
    (*kind == EntityKind::Media).then(|| name.clone())
}
