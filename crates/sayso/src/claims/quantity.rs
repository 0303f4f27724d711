//! Quantities: numerals and number words with their unit or noun (SPEC §2, §6), and not
//! dates, clock times, years, ordinals, list markers or numbers inside names.

use super::sentence::{View, flag};

/// What a quantity is measured in, for the score's features.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum QuantityKind {
    Money,
    Percent,
    Count,
}

/// One quantity: token range `[from, to)` of its evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quantity {
    pub(crate) from: usize,
    pub(crate) to: usize,
    pub(crate) kind: QuantityKind,
}

/// Counts of things that look like numbers but are not quantities.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct NonQuantities {
    pub(crate) dates: u32,
}

const CURRENCY: &[&str] = &["$", "€", "£", "₴", "¥", "₽", "US$"];
const CLOCK: &[&str] = &[
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "cet",
    "o'clock",
    "o’clock",
    "hrs",
];
const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];
/// Short unit suffixes glued to digits (`5bn`, `10km`).
const GLUED_UNITS: &[&str] = &[
    "k", "m", "bn", "mn", "b", "tn", "km", "kg", "mw", "gw", "kw", "mph", "ft", "x",
];

/// Finds the sentence's quantities (token indexes are the view's).
pub(crate) fn find(v: &mut View<'_, '_>, out: &mut Vec<Quantity>) -> NonQuantities {
    let mut non = NonQuantities::default();
    // Only numerals, number words and hyphenated number words ("two-thirds") start a
    // quantity or a date: most sentences have none, and are done with one look.
    let hyphens = v.has_hyphen();
    if !hyphens && !v.any_flagged(flag::NUMBER | flag::NUMBER_WORD) {
        return non;
    }
    let n = v.len();
    let mut i = 0;
    while i < n {
        if v.taken(i) {
            i += 1;
            continue;
        }
        let verdict = if v.is_number(i) {
            digits(v, i)
        } else if v.is_word(i) {
            words(v, i, hyphens)
        } else {
            Verdict::No
        };
        match verdict {
            Verdict::Date => {
                non.dates += 1;
                i += 1;
            }
            Verdict::No => i += 1,
            Verdict::Yes(kind) => {
                let q = extent(v, i, kind);
                i = q.to.max(i + 1);
                out.push(q);
            }
        }
    }
    non
}

enum Verdict {
    Yes(QuantityKind),
    Date,
    No,
}

fn digits(v: &mut View<'_, '_>, i: usize) -> Verdict {
    let t = v.text(i);
    if t.contains(':') {
        return Verdict::Date;
    }
    let digits_end = t
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(t.len());
    let suffix = &t[digits_end..];
    let suffix_lower = v.lower(i).get(digits_end..).unwrap_or("");
    if ORDINAL_SUFFIXES.contains(&suffix_lower) {
        return Verdict::No;
    }
    if suffix_lower == "s" {
        // "the 1990s"
        return Verdict::Date;
    }
    if !suffix.is_empty() && !GLUED_UNITS.contains(&suffix_lower) {
        return Verdict::No;
    }
    // "9/11", "24/7", dates with slashes, URL parts.
    if v.char_before(i) == Some('/') || v.char_after(i) == Some('/') {
        return Verdict::Date;
    }
    if v.prev_word_is(i, |v, j| v.in_months(j)) || v.next_word_is(i, |v, j| v.in_months(j)) {
        return Verdict::Date;
    }
    if v.next_is(i, |v, j| {
        CLOCK.iter().any(|c| v.text(j).eq_ignore_ascii_case(c))
    }) {
        return Verdict::Date;
    }
    let currency = i > 0 && CURRENCY.contains(&v.text(i - 1));
    let plain = &t[..digits_end];
    if suffix.is_empty()
        && !currency
        && plain.len() == 4
        && plain.bytes().all(|b| b.is_ascii_digit())
    {
        let year: u32 = plain.parse().unwrap_or(0);
        if (1800..=2100).contains(&year) && !v.next_is(i, |v, j| v.in_scales(j)) {
            return Verdict::Date;
        }
    }
    // A numbered list marker opening the sentence ("1. Skip", "2)").
    if i == v.first_token() && v.next_is(i, |v, j| matches!(v.text(j), "." | ")")) {
        return Verdict::No;
    }
    // "Section 5", "No. 5", "Boeing 747": a label or name before the number.
    if !currency && i > 0 {
        let p = if v.text(i - 1) == "." && i > 1 {
            i - 2
        } else {
            i - 1
        };
        if v.is_word(p)
            && (v.in_name_nouns(p)
                || (v.is_capitalized(p) && p != v.first_token() && !v.in_months(p)))
            && !v.next_is(i, |v, j| v.in_scales(j))
        {
            return Verdict::No;
        }
    }
    if names_a_proposal(v, i) {
        return Verdict::No;
    }
    let kind = if currency {
        QuantityKind::Money
    } else if v.next_is(i, |v, j| matches!(v.lower(j), "%" | "percent" | "per")) {
        QuantityKind::Percent
    } else {
        QuantityKind::Count
    };
    Verdict::Yes(kind)
}

