//! Entities (SPEC §4): name mentions gathered by surname (transliteration variants
//! folded: Zelensky = Zelenskiy = Zelenskyy), canonical = longest full name; handles,
//! pronouns and role descriptions linked to them; outlets and institutions from the
//! gazetteer; unnamed groups kept as written.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::doc::Doc;
use super::lexicons::{Gender, HashMap, class};
use super::rules::Raw;
use crate::document::{Attribution, Entity, EntityKind};
use crate::lexicon::entries;
use crate::lexicon::read_u64;
use crate::span::Span;
use crate::tokens::TokenKind;

/// A name found in the text: tokens `[a, b)` after titles are stripped.
#[derive(Clone, Debug)]
struct Name<'a> {
    a: usize,
    b: usize,
    /// The surname key: a range of the document's key buffer (see [`Keys`]).
    key: (u32, u32),
    /// Looks like a person by itself (two or more name words, or a title before it).
    personal: bool,
    /// The first noun phrase of its unit, not possessive.
    subject: bool,
    /// Lowercase titles and nationalities seen before it ("ukrainian", "president").
    context: Vec<&'a str>,
    /// Gazetteer kind and name, when the mention is a known body.
    known: Option<(EntityKind, String)>,
}

/// A key: a range of the document's key buffer.
type KeyRange = (u32, u32);

/// The keys of a document's names, in one buffer: one allocation per document, not per
/// name.
struct Keys(String);

impl Keys {
    /// Appends what `write` writes as a key.
    fn add(&mut self, write: impl FnOnce(&mut String)) -> (u32, u32) {
        let a = self.0.len();
        write(&mut self.0);
        (a as u32, self.0.len() as u32)
    }

    fn get(&self, (a, b): (u32, u32)) -> &str {
        self.0.get(a as usize..b as usize).unwrap_or("")
    }
}

/// Folds a surname's transliteration variants together.
pub(crate) fn fold(word: &str) -> String {
    let mut out = String::new();
    fold_into(word, &mut out);
    out
}

/// What [`fold_into`] makes of each ASCII byte: lowercase letters (`y` as `i`) and
/// digits, 0 for the bytes it drops.
const ASCII_FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = (b as u8).to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            t[b] = if c == b'y' { b'i' } else { c };
        }
        b += 1;
    }
    t
};

/// [`fold`], appending to `out`.
fn fold_into(word: &str, out: &mut String) {
    let w = strip_possessive(word);
    if w.is_ascii() {
        // Most names: the same folding without Unicode case tables, one table read per
        // byte.
        out.reserve(w.len());
        let mut last = 0u8;
        for &b in w.as_bytes() {
            let b = ASCII_FOLD[usize::from(b)];
            if b != 0 && b != last {
                out.push(char::from(b));
                last = b;
            }
        }
        return;
    }
    let mut last = '\0';
    for c in w.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'y' | 'ý' | 'ÿ' | 'ï' | 'í' | 'ì' | 'î' => 'i',
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ñ' | 'ń' => 'n',
            'ğ' => 'g',
            'ł' => 'l',
            c => c,
        };
        if !c.is_alphanumeric() || c == last {
            continue;
        }
        out.push(c);
        last = c;
    }
}

/// Some character of `w` is lowercase (an ASCII letter settles it without decoding).
fn has_lowercase(w: &str) -> bool {
    w.bytes().any(|b| b.is_ascii_lowercase())
        || (!w.is_ascii() && w.chars().any(char::is_lowercase))
}

/// How many distinct sentence openers a document checks against its lowercase words
/// (each check scans the text once).
const MAX_OPENERS: usize = 64;

/// The text writes `low` (a lowercase word) in lowercase as a word of its own.
fn written_lowercase(text: &str, low: &str) -> bool {
    if low.is_empty() {
        return false;
    }
    let t = text.as_bytes();
    memchr::memmem::find_iter(t, low.as_bytes()).any(|at| {
        let before = at.checked_sub(1).map(|p| t[p]);
        let after = t.get(at + low.len()).copied();
        !before.is_some_and(|b| b.is_ascii_alphanumeric())
            && !after.is_some_and(|b| b.is_ascii_alphanumeric())
    })
}

/// Separates a surname key from the first name's initial.
const INITIAL: char = '\u{2}';

/// Appends the first name's initial to a surname key: people of one surname are told
/// apart ("Ivana Trump", "Donald Trump"), transliterations of one person still meet.
fn push_initial(first: &str, key: &mut String) {
    if let Some(c) = first.chars().next() {
        key.push(INITIAL);
        key.extend(c.to_lowercase());
    }
}

/// `J`, `J.D`, `J.D.`: capital letters joined by periods.
fn is_initials(w: &str) -> bool {
    let w = w.strip_suffix('.').unwrap_or(w);
    w.len() <= 5
        && crate::tokens::is_initialism(w)
        && w.bytes().all(|c| c == b'.' || c.is_ascii_uppercase())
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s") || w.ends_with('’')
}

