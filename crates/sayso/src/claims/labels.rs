//! The label rules: lexicon phrases and number phrases of one sentence become labels with
//! evidence (SPEC §2 and the decided cases of §6).

use super::lexicons::tag;
use super::quantity::{self, Quantity, QuantityKind};
use super::sentence::View;
use crate::document::{Evidence, Label};

/// A lexicon phrase in sentence-local token indexes `[from, to)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LocalHit {
    pub(crate) from: usize,
    pub(crate) to: usize,
    pub(crate) tags: u32,
}

/// What the rules saw, beyond labels: inputs of the check-worthiness score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Signals {
    pub(crate) money: u32,
    pub(crate) percent: u32,
    pub(crate) counts: u32,
    pub(crate) dates: u32,
    pub(crate) conditional: bool,
    pub(crate) modal_future: u32,
    pub(crate) generic_events: u32,
    /// The sentence opens with an imperative to the listener ("Look at …", "Remember …").
    pub(crate) imperative: bool,
}

/// Labels, evidence and hedging of one sentence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Found<'t> {
    pub(crate) evidence: Vec<Evidence<'t>>,
    pub(crate) hedged: bool,
    pub(crate) signals: Signals,
}

impl Found<'_> {
    pub(crate) fn clear(&mut self) {
        self.evidence.clear();
        self.hedged = false;
        self.signals = Signals::default();
    }
    /// Labels with evidence, in SPEC order, without repeats.
    pub(crate) fn labels(&self) -> Vec<Label> {
        let mask = self.mask();
        Label::ALL
            .into_iter()
            .filter(|l| mask & 1 << (*l as u8) != 0)
            .collect()
    }
    /// Labels with evidence as a bit set (bit `i` for `Label::ALL[i]`).
    pub(crate) fn mask(&self) -> u8 {
        self.evidence
            .iter()
            .fold(0, |m, e| m | 1 << (e.label as u8))
    }
    pub(crate) fn has(&self, label: Label) -> bool {
        self.evidence.iter().any(|e| e.label == label)
    }
}

/// Adds evidence `[from, to)` for `label` unless it overlaps evidence of that label.
fn add<'t>(v: &View<'_, 't>, found: &mut Found<'t>, label: Label, from: usize, to: usize) {
    if from >= to {
        return;
    }
    let span = v.span(from, to);
    if span.is_empty() {
        return;
    }
    let overlaps = found
        .evidence
        .iter()
        .any(|e| e.label == label && e.span.start() < span.end() && span.start() < e.span.end());
    if !overlaps {
        found.evidence.push(Evidence { label, span });
    }
}

