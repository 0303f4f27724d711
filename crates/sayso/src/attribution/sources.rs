//! Source mentions: the noun phrase before a cue ("Kremlin aide Yuri Ushakov said"),
//! after it ("said the minister"), with appositions ("his chief of staff, Andriy
//! Yermak, added"); and the name inside a source ("US President Donald Trump" →
//! "Donald Trump").

use super::doc::Doc;
use super::lexicons::class;

/// How far a source phrase may reach, in tokens.
const MAX_NP: usize = 12;

/// A source phrase found on the left of a cue.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Left {
    /// Token range of the source.
    pub(crate) a: usize,
    pub(crate) b: usize,
    /// The phrase sits in a subordinate clause ("While X said …,"): its content ends at
    /// the next comma.
    pub(crate) subordinate: bool,
}

/// Skips adverbs and auxiliaries leftwards from `end` (exclusive); returns the new end.
pub(crate) fn skip_left(doc: &Doc, from: usize, end: usize) -> usize {
    let mut e = end;
    loop {
        if e > from
            && doc.is_lower_word(e - 1)
            && (doc.has(e - 1, class::SKIP) || adverb_after_subject(doc, from, e - 1))
        {
            e -= 1;
        } else if e > from + 2
            && doc.has(e - 1, class::TIME)
            && matches!(
                doc.low(e - 2),
                "last" | "this" | "next" | "on" | "early" | "late"
            )
            && doc.is_lower_word(e - 2)
        {
            // "Dianne Feinstein last week said": a time phrase before the verb.
            e -= 2;
        } else {
            return e;
        }
    }
}

/// "CNN barely mentioned", "Trump matter-of-factly said": an "-ly" adverb between a
/// subject (a name, a pronoun, a plural) and its verb. Not "the royal family said".
fn adverb_after_subject(doc: &Doc, from: usize, k: usize) -> bool {
    let w = doc.low(k);
    if !(w.len() >= 5 && w.ends_with("ly")) || k <= from {
        return false;
    }
    let p = k - 1;
    !doc.has(
        k,
        class::ROLE | class::GROUP | class::ORG | class::MEDIA | class::PERSON,
    ) && (doc.is_cap(p)
        || doc.has(p, class::SUBJ | class::PERSON | class::PLURAL)
        || doc.is_lower_word(p) && doc.low(p).len() > 3 && doc.low(p).ends_with('s'))
}