fn strip_possessive(w: &str) -> &str {
    // Every suffix ends in `s`, `'` or the last byte of `’`.
    if !matches!(w.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return w;
    }
    for suf in ["’s", "'s", "’", "'"] {
        if let Some(s) = w.strip_suffix(suf) {
            if !s.is_empty() {
                return s;
            }
        }
    }
    w
}

/// How many known people a handle or a description is compared with.
const MAX_SCAN: usize = 300;

const PARTICLES: &[&str] = &[
    "bin", "al", "de", "van", "von", "der", "da", "la", "du", "di", "le", "ibn", "el",
];

fn name_token(doc: &Doc, k: usize) -> bool {
    // A capitalised word has a letter by definition.
    (doc.is_cap(k) || doc.toks[k].kind == TokenKind::Handle)
        && !(doc.inside_quote(k) && doc.quote_opening(k).is_some())
}

/// Every capitalised run of the document, titles stripped.
#[inline(never)]
fn scan_names<'a>(doc: &Doc<'a, '_>, keys: &mut Keys) -> Vec<Name<'a>> {
    let mut out = Vec::with_capacity(doc.toks.len() / 8);
    let n = doc.toks.len();
    // Subject positions: the first phrase of each unit, or the one after an opening
    // adverbial ("In his address, Zelenskiy …").
    let mut subject_at = vec![false; 0];
    subject_at.resize(n, false);
    for u in &doc.units {
        let mut s = u.a;
        while s < u.b && doc.has(s, class::LEAD) {
            s += 1;
        }
        if doc.has(s, class::PREP | class::SUB) {
            if let Some(c) = (s..u.b).find(|&k| doc.is_punct(k, ",") && !doc.inside_quote(k)) {
                s = c + 1;
            }
        }
        if s < n {
            subject_at[s] = true;
        }
    }
    // Sentence starts, and the document's lowercase words (built when first needed).
    let mut starts = vec![false; n];
    for u in &doc.units {
        let mut k = u.a;
        while k < u.b && !doc.is_word(k) {
            k += 1;
        }
        if k < n {
            starts[k] = true;
        }
    }
    // Sentence openers already looked up (bounded: see `written_lowercase`).
    let mut lowercase: HashMap<&str, bool> = HashMap::default();
    let mut headline = vec![false; n];
    for u in doc.units.iter().filter(|u| u.title_case) {
        headline[u.a..u.b].fill(true);
    }
    let mut i = 0;
    // Only capitalised words and handles can be name tokens: jump from one to the next.
    let capitalised = &doc.capitalised;
    let mut c = 0;
    while i < n {
        while capitalised.get(c).is_some_and(|&k| (k as usize) < i) {
            c += 1;
        }
        match capitalised.get(c) {
            Some(&k) => i = k as usize,
            None => break,
        }
        if !name_token(doc, i) {
            i += 1;
            continue;
        }
        let run_start = i;
        if headline[i] {
            // Title case: every word is capitalised, so runs say nothing about names.
            if !doc.has(
                i,
                class::DET
                    | class::PREP
                    | class::SUBJ
                    | class::LEAD
                    | class::BOUNDARY
                    | class::ROLE
                    | class::NATION,
            ) {
                out.push(Name {
                    a: i,
                    b: i + 1,
                    key: keys.add(|k| fold_into(doc.word(i), k)),
                    personal: false,
                    subject: false,
                    context: Vec::new(),
                    known: None,
                });
            }
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n {
            if doc.newline_before(j) {
                break;
            }
            // "Secretary of State Marco Rubio", "Mohammed bin Salman"; not "Putin of Russia".
            let glue = ((doc.low(j) == "of" && doc.has(j - 1, class::ROLE))
                || PARTICLES.contains(&doc.low(j)))
                && j + 1 < n
                && name_token(doc, j + 1);
            // "Sen. J.D. Vance", "Mr. Lind": a period glued to a title or initials.
            let dot = doc.is_punct(j, ".")
                && doc.toks[j].start == doc.toks[j - 1].end
                && (doc.has(j - 1, class::ROLE) || is_initials(doc.word(j - 1)))
                && j + 1 < n
                && name_token(doc, j + 1)
                && !doc.has(
                    j + 1,
                    class::DET | class::SUBJ | class::LEAD | class::BOUNDARY,
                );
            if dot {
                j += 2;
            } else if name_token(doc, j)
                && !doc.word(j - 1).ends_with("’s")
                && !doc.word(j - 1).ends_with("'s")
            {
                j += 1;
            } else if glue {
                j += 2;
            } else {
                break;
            }
        }
        let mut context = Vec::new();
        // Lowercase titles right before the run ("Kremlin aide Yuri Ushakov").
        let mut p = run_start;
        // Not across "of": in "Sen. J.D. Vance of Ohio" the state is no title of Ohio.
        while p > 0
            && doc.has(p - 1, class::ROLE | class::NATION)
            && !doc.has(p - 1, class::DET)
            && doc.low(p - 1) != "of"
            && p + 3 > run_start
        {
            p -= 1;
            context.push(doc.low(p));
        }
        let mut subject = subject_at[run_start]
            || (p < run_start && subject_at[p])
            || (p > 0 && subject_at[p - 1] && doc.has(p - 1, class::DET));
        // "McConnell spokesman Don Stewart": the subject is the person the title names.
        if let Some(prev) = out
            .last_mut()
            .filter(|n| p < run_start && n.b == p && n.subject)
        {
            prev.subject = false;
            subject = true;
        }
        // Known bodies first: "the White House", "Financial Times".
        let body = if doc.may_open_gazetteer_name(run_start) {
            doc.lex.gazetteer.longest(doc.word(run_start), |x| {
                (run_start + x < n).then(|| doc.word(run_start + x))
            })
        } else {
            None
        };
        if let Some((len, (kind, name))) = body {
            out.push(Name {
                a: run_start,
                b: run_start + len,
                key: keys.add(|k| k.push_str(&name.to_lowercase())),
                personal: false,
                subject,
                context,
                known: Some((*kind, name.clone())),
            });
            i = run_start + len;
            continue;
        }
        let mut s = run_start;
        let mut titled = !context.is_empty();
        while s < j {
            let l = doc.low(s);
            if doc.has(s, class::ROLE | class::NATION) {
                titled |=
                    doc.has(s, class::ROLE) && !doc.has(s, class::DET) && l != "of" && l != "state";
                context.push(l);
                s += 1;
            } else if doc.has(
                s,
                class::DET
                    | class::LEAD
                    | class::BOUNDARY
                    | class::PREP
                    | class::SUBJ
                    | class::FIRST
                    | class::PERSON
                    | class::PLURAL
                    | class::TIME,
            ) || (doc.toks[s].kind == TokenKind::Word && doc.has(s, class::CUE))
                || (s == run_start && l.len() == 1 && l != "x")
            {
                s += 1;
            } else {
                break;
            }
        }
        // A sentence's first word is capitalised whatever it is ("For Clinton, …", "Rival
        // Hillary Clinton said"): no first name when the document also writes it in
        // lowercase.
        if s == run_start && starts[s] && (s + 1..j).any(|k| doc.is_word(k)) {
            let w = doc.low(s);
            let seen = match lowercase.get(w) {
                Some(&seen) => seen,
                None if lowercase.len() < MAX_OPENERS => {
                    let seen = written_lowercase(doc.text, w);
                    lowercase.insert(w, seen);
                    seen
                }
                None => false,
            };
            if seen {
                s += 1;
            }
        }
        // "Sen. Vance": the title's period.
        while s < j && !doc.is_word(s) {
            s += 1;
        }
        // A title qualified by capitalised words ("Energy Minister Svitlana Hrynchuk",
        // "Senate Majority Leader Chuck Schumer", "Republican Sen. J.D. Vance"): the name
        // starts after the run's last title when two plain name words follow it.
        if let Some(k) = (s..j)
            .rev()
            .find(|&k| doc.has(k, class::ROLE) && !doc.has(k, class::DET) && doc.low(k) != "of")
        {
            let rest = (k + 1..j).filter(|&m| doc.is_word(m)).count();
            let plain = (k + 1..j).all(|m| {
                !doc.is_word(m)
                    || !doc.has(
                        m,
                        class::ROLE | class::ORG | class::MEDIA | class::GROUP | class::TIME,
                    )
            });
            if rest >= 2 && plain {
                context.extend(
                    (s..=k)
                        .filter(|&m| doc.has(m, class::ROLE | class::NATION))
                        .map(|m| doc.low(m)),
                );
                titled = true;
                s = k + 1;
                while s < j && !doc.is_word(s) {
                    s += 1;
                }
            }
        }
        if s < j {
            let last = j - 1;
            let words = j - s;
            let plain = (s..j).all(|k| {
                (k > s && doc.is_punct(k, "."))
                    // Initials ("J.D. Vance") are all capitals but no acronym.
                    || is_initials(doc.word(k))
                    || doc.toks[k].kind == TokenKind::Word
                    && !doc.has(
                        k,
                        class::ORG
                            | class::MEDIA
                            | class::GROUP
                            | class::NATION
                            | class::ROLE
                            | class::TIME,
                    )
                    && has_lowercase(doc.word(k))
            });
            let handle = doc.toks[s].kind == TokenKind::Handle;
            out.push(Name {
                a: s,
                b: j,
                key: if handle {
                    keys.add(|_| {})
                } else {
                    keys.add(|k| {
                        fold_into(doc.word(last), k);
                        if plain && (s..last).any(|m| doc.is_word(m)) {
                            push_initial(doc.word(s), k);
                        }
                    })
                },
                personal: !handle && plain && (words >= 2 || titled),
                subject: subject
                    && !doc.word(last).ends_with("’s")
                    && !doc.word(last).ends_with("'s"),
                context,
                known: None,
            });
        }
        i = j;
    }
    out
}

/// A hasher that reads eight bytes at a time, for maps that are only looked up (the
/// order a hasher gives a map shows only when it is iterated).
#[derive(Default)]
struct ChunkHasher(u64);

impl Hasher for ChunkHasher {
    fn finish(&self) -> u64 {
        // The table picks buckets by the low bits: fold the well-mixed high bits down.
        let h = self.0;
        (h ^ (h >> 31)).wrapping_mul(0x94d0_49bb_1331_11eb) ^ (h >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for c in bytes.chunks(8) {
            h = (h.rotate_left(23) ^ read_u64(c, 0, c.len())).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
        self.0 = h;
    }

    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(23) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Entities under construction. The person maps borrow their keys from the document's
/// key buffer and their names from the text or the aliases: no copies per name.
struct Book<'d, 'a, 't, 'k> {
    doc: &'d Doc<'a, 't>,
    entities: Vec<Entity<'t>>,
    /// Looked up, never iterated: its hasher may read eight bytes at a time.
    by_key: StdHashMap<String, usize, BuildHasherDefault<ChunkHasher>>,
    /// Canonical name per person key.
    canonical: HashMap<&'k str, &'k str>,
    /// Context words per person key.
    context: HashMap<&'k str, Vec<&'a str>>,
    /// (token, entity) of the sources resolved so far: people, and the rest.
    speakers: Vec<(usize, usize)>,
    bodies: Vec<(usize, usize)>,
}

impl<'t> Book<'_, '_, 't, '_> {
    fn entity(&mut self, key: &str, name: &str, kind: EntityKind) -> usize {
        if let Some(&e) = self.by_key.get(key) {
            // A transcript's "SYBIHA" gives way to "Sybiha" as the article writes it.
            let shouted = |t: &str| !t.chars().any(char::is_lowercase);
            if let Some(ent) = self.entities.get_mut(e) {
                if shouted(&ent.name) && !shouted(name) && ent.name.len() == name.len() {
                    ent.name = name.to_string();
                }
            }
            return e;
        }
        let id = self.entities.len() + 1;
        self.entities.push(Entity {
            id,
            name: name.to_string(),
            kind,
            mentions: Vec::new(),
        });
        self.by_key.insert(key.to_string(), id - 1);
        id - 1
    }

    fn span(&self, a: usize, b: usize) -> Span<'t> {
        let d = self.doc;
        Span::of(d.text, d.toks[a].start, d.toks[b - 1].end)
    }

    fn text_of(&self, a: usize, b: usize) -> &'t str {
        let d = self.doc;
        &d.text[d.toks[a].start..d.toks[b - 1].end]
    }
}

/// Resolves sources to speakers and entities; returns attributions sorted by content.
#[inline(never)]
pub(crate) fn resolve<'t>(
    doc: &Doc<'_, 't>,
    raws: Vec<Raw>,
) -> (Vec<Attribution<'t>>, Vec<Entity<'t>>) {
    let mut keys = Keys(String::with_capacity(doc.text.len() / 4));
    let names = scan_names(doc, &mut keys);
    let mut book = Book {
        doc,
        entities: Vec::new(),
        by_key: StdHashMap::default(),
        canonical: HashMap::default(),
        context: HashMap::default(),
        speakers: Vec::new(),
        bodies: Vec::new(),
    };
    // Person keys and their canonical (longest) names.
    let mut names = names;
    // Aliases' canonical names, entered once the key buffer is complete.
    let mut alias_names: Vec<((u32, u32), &str)> = Vec::new();
    for nm in names.iter_mut() {
        // The builder's aliases name people the text may not spell out.
        if !doc.lex.aliases.is_empty() && nm.known.is_none() {
            let text = strip_possessive(book.text_of(nm.a, nm.b)).to_lowercase();
            if let Some(c) = doc.lex.aliases.get(&text) {
                nm.key = keys.add(|k| {
                    fold_into(c.rsplit(' ').next().unwrap_or(c), k);
                    if c.contains(' ') {
                        push_initial(c, k);
                    }
                });
                nm.personal = true;
                alias_names.push((nm.key, c.as_str()));
            }
        }
    }
    for (key, c) in alias_names {
        book.canonical.insert(keys.get(key), c);
    }
    // A bare surname ("Trump", "Mr. Trump") is the person of that surname named in full
    // nearest before it, else first after it.
    let mut full: HashMap<&str, Vec<(usize, KeyRange)>> = HashMap::default();
    for nm in names.iter().filter(|n| n.known.is_none()) {
        if let Some((surname, _)) = keys.get(nm.key).split_once(INITIAL) {
            full.entry(surname).or_default().push((nm.a, nm.key));
        }
    }
    if !full.is_empty() {
        for nm in names.iter_mut().filter(|n| n.known.is_none()) {
            if let Some(v) = full.get(keys.get(nm.key)) {
                let k = v.partition_point(|f| f.0 < nm.a);
                nm.key = v[k.saturating_sub(1)].1;
            }
        }
    }
    for nm in names.iter_mut().filter(|n| n.personal) {
        let text = strip_possessive(book.text_of(nm.a, nm.b));
        let alias = if doc.lex.aliases.is_empty() {
            None
        } else {
            doc.lex.aliases.get(&text.to_lowercase())
        };
        let text = alias.map_or(text, String::as_str);
        let key = keys.get(nm.key);
        // The same name again (most mentions) is no better: no words to count.
        let better = book.canonical.get(key).is_none_or(|&old| {
            if old == text {
                return false;
            }
            let (nw, ow) = (
                text.split_whitespace().count(),
                old.split_whitespace().count(),
            );
            nw > ow || (nw == ow && text.len() > old.len())
        });
        if better {
            book.canonical.insert(key, text);
        }
        match book.context.get_mut(key) {
            Some(ctx) => ctx.extend(nm.context.iter().cloned()),
            None => {
                // Not read again: the first mention's words move into the map.
                book.context.insert(key, std::mem::take(&mut nm.context));
            }
        }
    }
    if let Some(author) = doc.author {
        book.entity("\u{0}author", author, EntityKind::Author);
    }
    // Name mentions that stand for people, in order, for pronouns.
    let mut subjects: Vec<(usize, &str)> = names
        .iter()
        .filter(|n| n.subject && book.canonical.contains_key(keys.get(n.key)))
        .map(|n| (n.a, keys.get(n.key)))
        .collect();
    // "The Polish leader also criticised Hungary. “…,” he said": a sentence whose subject
    // describes a person named before stands for that person too.
    let before = subjects.len();
    for u in doc.units.iter().take(MAX_DESCRIBED_SUBJECTS) {
        if let Some(key) = described_subject(&book, &names, &keys, u.a, u.b) {
            subjects.push((u.a, key));
        }
    }
    if subjects.len() > before {
        subjects.sort_by_key(|s| s.0);
    }
    // Resolve in order of the source's position.
    let mut order: Vec<usize> = (0..raws.len()).collect();
    order.sort_by_key(|&k| {
        let r = &raws[k];
        (r.same_as.is_some(), r.source.map_or(usize::MAX, |s| s.0))
    });
    let mut resolved: Vec<Option<(Option<usize>, Option<String>)>> = vec![None; raws.len()];
    for &k in &order {
        let r = &raws[k];
        if let Some(root) = r.same_as {
            let v = resolved.get(root).cloned().flatten();
            resolved[k] = Some(v.unwrap_or((None, None)));
            continue;
        }
        let Some((a, b)) = r.source else {
            resolved[k] = Some((None, None));
            continue;
        };
        let got = resolve_source(&mut book, &names, &keys, &subjects, a, b);
        if let Some(e) = got.0 {
            let span = book.span(a, b);
            book.entities[e].mentions.push(span);
            // A pronoun later may stand for a person named or described by a role ("the
            // senator"), not for a phrase the source rules took by mistake ("that's easy
            // for you to").
            let personlike = (a..b).any(|k| {
                !doc.has(k, class::DET)
                    && (doc.is_cap(k)
                        || doc.toks[k].kind == TokenKind::Handle
                        || doc.has(k, class::ROLE | class::PERSON | class::FIRST))
            });
            match book.entities[e].kind {
                EntityKind::Author => book.speakers.push((a, e)),
                EntityKind::Person if personlike => book.speakers.push((a, e)),
                EntityKind::Person => {}
                _ => book.bodies.push((a, e)),
            }
        }
        resolved[k] = Some(got);
    }
    // Every mention of a person entity.
    for nm in &names {
        if let Some(&e) = book.by_key.get(keys.get(nm.key)) {
            if book.entities[e].kind == EntityKind::Person {
                let span = book.span(nm.a, nm.b);
                book.entities[e].mentions.push(span);
            }
        }
    }
    for e in &mut book.entities {
        e.mentions.sort_by_key(|s| (s.start(), s.end()));
        e.mentions.dedup();
    }
    let mut out: Vec<Attribution<'t>> = raws
        .into_iter()
        .zip(resolved)
        .map(|(r, res)| {
            let (entity, speaker) = res.unwrap_or((None, None));
            Attribution {
                source: r.source.map(|(a, b)| book.span(a, b)),
                speaker: entity.map(|e| book.entities[e].name.clone()).or(speaker),
                entity: entity.map(|e| e + 1),
                cue: r.cue.map(|(a, b)| book.span(a, b)),
                content: Span::of(doc.text, r.content.0, r.content.1),
                kind: r.kind,
                channel: r.channel,
                via: r.via.map(|(a, b)| book.span(a, b)),
            }
        })
        .collect();
    out.sort_by_key(|a| (a.content.start(), a.content.end()));
    (out, book.entities)
}