/// Labels the sentence in `v`, whose lexicon phrases are `hits`.
pub(crate) fn label<'t>(
    v: &mut View<'_, 't>,
    hits: &[LocalHit],
    quantities: &mut Vec<Quantity>,
    found: &mut Found<'t>,
) {
    found.clear();
    let n = v.len();
    let mut first = v.first_token();
    // "And look at …", "So remember …": a conjunction may open the imperative.
    if v.is_word(first) && matches!(v.lower(first), "and" | "so" | "but" | "now" | "just") {
        first += 1;
    }
    found.signals.imperative = imperative_at(v, first);
    // One pass over the words for the rules that look for a word rather than a phrase.
    let mut can = false;
    for i in 0..n {
        if !v.is_word(i) {
            continue;
        }
        let w = v.lower(i);
        match w {
            "can" | "cannot" => can = true,
            "since" => causal_since_at(v, i, found),
            "than" => comparative_at(v, i, found),
            "did" | "didn't" => negated_past_at(v, i, found),
            "up" | "down" => trend_at(v, i, found),
            "more" | "less" => predicative_comparative_at(v, i, found),
            "ranks" | "ranked" => rank_at(v, i, found),
            "first" | "only" | "last" => record_at(v, i, found),
            // Irregular participles the suffix rules miss ("we've never had a foreign
            // government …", "women have come forward").
            "had" | "come" => perfect_at(v, i, found),
            // The suffix rules, told apart by the last letter first: most words end in
            // none of their suffixes, and one byte says so.
            _ => match w.as_bytes().last() {
                Some(b't') if w.len() >= 7 && w.ends_with("iest") => superlative_at(v, i, found),
                Some(b't') if w.len() >= 6 && w.ends_with("est") && !est_noun(w) => {
                    superlative_at(v, i, found)
                }
                Some(b'l') if w.ends_with("'ll") => contraction_at(v, i, found),
                Some(b'n' | b'e')
                    if w.len() > 3
                        && (w.ends_with("en")
                            || w.ends_with("wn")
                            || w.ends_with("one")
                            || w.ends_with("un")) =>
                {
                    perfect_at(v, i, found)
                }
                Some(b'd' | b'g') if w.ends_with("ed") || w.ends_with("ing") => {
                    generic_verb_at(v, i, found)
                }
                _ => {}
            },
        }
    }
    let modal_in_sentence = can
        || hits.iter().any(|h| {
            h.tags & tag::PREDICTION != 0 && !matches!(v.lower(h.from), "if" | "unless" | "were")
        });

    for (k, h) in hits.iter().enumerate() {
        let (from, to, tags) = (h.from, h.to, h.tags);
        if from >= n {
            continue;
        }
        let single = to == from + 1;
        // A capitalised word inside a sentence is a name ("May", "Will", "Hope"), unless the
        // line is a headline or the word is a law's name ("the Act").
        if single
            && v.is_capitalized(from)
            && from != v.first_token()
            && !v.heading_like()
            && tags & tag::RULE_NOUN == 0
            && v.text(from) != "I"
            && !shouted(v.text(from))
        {
            continue;
        }
        let word = v.lower(from);
        let next_not = to < n && matches!(v.lower(to), "not" | "n't");
        let ability = word == "could" && next_not || word == "couldn't";
        // "the will of the people"
        let noun_use = matches!(word, "will" | "may" | "might" | "act")
            && from > 0
            && matches!(
                v.lower(from - 1),
                "the" | "a" | "his" | "her" | "their" | "its" | "our" | "free" | "political"
            );

        if tags & tag::HEDGE != 0 && !ability && !noun_use {
            let own_claim = word.starts_with("claim")
                || word.starts_with("charged")
                || word.starts_with("alleg");
            let first_person = from > 0 && matches!(v.lower(from - 1), "i" | "we");
            if !(own_claim && first_person) {
                found.hedged = true;
            }
        }
        if tags & tag::QUANTITY != 0 {
            let (a, b) = v.phrase(from, to, 0, 3);
            add(v, found, Label::Quantity, a, b);
            found.signals.counts += 1;
        }
        if tags & tag::COMPARISON != 0 {
            let numeric_next = to < n && (v.is_number(to) || v.in_numbers(to) || v.text(to) == "$");
            let than =
                word.ends_with("than") || word == "more" || word == "less" || word == "fewer";
            let most_of = matches!(word, "most" | "least") && to < n && v.lower(to) == "of";
            // "the most serious", "most economically vulnerable" compare; "most
            // circumstances" counts.
            let most_alone = matches!(word, "most" | "least")
                && !(from > 0 && v.lower(from - 1) == "the")
                && (to >= n || !v.is_word(to) || !adjective_like(v.lower(to)));
            if !(most_of
                || most_alone
                || than && numeric_next
                || time_clause(v, from, to)
                || bare_comparative(v, from, to)
                || attributive_trend(v, from, to)
                || demanded_trend(v, from, to))
            {
                let mut a = from;
                while a > 0
                    && matches!(
                        v.lower(a - 1),
                        "the" | "a" | "an" | "of" | "one" | "its" | "their"
                    )
                {
                    a -= 1;
                }
                let (_, b) = v.phrase(from, to, 0, 5);
                add(v, found, Label::Comparison, a, b);
            }
        }
        if tags & tag::CAUSAL != 0 {
            add(v, found, Label::Causal, from, to);
        }
        let mut rule_would = false;
        if tags & tag::RULE_VERB != 0 && !noun_use {
            // "The legislation would end ...", "a treaty that requires ...": the law says.
            let noun = hits[..k]
                .iter()
                .rev()
                .take(3)
                .find(|p| p.tags & tag::RULE_NOUN != 0 && p.to <= from && from - p.to <= 3);
            if let Some(p) = noun {
                let clause_break = (p.to..from).any(|i| v.is_punct(i));
                if !clause_break {
                    let mut a = p.from;
                    if a > 0 && matches!(v.lower(a - 1), "the" | "a" | "this" | "that" | "its") {
                        a -= 1;
                    }
                    let (_, b) = v.phrase(from, to, 0, 7);
                    add(v, found, Label::Rule, a, b);
                    rule_would = true;
                }
            }
            // "Congress reduced the tax", "imports have been reduced": with no law before
            // it, a rule verb's past tense narrates an action.
            // "we're giving them money": a progressive too (with its object).
            if !rule_would
                && single
                && (word.ends_with("ed") || word.ends_with("ing"))
                && tags & tag::SPEECH == 0
            {
                past_or_progressive_at(v, from, found);
            }
        }
        if tags & tag::RULE != 0 && !noun_use {
            let (a, b) = v.phrase(from, to, 3, 5);
            add(v, found, Label::Rule, a, b);
        }
        // "would have received": a counterfactual past; "I would.": an ellipsis; "would be
        // eligible": what a rule grants.
        // ("going to have free trade" is a plan.)
        let counterfactual = to + 1 < n
            && v.lower(to) == "have"
            && v.is_word(to + 1)
            && matches!(
                word,
                "would" | "could" | "might" | "may" | "should" | "must" | "wouldn't" | "couldn't"
            );
        let bare = (to >= n || v.is_punct(to))
            && matches!(
                word,
                "will" | "would" | "could" | "may" | "might" | "shall" | "can"
            );
        // Asked last: a walk over the next phrases.
        let grants = || {
            hits[k + 1..]
                .iter()
                .take_while(|p| p.from <= to + 3)
                .any(|p| p.tags & tag::RULE != 0)
        };
        if tags & tag::PREDICTION != 0
            && !ability
            && !noun_use
            && !rule_would
            && !counterfactual
            && !bare
            && !grants()
        {
            let conditional = matches!(word, "if" | "unless" | "were");
            if conditional {
                if modal_in_sentence {
                    found.signals.conditional = true;
                    let (_, b) = v.phrase(to, to, 0, 6);
                    add(v, found, Label::Prediction, from, b.max(to));
                }
            } else {
                found.signals.modal_future += 1;
                let (_, b) = v.phrase(to, to, 0, 3);
                add(v, found, Label::Prediction, from, b.max(to));
            }
        }
        if tags & tag::POSITION != 0 && !noun_use {
            let (a, b) = v.phrase(from, to, 3, 5);
            add(v, found, Label::Position, a, b);
        }
        // "its offensive in the east": an adjective-like word between a determiner and a
        // preposition is a noun.
        if tags & tag::OPINION != 0 && !(single && noun_between(v, from)) {
            let mut a = from;
            while a > 0 && v.is_word(a - 1) && {
                let w = v.lower(a - 1);
                matches!(
                    w,
                    "very"
                        | "so"
                        | "too"
                        | "most"
                        | "quite"
                        | "truly"
                        | "deeply"
                        | "extremely"
                        | "really"
                        | "highly"
                )
            } {
                a -= 1;
            }
            add(v, found, Label::Opinion, a, to);
        }
        // "their last meeting in December 2019": an event noun dated right after it
        // tells what happened, whatever stands before it.
        let dated = tags & tag::EVENT != 0 && dated_after(v, to);
        if tags & tag::EVENT != 0
            && tags & (tag::SPEECH | tag::POSITION) == 0
            && !v.modal_before(from)
            && (dated || !v.after_determiner(from))
            && !v.in_condition(from)
            && (dated || !single || !word.ends_with("ing") || progressive_be(v, from))
            && !(single && reduced_relative(v, from))
            && !(single && !word.ends_with("ing") && participle_state(v, from))
            && !(single && word.ends_with("ing") && from > 0 && degree_adverb(v.lower(from - 1)))
            && !asks_listener(v, from)
        {
            let (a, b) = v.phrase(from, to, 4, 5);
            add(v, found, Label::Event, a, b);
        }
        // "posted a video of the strike": posting a media object is an action, not speech.
        if tags & tag::SPEECH != 0 && single && posts_media(v, from) {
            let (a, b) = v.phrase(from, to, 4, 5);
            add(v, found, Label::Event, a, b);
        }
    }

    // "only if their marriage is recognized": the condition of a rule, not a forecast.
    if found.has(Label::Rule) && found.signals.conditional && found.signals.modal_future == 0 {
        found.evidence.retain(|e| e.label != Label::Prediction);
    }

    quantities.clear();
    let non = quantity::find(v, quantities);
    found.signals.dates += non.dates;
    for q in quantities.iter() {
        match q.kind {
            QuantityKind::Money => found.signals.money += 1,
            QuantityKind::Percent => found.signals.percent += 1,
            QuantityKind::Count => found.signals.counts += 1,
        }
        add(v, found, Label::Quantity, q.from, q.to);
    }
}

