//! The attribution word lists, compiled once per analyzer from the data files and the
//! builder's additions.

use std::collections::HashMap as StdMap;

use super::wordtable::WordTable;
use crate::analyzer::AnalyzerBuilder;
use crate::document::EntityKind;
use crate::lexicon::{FnvBuild, entries};
use crate::tokens::tokenize;

pub(crate) type HashMap<K, V> = StdMap<K, V, FnvBuild>;

/// Word classes (bit flags) from `attribution_words.txt` and `speaker_roles.txt`.
pub(crate) mod class {
    pub(crate) const AUX: u32 = 1;
    pub(crate) const SUBJ: u32 = 1 << 1;
    pub(crate) const DET: u32 = 1 << 2;
    pub(crate) const BOUNDARY: u32 = 1 << 3;
    pub(crate) const SUB: u32 = 1 << 4;
    pub(crate) const LEAD: u32 = 1 << 5;
    pub(crate) const SKIP: u32 = 1 << 6;
    pub(crate) const TIME: u32 = 1 << 7;
    pub(crate) const PREP: u32 = 1 << 8;
    pub(crate) const TELL: u32 = 1 << 9;
    pub(crate) const NOTCUE: u32 = 1 << 10;
    pub(crate) const PERSON: u32 = 1 << 11;
    pub(crate) const PLURAL: u32 = 1 << 12;
    pub(crate) const FIRST: u32 = 1 << 13;
    pub(crate) const NATION: u32 = 1 << 14;
    pub(crate) const ORG: u32 = 1 << 15;
    pub(crate) const MEDIA: u32 = 1 << 16;
    pub(crate) const GROUP: u32 = 1 << 17;
    pub(crate) const ROLE: u32 = 1 << 18;
    /// First word of a cue (verb or phrase).
    pub(crate) const CUE: u32 = 1 << 19;
    /// First word of a naming cue ("called").
    pub(crate) const NAMING: u32 = 1 << 20;
    /// A platform or the first word of a form of saying (channels).
    pub(crate) const CHANNEL: u32 = 1 << 21;
    pub(crate) const INF: u32 = 1 << 22;
    pub(crate) const WH: u32 = 1 << 23;
    pub(crate) const PAST: u32 = 1 << 24;
    /// A preposition that opens a fronted adverbial phrase ("For months, …").
    pub(crate) const OPENER: u32 = 1 << 25;
    /// A word that labels a line before a colon ("Interview:", "Analysis:").
    pub(crate) const LABEL: u32 = 1 << 26;
    /// Not a word class: the lowercase first word of a gazetteer name, so that the
    /// exact-case lookup runs only for the few tokens that may open one.
    pub(crate) const GAZETTEER: u32 = 1 << 31;

    pub(crate) fn named(name: &str) -> Option<u32> {
        Some(match name {
            "aux" => AUX,
            "subj" => SUBJ,
            "det" => DET,
            "boundary" => BOUNDARY,
            "sub" => SUB,
            "lead" => LEAD,
            "skip" => SKIP,
            "time" => TIME,
            "prep" => PREP,
            "tell" => TELL,
            "notcue" => NOTCUE,
            "person" => PERSON,
            "plural" => PLURAL,
            "first" => FIRST,
            "nation" => NATION,
            "org" => ORG,
            "media" => MEDIA,
            "group" => GROUP,
            "inf" => INF,
            "wh" => WH,
            "past" => PAST,
            "opener" => OPENER,
            "label" => LABEL,
            _ => return None,
        })
    }
}

/// A multi-word entry: its lowercase words after the first, and what it is.
#[derive(Clone, Debug)]
pub(crate) struct Phrase<T> {
    pub(crate) rest: Vec<String>,
    pub(crate) value: T,
}

/// Entries keyed by their first (lowercase or exact) word, longest first.
#[derive(Clone, Debug)]
pub(crate) struct PhraseMap<T> {
    map: HashMap<String, Vec<Phrase<T>>>,
}

impl<T: Clone> PhraseMap<T> {
    fn new() -> Self {
        PhraseMap {
            map: HashMap::default(),
        }
    }

    fn insert(&mut self, phrase: &str, lower: bool, value: T) {
        let words: Vec<String> = tokenize(phrase)
            .iter()
            .map(|t| {
                let w = t.text(phrase);
                if lower {
                    w.to_lowercase()
                } else {
                    w.to_string()
                }
            })
            .collect();
        let Some((first, rest)) = words.split_first() else {
            return;
        };
        let list = self.map.entry(first.clone()).or_default();
        list.push(Phrase {
            rest: rest.to_vec(),
            value,
        });
        list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
    }