/// The plain noun phrase ending at `end` (exclusive), not crossing `from`.
fn phrase_left(doc: &Doc, from: usize, end: usize) -> (usize, bool) {
    let mut s = end;
    let mut subordinate = false;
    while s > from && end - s < MAX_NP {
        let i = s - 1;
        if doc.inside_quote(i) {
            break;
        }
        let w = doc.word(i);
        if w == ")" {
            // "Rep. Jim Jordan (R-Ohio) said": step over a short parenthesis.
            if let Some(o) = (i.saturating_sub(8).max(from)..i)
                .rev()
                .find(|&k| doc.word(k) == "(")
            {
                s = o;
                continue;
            }
            break;
        }
        if w == "." && i > from && doc.abbreviation(i - 1) {
            s = i;
            continue;
        }
        let ok = if doc.is_word(i) {
            let lw = doc.low(i);
            // "That person said": a capitalised determiner before its noun.
            let det = doc.is_cap(i)
                && doc.has(i, class::DET)
                && doc.is_lower_word(i + 1)
                && !doc.has(
                    i + 1,
                    class::AUX | class::SUBJ | class::PREP | class::BOUNDARY | class::CUE,
                );
            if doc.has(i, class::BOUNDARY)
                && !det
                && (doc.is_lower_word(i)
                    || i == from
                    || !doc.is_cap(i + 1)
                    || doc.has(i, class::SUB))
            {
                // "The law, which critics said was unfair, passed": a relative clause
                // between commas ends at the next one, as a subordinate clause does.
                subordinate = doc.has(i, class::SUB)
                    || (matches!(lw, "which" | "who") && i > from && doc.is_punct(i - 1, ","));
                false
            } else if lw == "and" || lw == "&" {
                // "Kyiv and Washington", "Developers and supporters in Congress", not
                // "… the information and he".
                let named_or_plural = |k: usize| {
                    doc.is_cap(k)
                        || (doc.is_lower_word(k)
                            && doc.low(k).len() > 3
                            && doc.low(k).ends_with('s')
                            && !doc.low(k).ends_with("ss")
                            && !doc.has(
                                k,
                                class::AUX
                                    | class::CUE
                                    | class::SUBJ
                                    | class::PERSON
                                    | class::FIRST
                                    | class::PREP,
                            ))
                };
                // One side named: two lowercase plurals may be a clause and its object
                // ("visited the farms and residents said").
                i > from
                    && (doc.is_cap(i - 1) && named_or_plural(i + 1)
                        || named_or_plural(i - 1) && doc.is_cap(i + 1))
            } else {
                // Verbs end the phrase: past forms and participles ("began taking"),
                // auxiliaries and cues, except a cue word after a determiner, which is a
                // noun ("the report says").
                // An -ing word right before the cue is its subject ("recent polling
                // shows").
                let gerund = i + 1 == end;
                // An -ed word right before a cue that is also a plural noun makes the cue
                // its object ("rejected reports that …"; not "those surveyed said").
                let verb_form = doc.is_lower_word(i)
                    && (doc.has(i, class::PAST)
                        || (gerund
                            && lw.len() > 4
                            && lw.ends_with("ed")
                            && doc.low(end).ends_with('s'))
                        || (lw.ends_with("ing")
                            && lw.len() > 4
                            && !gerund
                            && !doc.has(i.wrapping_sub(1), class::DET)
                            && !ing_modifier(doc, from, i, end)))
                    && !doc.has(i, class::ROLE | class::GROUP | class::ORG | class::MEDIA);
                let verb = doc.is_lower_word(i)
                    && (doc.has(i, class::AUX) || doc.has(i, class::CUE))
                    && !doc.has(i, class::ROLE)
                    && !(i > from && doc.has(i - 1, class::DET) && doc.has(i, class::CUE));
                !(verb_form || verb)
            }
        } else {
            match doc.toks[i].kind {
                crate::tokens::TokenKind::Handle | crate::tokens::TokenKind::Number => true,
                // "WASHINGTON (Reuters) - U.S. …": a spaced dash ends a dateline.
                _ => {
                    matches!(w, "’" | "'" | "&" | "-" | "/")
                        && !(doc.is_dash(i) && i > from && {
                            let d = doc.word(i - 1);
                            d == ")" || d.len() > 2 && d.chars().all(|ch| ch.is_ascii_uppercase())
                        })
                }
            }
        };
        if !ok {
            break;
        }
        s = i;
    }
    if end - s >= MAX_NP {
        return (end, false);
    }
    // "the investment he said …", "Wednesday he said", "a decision they say allowed …":
    // a personal pronoun right before the verb is its subject; what stands before it is
    // an object or a time, not part of the source ("many of them", "you and I" are).
    if end > s + 1
        && doc.is_lower_word(end - 1)
        && matches!(doc.low(end - 1), "he" | "she" | "they" | "we" | "i" | "it")
        && !matches!(doc.low(end - 2), "of" | "and" | "or" | "nor")
    {
        s = end - 1;
    }
    // Drop sentence adverbs and dangling joiners from the front.
    while s < end && (doc.has(s, class::LEAD) || matches!(doc.word(s), "’" | "'" | "-" | "/")) {
        if doc.low(s) == "both" && end - s > 2 {
            break;
        }
        s += 1;
    }
    // "with footage of Trump saying": a phrase that opens with a preposition names
    // whoever follows its last preposition.
    if s < end
        && doc.is_lower_word(s)
        && (doc.has(s, class::PREP)
            || matches!(
                doc.low(s),
                "with" | "of" | "for" | "by" | "from" | "about" | "among"
            ))
    {
        if let Some(k) = (s..end).rev().find(|&k| {
            doc.is_lower_word(k)
                && (doc.has(k, class::PREP)
                    || matches!(
                        doc.low(k),
                        "with" | "of" | "for" | "by" | "from" | "about" | "among"
                    ))
        }) {
            if k + 1 < end && doc.is_cap(k + 1) {
                s = k + 1;
            }
        }
    }
    // A leading prepositional phrase without its comma ("In Kyiv Zelensky said"):
    // keep the phrase only when it is all the source has.
    if s < end && doc.has(s, class::PREP) && doc.low(s) != "to" {
        if let Some(k) = (s + 1..end)
            .rev()
            .find(|&k| doc.is_cap(k) && !doc.is_cap(k - 1) || k == s + 1)
        {
            if k > s + 1 && doc.is_cap(k) {
                s = k;
            }
        }
    }
    (s, subordinate)
}