/// Past tenses, participles and progressives no lexicon knows: "was wounded", "troops
/// shelled", "she’s lied", "Kevin was snoring" are events when an auxiliary or a subject
/// comes right before (adverbs and "not" may stand between).
fn generic_verb_at<'t>(v: &mut View<'_, 't>, i: usize, found: &mut Found<'t>) {
    if !v.covered(i) {
        past_or_progressive_at(v, i, found);
    }
}

/// The test of [`generic_verb_at`] for a word at `i`, covered by a lexicon or not.
fn past_or_progressive_at<'t>(v: &mut View<'_, 't>, i: usize, found: &mut Found<'t>) {
    if i == 0 || !v.is_word(i) || v.is_capitalized(i) {
        return;
    }
    let w = v.text(i);
    if w.len() < 4 || !w.is_ascii() || w.contains('-') {
        return;
    }
    let past = w.ends_with("ed") && !w.ends_with("eed");
    // "something", "nothing": nouns, not progressives.
    let progressive = w.len() >= 6 && w.ends_with("ing") && !w.ends_with("thing");
    if !past && !progressive {
        return;
    }
    // The word before, skipping adverbs and negation.
    let mut p = i - 1;
    while p > 0 && v.is_word(p) && {
        let l = v.lower(p);
        l == "not"
            || l == "never"
            || l == "also"
            || l == "just"
            || l == "already"
            || (l.len() > 4 && l.ends_with("ly"))
    } {
        p -= 1;
    }
    if v.covered(p) && !v.in_auxiliaries(p) {
        return;
    }
    let ok = if !v.is_word(p) {
        v.token(p).kind == crate::tokens::TokenKind::Handle && past
    } else if progressive {
        // Past progressives narrate ("Kevin was snoring"); present ones mostly
        // characterise ("Russia is stalling"), unless the action has an object: "troops
        // are shelling the city" is an action happening now. After a word of degree the
        // form is an adjective ("was deeply moving").
        let l = v.lower(p);
        (matches!(l, "was" | "were")
            || (matches!(l, "is" | "are" | "am" | "been") || contracted_be(l))
                && v.lower(i) != "going"
                && has_object(v, i + 1))
            && !degree_adverb(v.lower(i - 1))
    } else {
        // After a noun, an object must follow ("troops shelled the city"), else the
        // participle is an adjective ("previous misinterpreted statements").
        let noun_subject = !(v.in_function_words(p)
            || v.in_approximators(p)
            || v.in_clause_words(p)
            || v.after_determiner(i))
            && i + 1 < v.len()
            && (clause_end(v, i + 1)
                || v.is_capitalized(i + 1)
                || v.is_number(i + 1)
                || v.in_numbers(i + 1)
                || v.is_word(i + 1) && {
                    let w = v.lower(i + 1);
                    opens_object(w)
                        && !matches!(w, "your" | "my" | "us" | "this" | "these" | "those")
                        || matches!(w, "several" | "many" | "some" | "all" | "both" | "no")
                });
        (v.in_auxiliaries(p)
            || contracted_aux(v.lower(p))
            || v.is_capitalized(p)
            || noun_subject
            || subject_pronoun(v.lower(p))
            || relative_subject(v, p, i))
            && !present_state(v, p, i)
            && !gerund_passive(v, p)
    };
    if ok && !v.modal_before(p + 1) && !v.in_condition(i) && !asks_listener(v, i) {
        let (a, b) = v.phrase(i, i + 1, 4, 5);
        found.signals.generic_events += 1;
        add(v, found, Label::Event, a, b);
    }
}