    /// The longest entry whose first word is `first` and whose other words are
    /// `next(1)`, `next(2)`, …; returns it with its length in words.
    pub(crate) fn longest<'s>(
        &'s self,
        first: &str,
        mut next: impl FnMut(usize) -> Option<&'s str>,
    ) -> Option<(usize, &'s T)>
    where
        T: 's,
    {
        let list = self.map.get(first)?;
        // Longest first: when the first entry is one word, so are all.
        if let Some(p) = list.first().filter(|p| p.rest.is_empty()) {
            return Some((1, &p.value));
        }
        // `next` borrows nothing from self; the words are fetched lazily, once each:
        // the first few in a local array (entries are short), any further ones in a
        // vector.
        const NEAR: usize = 8;
        let mut near: [Option<&str>; NEAR] = [None; NEAR];
        let mut fetched = 0;
        let mut far: Vec<Option<&str>> = Vec::new();
        'cand: for p in list {
            for (k, w) in p.rest.iter().enumerate() {
                while fetched <= k {
                    let got = next(fetched + 1);
                    match near.get_mut(fetched) {
                        Some(slot) => *slot = got,
                        None => far.push(got),
                    }
                    fetched += 1;
                }
                let word = match near.get(k) {
                    Some(x) => *x,
                    None => far.get(k - NEAR).copied().flatten(),
                };
                match word {
                    Some(x) if x == w => {}
                    _ => continue 'cand,
                }
            }
            return Some((p.rest.len() + 1, &p.value));
        }
        None
    }

    fn keys(&self) -> impl Iterator<Item = &str> {
        self.map.keys().map(String::as_str)
    }
}

/// A cue entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// Takes a clause or a quotation.
    Speech,
    /// Names or labels: an attribution only with quoted words in its object.
    Naming,
}

/// A channel entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ChannelKind {
    /// A network or app, reported by its name ("Telegram").
    Platform(String),
    /// A form of saying ("press conference").
    Form(String),
}

/// The gender a given name or a pronoun marks, for pronoun agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

impl Gender {
    /// The gender of a third-person pronoun ("he", "her"); `None` for any other word.
    pub(crate) fn of_pronoun(lower: &str) -> Option<Gender> {
        match lower {
            "he" | "him" | "his" | "himself" => Some(Gender::Male),
            "she" | "her" | "hers" | "herself" => Some(Gender::Female),
            _ => None,
        }
    }

    /// The gender a lowercase title marks ("mr", "mrs."), if any.
    pub(crate) fn of_title(lower: &str) -> Option<Gender> {
        match lower.trim_end_matches('.') {
            "mr" | "sir" | "lord" | "king" | "prince" => Some(Gender::Male),
            "mrs" | "ms" | "miss" | "madam" | "dame" | "lady" | "queen" | "princess" => {
                Some(Gender::Female)
            }
            _ => None,
        }
    }
}

/// Everything the attribution stage looks words up in.
#[derive(Clone, Debug)]
pub(crate) struct Lexicons {
    classes: HashMap<String, u32>,
    /// The same, packed for the per-token lookup.
    table: WordTable,
    /// The shared bits of each one-byte token, so that punctuation (one token in six)
    /// is not looked up.
    shared_byte: [u32; 128],
    pub(crate) cues: PhraseMap<CueKind>,
    pub(crate) channels: PhraseMap<ChannelKind>,
    /// Exact-case names of outlets and institutions.
    pub(crate) gazetteer: PhraseMap<(EntityKind, String)>,
    /// Lowercase alias → canonical name.
    pub(crate) aliases: HashMap<String, String>,
    /// Lowercase given name → the gender it marks.
    pub(crate) genders: HashMap<String, Gender>,
}

const WORDS: &str = include_str!("../../data/attribution_words.txt");
const ROLES: &str = include_str!("../../data/speaker_roles.txt");
const CUES: &str = include_str!("../../data/cues.txt");
const NAMING: &str = include_str!("../../data/cue_naming.txt");
const GAZETTEER: &str = include_str!("../../data/gazetteer.txt");
const CHANNELS: &str = include_str!("../../data/channels.txt");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");

fn kind_named(name: &str) -> Option<EntityKind> {
    Some(match name {
        "media" => EntityKind::Media,
        "organization" => EntityKind::Organization,
        "person" => EntityKind::Person,
        "group" => EntityKind::Group,
        _ => return None,
    })
}