/// The -ing word at `i` belongs to the name phrase that ends at `end`: it modifies the
/// noun after it ("the human rights monitoring mission said", not "a story detailing
/// four reports"), or follows the noun it describes ("Officials investigating the crash
/// said"); not after a comma ("…, echoing security experts").
fn ing_modifier(doc: &Doc, from: usize, i: usize, end: usize) -> bool {
    // After a preposition the -ing word is a verb ("by slamming candidates").
    let joined = i == from
        || doc.is_word(i - 1)
            && !doc.has(i - 1, class::AUX | class::CUE | class::PREP | class::SUB)
            && !matches!(
                doc.low(i - 1),
                "by" | "of" | "for" | "with" | "from" | "about"
            );
    if !joined {
        return false;
    }
    let before_noun = end - i <= 3
        && (i + 1..end).all(|k| {
            doc.is_lower_word(k) && !doc.has(k, class::DET | class::PREP | class::AUX | class::SUBJ)
        });
    // "Officials investigating the crash said": a short object right after it.
    let after_noun =
        i > from && head_noun(doc, i - 1) && doc.has(i + 1, class::DET) && end - i <= 4;
    before_noun || after_noun
}

/// Token `k` can head a name phrase that a participle describes: a name, a plural noun
/// ("officials", "people") or a word of role or group.
fn head_noun(doc: &Doc, k: usize) -> bool {
    if !doc.is_word(k)
        || doc.has(
            k,
            class::AUX | class::CUE | class::PREP | class::SUB | class::SUBJ | class::DET,
        )
    {
        return false;
    }
    let w = doc.low(k);
    doc.is_cap(k)
        || doc.has(k, class::ROLE | class::GROUP)
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
}