/// "they allowed", "we closed": after a subject pronoun an "-ed" form is a past tense
/// (participles need an auxiliary, adjectives a noun).
fn subject_pronoun(w: &str) -> bool {
    matches!(w, "i" | "we" | "he" | "she" | "they" | "you" | "who")
}

/// "the ones that lowered the barrier": a relative pronoun is the subject of a past
/// tense that takes an object.
fn relative_subject(v: &mut View<'_, '_>, p: usize, i: usize) -> bool {
    matches!(v.lower(p), "that" | "which")
        && p > 0
        && v.is_word(p - 1)
        && {
            let before = v.lower(p - 1);
            // "so that", "now that", "said that": a conjunction, not a relative pronoun.
            !matches!(before, "so" | "now" | "given" | "except" | "such") && !v.covered(p - 1)
        }
        && has_object(v, i + 1)
}

/// "the talks collapsed.", "those lines already existed;": a clause ends after the verb,
/// so an "-ed" form after its noun is no adjective before another noun.
fn clause_end(v: &mut View<'_, '_>, j: usize) -> bool {
    v.is_punct(j)
        && matches!(v.text(j), "." | ";" | "!" | "?")
        // Participles that follow their noun ("all other countries combined", "the
        // people involved").
        && !matches!(
            v.lower(j - 1),
            "combined" | "included" | "involved" | "concerned" | "affected" | "mentioned"
                | "listed" | "attached" | "required" | "needed" | "named" | "aged" | "based"
        )
}

/// Token `j` opens a noun phrase that can be a verb's object: a determiner or possessive,
/// a number, a name, or a plural noun ("are sending troops").
fn has_object(v: &mut View<'_, '_>, j: usize) -> bool {
    if j >= v.len() {
        return false;
    }
    if v.is_number(j) || v.in_numbers(j) {
        return true;
    }
    if !v.is_word(j) {
        return false;
    }
    if v.is_capitalized(j) {
        return true;
    }
    let w = v.lower(j);
    if opens_object(w) {
        return true;
    }
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("ous")
        && !v.in_function_words(j)
        && !v.in_clause_words(j)
}

/// Determiners, possessives and object pronouns that open a verb's object.
fn opens_object(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "your"
            | "my"
            | "them"
            | "him"
            | "us"
            | "you"
            | "me"
            | "this"
            | "these"
            | "those"
    )
}

/// "we’ve", "she’s", "they’d": an auxiliary inside the pronoun's token.
fn contracted_aux(w: &str) -> bool {
    ["'ve", "'s", "'d", "'re"].iter().any(|s| w.ends_with(s)) && w.len() > 3
}

/// "households led by", "records held by": a participle after its noun, not a verb with
/// a subject.
fn reduced_relative(v: &mut View<'_, '_>, i: usize) -> bool {
    i > 0
        && i + 1 < v.len()
        && v.is_word(i - 1)
        && !v.is_capitalized(i - 1)
        && !v.in_auxiliaries(i - 1)
        && v.lower(i + 1) == "by"
}

/// An -ing form is a verb after a form of "be" ("troops are shelling"), else mostly a
/// noun or an adjective ("a leaders’ meeting", "a diplomatic opening").
/// Token `i` opens a date: "in December 2019", "on Monday", "since 2014".
fn dated_after(v: &mut View<'_, '_>, i: usize) -> bool {
    if i + 1 >= v.len() || !v.is_word(i) || !matches!(v.lower(i), "in" | "on" | "since") {
        return false;
    }
    let next = v.text(i + 1);
    let year = next.len() == 4
        && next.bytes().all(|b| b.is_ascii_digit())
        && (next.starts_with("19") || next.starts_with("20"));
    year || v.in_months(i + 1)
}

