//! Entities (SPEC §4): name mentions gathered by surname (transliteration variants
//! folded: Zelensky = Zelenskiy = Zelenskyy), canonical = longest full name; handles,
//! pronouns and role descriptions linked to them; outlets and institutions from the
//! gazetteer; unnamed groups kept as written.

use super::doc::Doc;
use super::lexicons::{Gender, HashMap, class};
use super::rules::Raw;
use crate::document::{Attribution, Entity, EntityKind};
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

/// [`fold`], appending to `out`.
fn fold_into(word: &str, out: &mut String) {
    let w = strip_possessive(word);
    if w.is_ascii() {
        // Most names: the same folding without Unicode case tables.
        out.reserve(w.len());
        let mut last = 0u8;
        for b in w.bytes() {
            let b = match b.to_ascii_lowercase() {
                b'y' => b'i',
                b => b,
            };
            if !b.is_ascii_alphanumeric() || b == last {
                continue;
            }
            out.push(char::from(b));
            last = b;
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
    if doc.inside_quote(k) && doc.quote_opening(k).is_some() {
        return false;
    }
    doc.toks[k].kind == TokenKind::Handle
        // A capitalised word has a letter by definition.
        || doc.is_cap(k)
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
    let mut headline = vec![false; n];
    for u in doc.units.iter().filter(|u| u.title_case) {
        headline[u.a..u.b].fill(true);
    }
    let mut i = 0;
    while i < n {
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
            if name_token(doc, j)
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
        while p > 0
            && doc.has(p - 1, class::ROLE | class::NATION)
            && !doc.has(p - 1, class::DET)
            && p + 3 > run_start
        {
            p -= 1;
            context.push(doc.low(p));
        }
        let subject = subject_at[run_start]
            || (p < run_start && subject_at[p])
            || (p > 0 && subject_at[p - 1] && doc.has(p - 1, class::DET));
        // Known bodies first: "the White House", "Financial Times".
        if let Some((len, (kind, name))) = doc.lex.gazetteer.longest(doc.word(run_start), |x| {
            (run_start + x < n).then(|| doc.word(run_start + x))
        }) {
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
        if s < j {
            let last = j - 1;
            let words = j - s;
            let plain = (s..j).all(|k| {
                doc.toks[k].kind == TokenKind::Word
                    && !doc.has(
                        k,
                        class::ORG
                            | class::MEDIA
                            | class::GROUP
                            | class::NATION
                            | class::ROLE
                            | class::TIME,
                    )
                    && !doc.word(k).chars().all(|c| !c.is_lowercase())
            });
            let handle = doc.toks[s].kind == TokenKind::Handle;
            out.push(Name {
                a: s,
                b: j,
                key: if handle {
                    keys.add(|_| {})
                } else {
                    keys.add(|k| fold_into(doc.word(last), k))
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

/// Entities under construction.
struct Book<'d, 'a, 't> {
    doc: &'d Doc<'a, 't>,
    entities: Vec<Entity<'t>>,
    by_key: HashMap<String, usize>,
    /// Canonical name per person key.
    canonical: HashMap<String, String>,
    /// Context words per person key.
    context: HashMap<String, Vec<&'a str>>,
    /// (token, entity) of the sources resolved so far: people, and the rest.
    speakers: Vec<(usize, usize)>,
    bodies: Vec<(usize, usize)>,
}

impl<'t> Book<'_, '_, 't> {
    fn entity(&mut self, key: &str, name: &str, kind: EntityKind) -> usize {
        if let Some(&e) = self.by_key.get(key) {
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
    let mut keys = Keys(String::with_capacity(doc.text.len() / 8));
    let names = scan_names(doc, &mut keys);
    let mut book = Book {
        doc,
        entities: Vec::new(),
        by_key: HashMap::default(),
        canonical: HashMap::default(),
        context: HashMap::default(),
        speakers: Vec::new(),
        bodies: Vec::new(),
    };
    // Person keys and their canonical (longest) names.
    let mut names = names;
    for nm in names.iter_mut() {
        // The builder's aliases name people the text may not spell out.
        if !doc.lex.aliases.is_empty() && nm.known.is_none() {
            let text = strip_possessive(book.text_of(nm.a, nm.b)).to_lowercase();
            if let Some(c) = doc.lex.aliases.get(&text) {
                nm.key = keys.add(|k| fold_into(c.rsplit(' ').next().unwrap_or(c), k));
                nm.personal = true;
                book.canonical
                    .insert(keys.get(nm.key).to_string(), c.clone());
            }
        }
    }
    for nm in names.iter().filter(|n| n.personal) {
        let text = strip_possessive(book.text_of(nm.a, nm.b));
        let alias = if doc.lex.aliases.is_empty() {
            None
        } else {
            doc.lex.aliases.get(&text.to_lowercase())
        };
        let text = alias.map_or(text, String::as_str);
        let key = keys.get(nm.key);
        let better = book.canonical.get(key).is_none_or(|old| {
            let (nw, ow) = (
                text.split_whitespace().count(),
                old.split_whitespace().count(),
            );
            nw > ow || (nw == ow && text.len() > old.len())
        });
        if better {
            book.canonical.insert(key.to_string(), text.to_string());
        }
        match book.context.get_mut(key) {
            Some(ctx) => ctx.extend(nm.context.iter().cloned()),
            None => {
                book.context.insert(key.to_string(), nm.context.clone());
            }
        }
    }
    if let Some(author) = doc.author {
        book.entity("\u{0}author", author, EntityKind::Author);
    }
    // Name mentions that stand for people, in order, for pronouns.
    let subjects: Vec<(usize, &str)> = names
        .iter()
        .filter(|n| n.subject && book.canonical.contains_key(keys.get(n.key)))
        .map(|n| (n.a, keys.get(n.key)))
        .collect();
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
            if book.entities[e].kind == EntityKind::Person
                || book.entities[e].kind == EntityKind::Author
            {
                book.speakers.push((a, e));
            } else {
                book.bodies.push((a, e));
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
                .filter(|k| k.len() >= 4 && h.contains(k.as_str()))
                .max_by_key(|k| k.len())
                .cloned();
            return match key {
                Some(k) => (Some(person_entity(book, &k)), None),
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
        let fits: Vec<String> = book
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
            .map(|(k, _)| k.clone())
            .collect();
        if fits.len() == 1 {
            return (Some(person_entity(book, &fits[0])), None);
        }
    }
    // As written, without a leading determiner: a body, a group or an unnamed person.
    let mut s = a;
    while s + 1 < b && (doc.has(s, class::DET) && doc.is_lower_word(s) || doc.low(s) == "both") {
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
    let kind = if doc.has(head, class::MEDIA) {
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
    let key = format!("\u{1}{}", text.to_lowercase());
    (Some(book.entity(&key, &text, kind)), None)
}

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
    let name = book.canonical.get(key).map_or(key, String::as_str);
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
    let name = book
        .canonical
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_string());
    book.entity(key, &name, EntityKind::Person)
}