/// The source on the left of the cue at `cue`, within a unit starting at `from`.
pub(crate) fn left(doc: &Doc, from: usize, cue: usize) -> Option<Left> {
    let e = skip_left(doc, from, cue);
    if e <= from {
        return None;
    }
    if doc.is_punct(e - 1, ",") {
        // "N, A, said": an apposition or a parenthetical ("Derek Mitchell, who served
        // as ambassador, said").
        let inner_end = e - 1;
        let k = (inner_end.saturating_sub(40).max(from)..inner_end)
            .rev()
            .take_while(|&k| {
                !doc.inside_quote(k) && !matches!(doc.word(k), ";" | ":" | "." | "!" | "?")
                    || doc.abbreviation(k.wrapping_sub(1))
            })
            .find(|&k| doc.is_punct(k, ","));
        // "Sen. Jack Reed (D-R.I.), said …": a stray comma after the only phrase.
        let Some(k) = k else {
            let (a, subordinate) = phrase_left(doc, from, inner_end);
            let name = (a..inner_end).all(|k| !doc.is_word(k) || doc.is_cap(k));
            return (a == from && a < inner_end && name).then_some(Left {
                a,
                b: inner_end,
                subordinate,
            });
        };
        let inner_start = k + 1;
        if inner_start >= inner_end {
            return None;
        }
        // "Sandy Phillips, who lost her daughter in Aurora, Colorado, said", "Woodrow
        // Benford, 58, who lives …, says": a parenthetical with commas inside; the name
        // stands before the comma that opens it.
        let opens = |c: usize| {
            let w = c + 1;
            (doc.is_lower_word(w)
                && (matches!(doc.low(w), "who" | "whose" | "which")
                    || (doc.low(w).len() > 5 && doc.low(w).ends_with("ing"))))
                || (doc.toks[w].kind == crate::tokens::TokenKind::Number
                    && doc.is_punct(w + 1, ","))
        };
        let far = (inner_end.saturating_sub(40).max(from)..k)
            .rev()
            .take_while(|&c| {
                !doc.inside_quote(c) && !matches!(doc.word(c), ";" | ":" | "." | "!" | "?")
                    || doc.abbreviation(c.wrapping_sub(1))
            })
            .filter(|&c| doc.is_punct(c, ",") && opens(c))
            .last();
        if let Some(c) = far {
            let (a, subordinate) = phrase_left(doc, from, c);
            if a < c && (doc.is_cap(a) || doc.has(a, class::DET)) {
                return Some(Left {
                    a,
                    b: c,
                    subordinate,
                });
            }
        }
        let (outer_start, subordinate) = phrase_left(doc, from, k);
        let (plain_start, _) = phrase_left(doc, inner_start, inner_end);
        let parenthetical = (doc.is_lower_word(inner_start)
            && !doc.has(inner_start, class::DET)
            && !doc.has(inner_start, class::ROLE))
            || plain_start != inner_start;
        if outer_start == k {
            return (!parenthetical).then_some(Left {
                a: inner_start,
                b: inner_end,
                subordinate: false,
            });
        }
        return Some(Left {
            a: outer_start,
            b: if parenthetical { k } else { inner_end },
            subordinate,
        });
    }
    let (s, subordinate) = phrase_left(doc, from, e);
    // "…, said Mr. Kamin, who emphasized that …": the relative pronoun is the source.
    if s == e && matches!(doc.low(e - 1), "who" | "which") && doc.is_lower_word(e - 1) {
        // A relative clause ends at its comma: "X, who said …, spoke on Monday".
        return Some(Left {
            a: e - 1,
            b: e,
            subordinate: true,
        });
    }
    (s < e).then_some(Left {
        a: s,
        b: e,
        subordinate,
    })
}

/// The source after an inverted cue ("said the minister", "said Kremlin spokesman
/// Dmitry Peskov"); `to` bounds the search.
pub(crate) fn right(doc: &Doc, from: usize, to: usize) -> Option<(usize, usize)> {
    let mut e = from;
    while e < to && e - from < MAX_NP {
        let ok = if doc.inside_quote(e) {
            false
        } else if doc.is_cap(e) || doc.toks[e].kind == crate::tokens::TokenKind::Number {
            true
        } else if doc.is_lower_word(e) {
            let l = doc.low(e);
            (l == "of" && doc.is_cap(e + 1))
                || !(doc.has(
                    e,
                    class::PREP
                        | class::SKIP
                        | class::BOUNDARY
                        | class::AUX
                        | class::CUE
                        | class::NAMING,
                ) || l == "that"
                    || l == "of")
        } else {
            (doc.word(e) == "." && e > from && doc.abbreviation(e - 1))
                || matches!(doc.word(e), "’" | "'" | "-" | "&")
        };
        if !ok {
            break;
        }
        e += 1;
    }
    // A source names someone: not a bare determiner or "of".
    while e > from && (doc.has(e - 1, class::DET) || doc.low(e - 1) == "of") {
        e -= 1;
    }
    (e > from).then_some((from, e))
}