fn progressive_be(v: &mut View<'_, '_>, i: usize) -> bool {
    let mut p = i;
    while p > 0 {
        p -= 1;
        if !v.is_word(p) {
            return false;
        }
        let w = v.lower(p);
        if matches!(w, "is" | "are" | "was" | "were" | "been" | "be" | "am") || contracted_be(w) {
            return true;
        }
        if !(w == "not" || w == "still" || w == "also" || w.len() > 4 && w.ends_with("ly")) {
            return false;
        }
    }
    false
}

fn contracted_be(w: &str) -> bool {
    ["'s", "'re", "'m"].iter().any(|s| w.ends_with(s)) && w.len() > 2
}

/// Verbs of thinking, wanting and needing are no action, negated or not.
fn covered_by_mental(v: &mut View<'_, '_>, i: usize) -> bool {
    matches!(
        v.lower(i),
        "need"
            | "want"
            | "think"
            | "know"
            | "believe"
            | "like"
            | "care"
            | "understand"
            | "see"
            | "mean"
            | "have"
            | "feel"
            | "expect"
            | "hope"
            | "agree"
    )
}

/// "didn't extend", "did not do", "never made": a negated past action is still one.
fn negated_past_at<'t>(v: &mut View<'_, 't>, i: usize, found: &mut Found<'t>) {
    if i + 1 >= v.len() {
        return;
    }
    if !v.is_word(i) {
        return;
    }
    let l = v.lower(i);
    let next = if l == "didn't" || l == "didn’t" {
        i + 1
    } else if l == "did" && v.is_word(i + 1) && matches!(v.lower(i + 1), "not" | "n't") {
        i + 2
    } else if l == "did" && emphatic_did(v, i) {
        // "I did vote to close the loopholes": an emphatic past, still an action.
        let (a, b) = v.phrase(i, i + 2, 3, 4);
        add(v, found, Label::Event, a, b);
        return;
    } else if l == "did" && did_object(v, i) {
        // "The committee did a study": "did" as the main verb, with its object.
        let (a, b) = v.phrase(i, i + 2, 3, 3);
        add(v, found, Label::Event, a, b);
        return;
    } else {
        return;
    };
    if next < v.len()
        && v.is_word(next)
        && !v.in_function_words(next)
        && !covered_by_mental(v, next)
    {
        let (a, b) = v.phrase(i, next + 1, 3, 4);
        add(v, found, Label::Event, a, b);
    }
}

/// "did a study", "did the job": a determiner after "did" opens its object (not in a
/// question, where "did" is an auxiliary: "did the board agree?").
fn did_object(v: &mut View<'_, '_>, i: usize) -> bool {
    i + 1 < v.len()
        && v.is_word(i + 1)
        && matches!(
            v.lower(i + 1),
            "a" | "an"
                | "the"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "everything"
                | "it"
                | "that"
                | "this"
                | "so"
                | "nothing"
        )
        && !(i..v.len()).any(|j| v.text(j) == "?")
}

/// "I did vote", "the Senate did pass it": "did" between a subject and a bare verb is
/// an emphatic past (not a question: "did he vote?", nor an ellipsis: "as he did in
/// 1990", "so did I").
fn emphatic_did(v: &mut View<'_, '_>, i: usize) -> bool {
    let verb = i + 1 < v.len()
        && v.is_word(i + 1)
        && !v.is_capitalized(i + 1)
        && !v.in_function_words(i + 1)
        && !v.covered(i + 1)
        && !covered_by_mental(v, i + 1)
        && !v.lower(i + 1).ends_with("ly")
        && !matches!(
            v.lower(i + 1),
            "it" | "that" | "so" | "not" | "nothing" | "too" | "last" | "well" | "once" | "what"
        );
    let subject = i > 0
        && v.is_word(i - 1)
        && (subject_pronoun(v.lower(i - 1)) || v.is_capitalized(i - 1) && i - 1 != v.first_token());
    verb && subject && v.lower(i - 1) != "who" && !(i..v.len()).any(|j| v.text(j) == "?")
}

/// "posted a photo of", "tweeted a video", "posted maps": a past verb of posting whose
/// object (within three words) is a media object.
fn posts_media(v: &mut View<'_, '_>, i: usize) -> bool {
    let w = v.lower(i);
    if !(w.starts_with("post") || w.starts_with("tweet") || w.starts_with("retweet"))
        || !w.ends_with("ed")
        || v.modal_before(i)
        || v.in_condition(i)
    {
        return false;
    }
    let end = (i + 4).min(v.len());
    (i + 1..end).any(|j| {
        v.is_word(j)
            && matches!(
                v.lower(j),
                "photo"
                    | "photos"
                    | "photograph"
                    | "photographs"
                    | "picture"
                    | "pictures"
                    | "image"
                    | "images"
                    | "video"
                    | "videos"
                    | "clip"
                    | "clips"
                    | "footage"
                    | "map"
                    | "maps"
                    | "chart"
                    | "charts"
                    | "graphic"
                    | "screenshot"
                    | "screenshots"
                    | "selfie"
                    | "meme"
                    | "recording"
                    | "document"
                    | "documents"
            )
    })
}