/// The entity (and speaker name, when there is no entity) of source tokens `[a, b)`.
fn resolve_source(
    book: &mut Book,
    names: &[Name<'_>],
    keys: &Keys,
    subjects: &[(usize, &str)],
    a: usize,
    b: usize,
) -> (Option<usize>, Option<String>) {
    let doc = book.doc;
    // Copied only when it is the answer.
    let mention: &str = book.text_of(a, b);
    if b == a + 1 {
        // Pronouns.
        if doc.has(a, class::FIRST) {
            return match doc.author {
                Some(_) => (
                    Some(book.entity("\u{0}author", "", EntityKind::Author)),
                    None,
                ),
                None => (None, Some(mention.to_string())),
            };
        }
        if doc.has(a, class::PERSON) {
            // "she" never stands for a man: the nearest person it agrees with (a person
            // of unknown gender agrees with both).
            let want = Gender::of_pronoun(doc.low(a));
            let agrees = |g: Option<Gender>| want.is_none() || g.is_none() || g == want;
            let subj = subjects.partition_point(|s| s.0 < a);
            let by_subject = subjects[..subj]
                .iter()
                .rev()
                .take(AGREE_SCAN)
                .find(|s| agrees(key_gender(book, s.1)));
            let speakers = &book.speakers;
            let by_speaker = speakers[..speakers.partition_point(|s| s.0 < a)]
                .iter()
                .rev()
                .take(AGREE_SCAN)
                .find(|s| agrees(entity_gender(book, s.1)));
            let pick = match (by_subject, by_speaker) {
                (Some(s), Some(p)) if p.0 >= s.0 => Some(p.1),
                (Some(s), _) => Some(person_entity(book, s.1)),
                (None, Some(p)) => Some(p.1),
                (None, None) => None,
            };
            return (pick, Some(mention.to_string()));
        }
        if matches!(doc.low(a), "who" | "which") {
            // The name just before the relative pronoun ("Mr. Kamin, who …").
            let k = names.partition_point(|n| n.b <= a);
            let pick = k.checked_sub(1).map(|k| &names[k]).filter(|n| a - n.b <= 2);
            if let Some(n) = pick {
                if book.canonical.contains_key(keys.get(n.key)) {
                    return (Some(person_entity(book, keys.get(n.key))), None);
                }
                if let Some((kind, name)) = &n.known {
                    return (Some(book.entity(keys.get(n.key), name, *kind)), None);
                }
            }
            // Else the noun phrase before it: "the council, which said …" is the council.
            let end = if a > 0 && doc.is_punct(a - 1, ",") {
                a - 1
            } else {
                a
            };
            if let Some(np) = super::sources::left(doc, end.saturating_sub(12), end)
                .filter(|np| np.b == end && np.a < np.b && !doc.has(np.a, class::SUB))
            {
                if !(np.b == np.a + 1 && doc.has(np.a, class::PERSON | class::PLURAL)) {
                    return resolve_source(book, names, keys, subjects, np.a, np.b);
                }
            }
            return (None, Some(mention.to_string()));
        }
        if doc.has(a, class::PLURAL) {
            let bodies = &book.bodies;
            let pick = bodies[..bodies.partition_point(|s| s.0 < a)]
                .last()
                .filter(|s| a - s.0 < 200)
                .map(|s| s.1);
            return (pick, Some(mention.to_string()));
        }
        if doc.toks[a].kind == TokenKind::Handle {
            let h = fold(&doc.word(a)[1..]);
            // Bounded: a document with thousands of names does not match handles.
            let key = book
                .canonical
                .keys()
                .take(MAX_SCAN)
                .filter(|k| {
                    let surname = k.split(INITIAL).next().unwrap_or_default();
                    surname.len() >= 4 && h.contains(surname)
                })
                .max_by_key(|k| k.len())
                .cloned();
            return match key {
                Some(k) => (Some(person_entity(book, k)), None),
                None => (Some(book.entity(&h, doc.word(a), EntityKind::Person)), None),
            };
        }
    }
    // A name inside the source: the last person name, else a known body.
    // A possessive inside the source names someone else ("Russia’s foreign ministry").
    let first = names.partition_point(|n| n.a < a);
    let inside: Vec<&Name> = names[first..]
        .iter()
        .take_while(|n| n.a < b)
        .filter(|n| n.b <= b)
        .filter(|n| n.b == b || !is_possessive(doc.word(n.b - 1)))
        .collect();
    if let Some(n) = inside
        .iter()
        .rev()
        .find(|n| book.canonical.contains_key(keys.get(n.key)))
    {
        return (Some(person_entity(book, keys.get(n.key))), None);
    }
    if let Some(n) = inside.iter().find(|n| n.known.is_some()) {
        if let Some((kind, name)) = &n.known {
            let whole = n.a == a || (n.a == a + 1 && doc.has(a, class::DET));
            if whole && n.b == b {
                return (Some(book.entity(keys.get(n.key), name, *kind)), None);
            }
        }
    }
    // A role description: "the Ukrainian leader", "the Russian president".
    let words: Vec<&str> = (a..b)
        .filter(|&k| doc.is_word(k))
        .map(|k| doc.low(k))
        .collect();
    let described = (a..b).all(|k| {
        !doc.is_word(k)
            || doc.has(k, class::ROLE | class::NATION | class::DET)
            || doc.low(k) == "leader"
    });
    if described && words.len() >= 2 {
        let nations: Vec<&str> = (a..b)
            .filter(|&k| doc.has(k, class::NATION))
            .map(|k| doc.low(k))
            .collect();
        let roles: Vec<&str> = (a..b)
            .filter(|&k| doc.has(k, class::ROLE) && !doc.has(k, class::DET | class::NATION))
            .map(|k| doc.low(k))
            .collect();
        let fits: Vec<&str> = book
            .context
            .iter()
            .take(MAX_SCAN)
            .filter(|(_, ctx)| {
                let nation_ok = nations.iter().all(|n| ctx.iter().any(|c| c == n));
                let role_ok = roles
                    .iter()
                    .all(|r| *r == "leader" || ctx.iter().any(|c| c == r));
                nation_ok && role_ok && (!nations.is_empty() || !roles.is_empty())
            })
            .map(|(k, _)| *k)
            .collect();
        if fits.len() == 1 {
            return (Some(person_entity(book, fits[0])), None);
        }
        if fits.is_empty() {
            if let Some(key) = described_nearby(book, names, keys, a, &nations, &roles) {
                return (Some(person_entity(book, &key)), None);
            }
        }
    }
    // As written, without a leading determiner: a body, a group or an unnamed person.
    let mut s = a;
    // A capitalised "The" too when it only opens the sentence ("The state news agency").
    let opener = |k: usize| {
        doc.low(k) == "the"
            && (doc.is_lower_word(k + 1) || doc.units.binary_search_by_key(&k, |u| u.a).is_ok())
    };
    while s + 1 < b
        && (doc.has(s, class::DET) && (doc.is_lower_word(s) || opener(s)) || doc.low(s) == "both")
    {
        s += 1;
    }
    let text = book.text_of(s, b).to_string();
    // The head noun comes before any prepositional tail ("the embassy in Kyiv").
    let head = (s + 1..b)
        .find(|&k| {
            doc.is_lower_word(k)
                && (doc.has(k, class::PREP) || matches!(doc.low(k), "of" | "for" | "with"))
        })
        .map_or(b - 1, |k| k - 1);
    // "agency" heads outlets and offices alike: a news agency is media, the International
    // Energy Agency is not.
    let media = doc.has(head, class::MEDIA)
        && (!doc.has(head, class::ORG)
            || (s..head).any(|k| doc.has(k, class::MEDIA) && !doc.has(k, class::ORG)));
    let kind = if media {
        EntityKind::Media
    } else if doc.has(head, class::GROUP)
        || doc.low(a) == "both"
        || doc.toks[a].kind == TokenKind::Number
    {
        EntityKind::Group
    } else if doc.has(head, class::ORG) || inside.iter().any(|n| n.known.is_some()) {
        EntityKind::Organization
    } else {
        EntityKind::Person
    };
    let lower = text.to_lowercase();
    // "the air force" after "Ukraine's air force", "the agency" after "the International
    // Energy Agency": a definite description of a body named before it, when only one
    // fits.
    if s > a
        && matches!(kind, EntityKind::Organization | EntityKind::Media)
        && (s..b).all(|k| !doc.is_word(k) || doc.is_lower_word(k))
    {
        let mut fits = book.entities.iter().take(MAX_SCAN).filter(|e| {
            let name = e.name.to_lowercase();
            e.kind == kind
                && name.len() > lower.len()
                && name.ends_with(&lower)
                && name.as_bytes()[name.len() - lower.len() - 1] == b' '
        });
        if let (Some(e), None) = (fits.next(), fits.next()) {
            return (Some(e.id - 1), None);
        }
    }
    let key = format!("\u{1}{lower}");
    (Some(book.entity(&key, &text, kind)), None)
}

/// How far back (in tokens) a description looks for the person it renames.
const DESCRIBED_WINDOW: usize = 120;

const LEADER_ROLES: &str = include_str!("../../data/leader_roles.txt");

/// The person a description renames when no one in the document carries all its words:
/// news introduces "President Volodymyr Zelenskiy" and goes on with "the Ukrainian leader".
/// The one person named just before it (within [`DESCRIBED_WINDOW`] tokens) whose titles
/// include the description's role and whose nationality, when the text gives one, is the
/// description's.
fn described_nearby(
    book: &Book,
    names: &[Name<'_>],
    keys: &Keys,
    a: usize,
    nations: &[&str],
    roles: &[&str],
) -> Option<String> {
    let lex = book.doc.lex;
    let nation_ok = |ctx: &[&str]| {
        nations.iter().all(|n| ctx.contains(n))
            || !ctx.iter().any(|c| lex.classes(c) & class::NATION != 0)
    };
    let fits = |ctx: &[&str]| {
        let nation_ok = nation_ok(ctx);
        let role_ok = roles.iter().all(|r| {
            ctx.contains(r)
                || (*r == "leader" && ctx.iter().any(|c| entries(LEADER_ROLES).any(|l| l == *c)))
        });
        nation_ok && role_ok && !roles.is_empty()
    };
    let before = &names[..names.partition_point(|n| n.a < a)];
    let mut found: Option<&str> = None;
    for n in before
        .iter()
        .rev()
        .take_while(|n| n.a + DESCRIBED_WINDOW >= a)
    {
        let key = keys.get(n.key);
        let Some(ctx) = book.context.get(key) else {
            continue;
        };
        if !book.canonical.contains_key(key) || !fits(ctx) {
            continue;
        }
        match found {
            None => found = Some(key),
            // Two different people fit: ambiguous.
            Some(k) if k != key => return None,
            Some(_) => {}
        }
    }
    if found.is_none() && !roles.is_empty() {
        // "Olaf Scholz told Die Zeit … “…,” the chancellor said": a head of state or
        // government described right after the untitled person who just spoke.
        let head = roles.iter().all(|r| entries(LEADER_ROLES).any(|l| l == *r));
        let nearest = before
            .iter()
            .rev()
            .take_while(|n| n.a + SPOKE_WINDOW >= a)
            .find(|n| book.canonical.contains_key(keys.get(n.key)));
        if let Some(n) = nearest.filter(|_| head) {
            let key = keys.get(n.key);
            let ctx = book.context.get(key).map_or(&[][..], Vec::as_slice);
            let untitled = !ctx.iter().any(|c| lex.classes(c) & class::ROLE != 0);
            let name = book.canonical.get(key).copied().unwrap_or(key);
            let spoke = book
                .speakers
                .iter()
                .any(|&(t, e)| t >= n.a && book.entities[e].name == name);
            if untitled && spoke && nation_ok(ctx) {
                return Some(key.to_string());
            }
        }
    }
    found.map(str::to_string)
}

/// Sentences looked at for a described subject (bounded: each looks back through names).
const MAX_DESCRIBED_SUBJECTS: usize = 2000;

/// The person key of a sentence's subject when it is a description ("The Polish leader
/// also criticised …") that [`described_nearby`] resolves; the key as the names hold it.
fn described_subject<'k>(
    book: &Book,
    names: &[Name<'_>],
    keys: &'k Keys,
    a: usize,
    b: usize,
) -> Option<&'k str> {
    let doc = book.doc;
    if !(a + 2 < b && doc.low(a) == "the") {
        return None;
    }
    let mut k = a + 1;
    let (mut nations, mut roles) = (Vec::new(), Vec::new());
    while k < b && k < a + 4 && doc.is_word(k) {
        let w = doc.low(k);
        if doc.has(k, class::NATION) && !doc.has(k, class::DET) {
            nations.push(w);
        } else if doc.has(k, class::ROLE) || w == "leader" {
            roles.push(w);
        } else {
            break;
        }
        k += 1;
    }
    // The description ends at a verb: "The Polish leader also criticised".
    if roles.is_empty() || k >= b || !doc.is_lower_word(k) || doc.has(k, class::PREP | class::DET) {
        return None;
    }
    let key = described_nearby(book, names, keys, a, &nations, &roles)?;
    // It is the key of a name just before the description.
    names[..names.partition_point(|n| n.a < a)]
        .iter()
        .rev()
        .take_while(|n| n.a + DESCRIBED_WINDOW >= a)
        .map(|n| keys.get(n.key))
        .find(|&n| n == key)
}

/// How far back (in tokens) a head-of-state description looks for the person who spoke.
const SPOKE_WINDOW: usize = 60;

/// How many earlier people a pronoun looks back through for one it agrees with.
const AGREE_SCAN: usize = 40;

/// The gender of a name: from its given name, else from a title seen before it
/// ("Mrs. Clinton").
fn name_gender(book: &Book, name: &str, key: &str) -> Option<Gender> {
    let genders = &book.doc.lex.genders;
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() >= 2 {
        let first = words[0].to_lowercase();
        // "Mrs. Clinton" as written, or "Hillary Clinton".
        if let Some(g) = Gender::of_title(&first).or_else(|| genders.get(first.as_str()).copied()) {
            return Some(g);
        }
    }
    book.context
        .get(key)
        .and_then(|ctx| ctx.iter().rev().find_map(|t| Gender::of_title(t)))
}

fn key_gender(book: &Book, key: &str) -> Option<Gender> {
    let name = book.canonical.get(key).copied().unwrap_or(key);
    name_gender(book, name, key)
}

fn entity_gender(book: &Book, e: usize) -> Option<Gender> {
    let name = book.entities.get(e).map_or("", |x| x.name.as_str());
    let key = fold(name.rsplit(' ').next().unwrap_or(name));
    name_gender(book, name, &key)
}

fn person_entity(book: &mut Book, key: &str) -> usize {
    // Known already: no need to copy its name.
    if let Some(&e) = book.by_key.get(key) {
        return e;
    }
    let name = book.canonical.get(key).copied().unwrap_or(key);
    book.entity(key, name, EntityKind::Person)
}