/// "a 28-point plan", "a 30-day ceasefire": a number fused to a unit that names a proposal.
fn names_a_proposal(v: &mut View<'_, '_>, i: usize) -> bool {
    let mut j = i + 1;
    let mut fused = false;
    while j + 1 < v.len() && v.text(j) == "-" && v.glued(j - 1, j) && v.glued(j, j + 1) {
        fused = true;
        j += 2;
    }
    if v.is_word(i) {
        // A hyphenated number word ("two-year") is one token.
        fused = v.text(i).contains('-');
        j = i + 1;
    }
    fused && j < v.len() && v.is_word(j) && v.in_name_nouns(j)
}

fn words(v: &mut View<'_, '_>, i: usize, hyphens: bool) -> Verdict {
    let t = v.text(i);
    // Byte test first: most words hold no hyphen ('‐' U+2010 starts with byte 0xE2).
    let is_number = v.in_numbers(i)
        || hyphens && t.bytes().any(|b| b == b'-' || b == 0xE2) && t.contains(['-', '‐']) && {
            let head = t.split(['-', '‐']).next().unwrap_or(t);
            v.word_in_numbers(head)
        };
    if !is_number {
        return Verdict::No;
    }
    // A capitalised number word mid-sentence is part of a name ("the Big Three").
    if v.is_capitalized(i) && i != v.first_token() && !v.heading_like() {
        return Verdict::No;
    }
    // "the two presidents", "both": a definite reference, not an amount; but scale words
    // ("the millions of Americans") still count.
    let definite = i > 0 && matches!(v.lower(i - 1), "the" | "these" | "those" | "its" | "their");
    if definite && !v.in_scales(i) {
        return Verdict::No;
    }
    if names_a_proposal(v, i) {
        return Verdict::No;
    }
    Verdict::Yes(QuantityKind::Count)
}

/// The evidence around a number at `i`: approximators and currency before, scale words
/// and the counted noun after.
fn extent(v: &mut View<'_, '_>, i: usize, kind: QuantityKind) -> Quantity {
    let mut from = i;
    if from > 0 && CURRENCY.contains(&v.text(from - 1)) && v.glued(from - 1, from) {
        from -= 1;
    }
    let mut back = 0;
    while from > 0 && back < 3 && v.is_word(from - 1) && v.in_approximators(from - 1) {
        // "a" and "an" only right before the number ("a dozen"), never alone.
        from -= 1;
        back += 1;
    }
    while from < i && matches!(v.lower(from), "a" | "an" | "of" | "to" | "as") {
        from += 1;
    }
    let n = v.len();
    let mut to = i + 1;
    // Fused units: "34-year-old".
    while to + 1 < n && v.text(to) == "-" && v.glued(to - 1, to) && v.glued(to, to + 1) {
        to += 2;
    }
    // Scale words and "%": "9.9 million", "70 percent", "hundreds of thousands".
    loop {
        if to < n && (v.in_scales(to) || v.text(to) == "%") {
            to += 1;
        } else if to + 1 < n && v.lower(to) == "of" && v.in_scales(to + 1) && v.in_numbers(to + 1) {
            to += 2;
        } else {
            break;
        }
    }
    // The counted noun: "of" and a few content words ("70 percent of black children").
    let mut k = to;
    if k < n && v.lower(k) == "of" {
        k += 1;
        if k < n && matches!(v.lower(k), "the" | "those" | "these" | "them" | "its") {
            k += 1;
        }
    }
    let mut words = 0;
    let mut end = to;
    // Words of a lexicon phrase are verbs or judgements, not the counted noun.
    // The word right after the number is its noun even when a lexicon knows it as a verb
    // ("60 shells").
    while k < n
        && words < 3
        && v.is_word(k)
        && !v.is_capitalized(k)
        && (!v.covered(k) || k == to && words == 0)
        && !v.in_function_words(k)
    {
        k += 1;
        words += 1;
        end = k;
    }
    // "those with jobs": keep a short prepositional tail only after "those".
    Quantity {
        from,
        to: end.max(to),
        kind,
    }
}