impl Lexicons {
    /// The lists of `options`; `shared` are the word lists of the stage after this one
    /// (lowercase word, bits), held in the same table so that the token pass looks each
    /// token up once for both (see [`crate::stage::TokenBits`]).
    pub(crate) fn new(options: &AnalyzerBuilder, shared: &[(Box<str>, u32)]) -> Lexicons {
        let mut classes: HashMap<String, u32> = HashMap::default();
        let mut add = |w: &str, c: u32| {
            *classes.entry(w.to_lowercase()).or_default() |= c;
        };
        for line in entries(WORDS) {
            if let Some((name, word)) = line.split_once(' ') {
                if let Some(c) = class::named(name) {
                    add(word.trim(), c);
                }
            }
        }
        for w in entries(ROLES) {
            add(w, class::ROLE);
        }
        for t in &options.titles {
            let t = t.trim();
            add(t, class::ROLE);
            add(t.trim_end_matches('.'), class::ROLE);
        }
        let mut cues = PhraseMap::new();
        for w in entries(CUES) {
            cues.insert(w, true, CueKind::Speech);
        }
        for w in &options.cues {
            cues.insert(w.trim(), true, CueKind::Speech);
        }
        for w in entries(NAMING) {
            cues.insert(w, true, CueKind::Naming);
        }
        let mut channels = PhraseMap::new();
        for line in entries(CHANNELS) {
            match line.split_once(' ') {
                Some(("platform", name)) => {
                    channels.insert(name, true, ChannelKind::Platform(name.to_string()))
                }
                Some(("form", name)) => {
                    channels.insert(name, true, ChannelKind::Form(name.to_string()))
                }
                _ => {}
            }
        }
        let mut gazetteer = PhraseMap::new();
        for line in entries(GAZETTEER) {
            if let Some((k, name)) = line.split_once(' ') {
                if let Some(kind) = kind_named(k) {
                    gazetteer.insert(name.trim(), false, (kind, name.trim().to_string()));
                }
            }
        }
        for (name, kind) in &options.gazetteer {
            gazetteer.insert(name.trim(), false, (*kind, name.trim().to_string()));
        }
        let aliases = options
            .aliases
            .iter()
            .map(|(a, c)| (a.trim().to_lowercase(), c.trim().to_string()))
            .collect();
        let genders = entries(FIRST_NAMES)
            .filter_map(|line| match line.split_once(' ') {
                Some(("m", name)) => Some((name.trim().to_lowercase(), Gender::Male)),
                Some(("f", name)) => Some((name.trim().to_lowercase(), Gender::Female)),
                _ => None,
            })
            .collect();
        let mut lex = Lexicons {
            table: WordTable::default(),
            shared_byte: [0; 128],
            classes,
            cues,
            channels,
            gazetteer,
            aliases,
            genders,
        };
        let firsts: Vec<(String, u32)> = lex
            .cues
            .map
            .iter()
            .map(|(k, v)| {
                let naming = v.iter().any(|p| p.value == CueKind::Naming);
                let speech = v.iter().any(|p| p.value == CueKind::Speech);
                let bits =
                    if speech { class::CUE } else { 0 } | if naming { class::NAMING } else { 0 };
                (k.clone(), bits)
            })
            .chain(lex.channels.keys().map(|k| (k.to_string(), class::CHANNEL)))
            .collect();
        for (k, bits) in firsts {
            *lex.classes.entry(k).or_default() |= bits;
        }
        let gazetteer_firsts: Vec<String> = lex
            .gazetteer
            .keys()
            .map(|k| k.chars().flat_map(char::to_lowercase).collect())
            .collect();
        for k in gazetteer_firsts {
            *lex.classes.entry(k).or_default() |= class::GAZETTEER;
        }
        lex.table = WordTable::new(&lex.classes, shared);
        for (b, slot) in (0u8..).zip(lex.shared_byte.iter_mut()) {
            let key = char::from(b.to_ascii_lowercase()).to_string();
            *slot = lex.table.get_both(&key).1;
        }
        lex
    }

    /// The class bits of a lowercase word.
    pub(crate) fn classes(&self, lower: &str) -> u32 {
        self.table.get(lower)
    }

    /// The shared bits of the one-byte token `b` (0 when `b` is not ASCII).
    #[inline]
    pub(crate) fn shared_of_byte(&self, b: u8) -> u32 {
        self.shared_byte.get(usize::from(b)).copied().unwrap_or(0)
    }

    /// The class bits and the shared bits of a lowercase word.
    pub(crate) fn classes_and_shared(&self, lower: &str) -> (u32, u32) {
        self.table.get_both(lower)
    }

    /// `(class bits, shared bits, has a capital, its lowercase form when it is a listed
    /// word)` of the word `text[at..at + len]` in any case, without lowercasing it
    /// first; `None` when it is not ASCII.
    #[inline(always)]
    pub(crate) fn classes_ascii(
        &self,
        text: &[u8],
        at: usize,
        len: usize,
    ) -> Option<(u32, u32, bool, Option<&str>)> {
        self.table.get_ascii_cased(text, at, len)
    }
}