/// "Have you noticed …?", "Did you see the report?": a question to the listener asks,
/// it reports no action.
fn asks_listener(v: &mut View<'_, '_>, i: usize) -> bool {
    let Some(p) = before_adverbs(v, i) else {
        return false;
    };
    if v.lower(p) != "you" || p == 0 || !v.is_word(p - 1) {
        return false;
    }
    let aux = matches!(
        v.lower(p - 1),
        "have"
            | "has"
            | "had"
            | "did"
            | "do"
            | "are"
            | "were"
            | "haven't"
            | "didn't"
            | "don't"
            | "aren't"
            | "weren't"
    );
    aux && (i..v.len()).any(|j| v.text(j) == "?")
}

/// "since" is causal after a comma or "that" and before a clause ("…, since most of them
/// agree"), temporal before a date or a time ("since 2022", "since then").
fn causal_since_at<'t>(v: &mut View<'_, 't>, i: usize, found: &mut Found<'t>) {
    if i == 0 {
        return;
    }
    if !v.is_word(i) || v.lower(i) != "since" {
        return;
    }
    let after_comma = v.text(i - 1) == "," || matches!(v.lower(i - 1), "that" | "and" | "but");
    let temporal_next = i + 1 >= v.len()
        || v.is_number(i + 1)
        || v.in_months(i + 1)
        || matches!(
            v.lower(i + 1),
            "then" | "last" | "early" | "the" | "before" | "after" | "at" | "its"
        );
    if after_comma && !temporal_next {
        add(v, found, Label::Causal, i, i + 1);
    }
}

/// "we'll", "they’ll": the future inside one token.
fn contraction_at<'t>(v: &mut View<'_, 't>, i: usize, found: &mut Found<'t>) {
    if v.is_word(i) && v.lower(i).ends_with("'ll") {
        found.signals.modal_future += 1;
        let (_, b) = v.phrase(i + 1, i + 1, 0, 3);
        add(v, found, Label::Prediction, i, b.max(i + 1));
    }
}

/// "Look at what happened", "Remember the first months": a sentence that opens with a
/// verb of attention addresses the listener (talk, like "you").
fn imperative_at(v: &mut View<'_, '_>, i: usize) -> bool {
    (v.is_word(i)
        && matches!(
            v.lower(i),
            "look" | "remember" | "imagine" | "consider" | "listen" | "picture"
        )
        || v.is_word(i) && v.lower(i) == "take" && i + 2 < v.len() && v.lower(i + 2) == "look")
        && !(i + 1 < v.len() && matches!(v.lower(i + 1), "is" | "was" | "are" | "were"))
}

/// "-er than": any comparative before "than" ("pays less in taxes than", "costlier
/// than"), not "rather than" or "other than".
fn comparative_at<'t>(v: &mut View<'_, 't>, i: usize, found: &mut Found<'t>) {
    if i == 0 {
        return;
    }
    if !v.is_word(i) || v.lower(i) != "than" {
        return;
    }
    let from = i.saturating_sub(4);
    for j in (from..i).rev() {
        if !v.is_word(j) {
            break;
        }
        let w = v.lower(j);
        let comparative = w.len() > 4
            && w.ends_with("er")
            && !matches!(
                w,
                "rather"
                    | "other"
                    | "whether"
                    | "never"
                    | "neither"
                    | "either"
                    | "under"
                    | "over"
                    | "after"
                    | "later"
                    | "sooner"
            )
            || matches!(w, "more" | "less" | "fewer" | "worse" | "better");
        if comparative {
            // "more than 800": a number follows; the quantity owns it.
            let numeric = i + 1 < v.len() && (v.is_number(i + 1) || v.in_numbers(i + 1));
            if !numeric && !v.covered(j) {
                add(v, found, Label::Comparison, j, i + 1);
            }
            break;
        }
    }
}

/// The word before `i` that is not an adverb or a negation.
fn before_adverbs(v: &mut View<'_, '_>, i: usize) -> Option<usize> {
    let mut p = i.checked_sub(1)?;
    while p > 0 && v.is_word(p) && {
        let l = v.lower(p);
        matches!(
            l,
            "not" | "never" | "also" | "just" | "already" | "still" | "n't"
        ) || (l.len() > 4 && l.ends_with("ly"))
    } {
        p -= 1;
    }
    v.is_word(p).then_some(p)
}

/// The word before `i` makes it a noun phrase's ranking: "the", a possessive pronoun or
/// a possessive ("the country’s", "America's").
fn ranked(v: &mut View<'_, '_>, i: usize) -> bool {
    i > 0
        && v.is_word(i - 1)
        && (matches!(
            v.lower(i - 1),
            "the" | "its" | "their" | "our" | "his" | "her" | "your" | "my"
        ) || v.lower(i - 1).ends_with("'s"))
}

/// "the wealthiest counties", "the country’s busiest port", "one of the shallowest": a
/// superlative no lexicon lists ("-iest" and "-est" forms; "priest" is too short to
/// count, nouns in "-est" are no superlatives).
fn superlative_at<'t>(v: &mut View<'_, 't>, i: usize, found: &mut Found<'t>) {
    if v.covered(i) || !ranked(v, i) {
        return;
    }
    let (_, b) = v.phrase(i, i + 1, 0, 3);
    add(v, found, Label::Comparison, i - 1, b);
}

/// Nouns and other words that end like a superlative ("the interest", "the Midwest").
fn est_noun(w: &str) -> bool {
    w.ends_with("rest")
        || w.ends_with("west")
        || w.ends_with("quest")
        || matches!(
            w,
            "request"
                | "protest"
                | "contest"
                | "harvest"
                | "manifest"
                | "honest"
                | "modest"
                | "dishonest"
                | "suggest"
                | "digest"
                | "invest"
                | "incest"
                | "behest"
                | "latest"
                | "slightest"
                | "attest"
                | "detest"
                | "priest"
                | "eldest"
        )
}

/// "the first state to ban it", "the only country to sign": a record (a ranking among
/// the actors who did something), not an ordinal ("the first round").
fn record_at<'t>(v: &mut View<'_, 't>, i: usize, found: &mut Found<'t>) {
    if v.covered(i) || i == 0 || !v.is_word(i - 1) || v.lower(i - 1) != "the" {
        return;
    }
    // "the only way to", "the first thing to do": advice, not a record.
    if i + 1 < v.len() && matches!(v.lower(i + 1), "way" | "thing" | "things" | "step" | "time") {
        return;
    }
    // "to" and a verb within a short noun phrase ("the first major city to").
    let mut j = i + 1;
    while j < v.len() && j <= i + 4 && v.is_word(j) {
        if v.lower(j) == "to" {
            let verb = j + 1 < v.len()
                && v.is_word(j + 1)
                && !v.is_capitalized(j + 1)
                && !v.in_function_words(j + 1);
            if verb && j > i + 1 {
                add(v, found, Label::Comparison, i - 1, j + 2);
            }
            return;
        }
        j += 1;
    }
}

/// "we are less safe", "it has become more expensive": a comparative stated with "be"
/// or "become" compares a state with another time or place.
fn predicative_comparative_at<'t>(v: &mut View<'_, 't>, i: usize, found: &mut Found<'t>) {
    if v.covered(i) || i + 1 >= v.len() || !v.is_word(i + 1) {
        return;
    }
    let Some(p) = before_adverbs(v, i) else {
        return;
    };
    let be = matches!(
        v.lower(p),
        "is" | "are" | "was" | "were" | "been" | "be" | "become" | "became" | "becomes"
    ) || contracted_be(v.lower(p));
    // An evaluative word after it is a judgement ("more important"), not a comparison.
    let next = v.lower(i + 1);
    // "is more like …", "it's more tinkering": no comparative adjective follows.
    let adjective = next != "like" && !next.ends_with("ing");
    if be && adjective && !v.covered(i + 1) && !v.in_function_words(i + 1) {
        add(v, found, Label::Comparison, i, i + 2);
    }
}

/// "ranks first in job growth", "was ranked among the safest": a ranking.
fn rank_at<'t>(v: &mut View<'_, 't>, i: usize, found: &mut Found<'t>) {
    if v.covered(i) || v.after_determiner(i) || i + 1 >= v.len() {
        return;
    }
    let ordinal = v.is_number(i + 1)
        || v.is_word(i + 1)
            && matches!(
                v.lower(i + 1),
                "first"
                    | "second"
                    | "third"
                    | "fourth"
                    | "fifth"
                    | "sixth"
                    | "seventh"
                    | "eighth"
                    | "ninth"
                    | "tenth"
                    | "last"
                    | "among"
                    | "near"
                    | "behind"
                    | "ahead"
                    | "number"
                    | "no"
                    | "no."
                    | "highest"
                    | "lowest"
                    | "top"
                    | "bottom"
            );
    if ordinal {
        let (_, b) = v.phrase(i, i + 2, 0, 3);
        add(v, found, Label::Comparison, i, b);
    }
}

/// "is not up", "are dramatically down": a trend stated with "be".
fn trend_at<'t>(v: &mut View<'_, 't>, i: usize, found: &mut Found<'t>) {
    if v.covered(i) {
        return;
    }
    let Some(p) = before_adverbs(v, i) else {
        return;
    };
    // "has been way down", "are much lower": a word of degree may stand between.
    let mut p = p;
    if p > 0 && matches!(v.lower(p), "way" | "much" | "far" | "well") {
        p -= 1;
    }
    if matches!(
        v.lower(p),
        "is" | "are" | "was" | "were" | "been" | "isn't" | "aren't"
    ) {
        let (a, b) = v.phrase(i, i + 1, 3, 2);
        add(v, found, Label::Comparison, a, b);
    }
}

/// Irregular participles after "has/have/had" ("has never taken on", "had given"): a
/// past action, unless the verb is one of saying or thinking (a lexicon phrase).
fn perfect_at<'t>(v: &mut View<'_, 't>, i: usize, found: &mut Found<'t>) {
    if v.covered(i) || v.is_capitalized(i) || matches!(v.lower(i), "been" | "seen" | "gone") {
        return;
    }
    let Some(p) = before_adverbs(v, i) else {
        return;
    };
    let w = v.lower(p);
    let aux = matches!(w, "has" | "have" | "had" | "hasn't" | "haven't" | "hadn't")
        || ["'ve", "'d"].iter().any(|s| w.ends_with(s)) && w.len() > 3
        // "he's taken the lead", "that's given them": "'s" is "has" when an object
        // follows ("it's done." is a state).
        || w.ends_with("'s") && w.len() > 3 && has_object(v, i + 1);
    if aux && !v.modal_before(p + 1) && !v.in_condition(i) && !asks_listener(v, i) {
        let (a, b) = v.phrase(i, i + 1, 4, 5);
        add(v, found, Label::Event, a, b);
    }
}

/// A participle at `i` after present "is/are" (at `p`) is mostly a state ("is engaged
/// in", "are born to", "is recorded in detail"); after "was", "has" or a subject it
/// narrates. A dated present passive reports one occurrence (a caption: "X is pictured
/// in Kyiv on May 3").
fn present_state(v: &mut View<'_, '_>, p: usize, i: usize) -> bool {
    let w = v.lower(p);
    let present_be = matches!(w, "is" | "are" | "am" | "isn't" | "aren't")
        || ["'re", "'m"].iter().any(|s| w.ends_with(s));
    let end = (i + 9).min(v.len());
    present_be && !(i + 1..end).any(|j| v.in_months(j))
}

/// A lexicon participle ("born", "held") in a present state: see [`present_state`].
fn participle_state(v: &mut View<'_, '_>, i: usize) -> bool {
    let w = v.lower(i);
    let participle = w.ends_with("ed") || w.ends_with("en") || w == "born";
    participle && before_adverbs(v, i).is_some_and(|p| present_state(v, p, i))
}

/// "at risk of being hauled into court", "without being asked": a passive gerund after a
/// preposition names a possibility, it reports nothing.
fn gerund_passive(v: &mut View<'_, '_>, p: usize) -> bool {
    p > 0
        && v.lower(p) == "being"
        && matches!(
            v.lower(p - 1),
            "of" | "for" | "from" | "about" | "without" | "after" | "before" | "by" | "against"
        )
}

/// An all-capitals word of five letters or more is shouting ("the BLOODBATH"), not a
/// name.
fn shouted(w: &str) -> bool {
    w.len() >= 5 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// "its offensive in the east": an adjective-like word between a determiner and a
/// preposition is a noun.
fn noun_between(v: &mut View<'_, '_>, i: usize) -> bool {
    i > 0
        && i + 1 < v.len()
        && matches!(
            v.lower(i + 1),
            "in" | "on" | "at" | "against" | "near" | "into" | "toward" | "towards"
        )
        && matches!(
            v.lower(i - 1),
            "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our"
        )
        && adjective_like(v.lower(i))
}

/// Words of degree that make the next "-ing" form an adjective ("deeply moving").
fn degree_adverb(w: &str) -> bool {
    matches!(
        w,
        "very" | "so" | "too" | "quite" | "deeply" | "really" | "extremely" | "truly" | "most"
    )
}

/// "The first time she saw him …": a sentence that opens with "the first/last time" sets
/// a time, it ranks nothing ("for the first time" does).
fn time_clause(v: &mut View<'_, '_>, from: usize, to: usize) -> bool {
    to == from + 3
        && from == v.first_token()
        && v.lower(from) == "the"
        && v.lower(from + 2) == "time"
}

/// "a larger population", "a better deal" with no "than" after: a description, not a
/// comparison between things the sentence names.
fn bare_comparative(v: &mut View<'_, '_>, from: usize, to: usize) -> bool {
    if to != from + 1 || from == 0 || !matches!(v.lower(from - 1), "a" | "an") {
        return false;
    }
    if !v.lower(from).ends_with("er") {
        return false;
    }
    let end = (to + 6).min(v.len());
    !(to..end).any(|j| v.is_word(j) && v.lower(j) == "than")
}

/// "called for increased spending", "with improved roads": a trend participle used as an
/// adjective after a preposition or article names a thing, it asserts no change; "rose
/// by 5%" and "increased sharply" do.
fn attributive_trend(v: &mut View<'_, '_>, from: usize, to: usize) -> bool {
    if to != from + 1 || from == 0 || to >= v.len() || !v.lower(from).ends_with("ed") {
        return false;
    }
    let prev = v.lower(from - 1);
    let after_preposition = matches!(
        prev,
        "for" | "with" | "of" | "to" | "against" | "amid" | "an" | "the" | "and" | "or"
    );
    after_preposition
        && v.is_word(to)
        && !v.is_capitalized(to)
        && !v.in_function_words(to)
        && !v.lower(to).ends_with("ly")
}

/// "• increase the supply of air defense": a bare trend verb opening a list item is a
/// demand or a step, it asserts no change.
fn demanded_trend(v: &mut View<'_, '_>, from: usize, to: usize) -> bool {
    if to != from + 1 || from == 0 {
        return false;
    }
    let w = v.lower(from);
    let bare = !(w.ends_with('s') || w.ends_with("ed") || w.ends_with("ing"));
    bare && matches!(v.text(from - 1), "•" | "·" | "-" | "*" | "–" | "▪" | "◦")
}

/// Ends like an adjective or an adverb ("serious", "economically", "effective").
fn adjective_like(w: &str) -> bool {
    [
        "ly", "ous", "ive", "al", "ful", "ic", "ant", "ent", "able", "ible", "ed", "ing", "less",
        "ary", "ory", "ile",
    ]
    .iter()
    .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}
