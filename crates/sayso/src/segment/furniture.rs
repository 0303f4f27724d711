//! Page furniture (SPEC §1, kind `boilerplate`): what a line or a sentence looks like when
//! it is navigation, a prompt, a counter, a credit, a byline or a timestamp rather than
//! the article. Each test looks at one line or sentence; the document-level runs (teaser
//! lists, author boxes, the furniture above a title) are in `kind.rs`.

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};

use std::collections::HashMap;
use std::hash::Hasher;

use crate::analyzer::AnalyzerBuilder;
use crate::error::Error;
use crate::lexicon::{Fnv, FnvBuild, entries};

use super::lexicons::WordSet;

const PHRASES: &str = include_str!("../../data/boilerplate.txt");
const ZONES: &str = include_str!("../../data/furniture_zones.txt");
const DATETIME: &str = include_str!("../../data/datetime_words.txt");
const COUNTERS: &str = include_str!("../../data/counter_words.txt");
const BIO_ROLES: &str = include_str!("../../data/bio_roles.txt");

/// Phrase lookups only run on lines (or sentences) up to this long: furniture is short.
const SHORT: usize = 300;
/// A standalone timestamp is at most this long.
const TIMESTAMP: usize = 100;

/// How a line-start phrase must match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
    /// `^phrase`: the line starts with it.
    Start,
    /// `=phrase`: it is the whole line.
    Whole,
}

/// Line-start phrases keyed by [`first_word_key`].
type StartPhrases = HashMap<u64, Vec<(Box<str>, Anchor)>, FnvBuild>;

#[derive(Clone, Debug)]
pub(crate) struct Furniture {
    /// `^` and `=` phrases by their first word in lowercase (a line is looked up by its
    /// own first word, so running text costs one hash probe a line), longest first.
    at_start: StartPhrases,
    /// Plain phrases, searched anywhere in a short sentence.
    anywhere: AhoCorasick,
    /// Lines that open a furniture run (whole-line matches).
    zones: AhoCorasick,
    datetime: WordSet,
    datetime_anchors: WordSet,
    counters: WordSet,
    bio_roles: WordSet,
}

impl Furniture {
    pub(crate) fn new(options: &AnalyzerBuilder) -> Result<Furniture, Error> {
        let mut starts: Vec<(String, Anchor)> = Vec::new();
        let mut anywhere: Vec<String> = Vec::new();
        let extra = options.boilerplate.iter().map(|s| s.trim());
        for e in entries(PHRASES).chain(extra) {
            if let Some(p) = e.strip_prefix('^') {
                starts.push((p.trim().to_string(), Anchor::Start));
            } else if let Some(p) = e.strip_prefix('=') {
                starts.push((p.trim().to_string(), Anchor::Whole));
            } else {
                anywhere.push(e.to_string());
            }
        }
        // A phrase listed both ways matches as a line start (the weaker test).
        starts.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then((a.1 == Anchor::Whole).cmp(&(b.1 == Anchor::Whole)))
        });
        starts.dedup_by(|a, b| a.0.eq_ignore_ascii_case(&b.0));
        starts.retain(|(p, _)| !p.is_empty());
        anywhere.retain(|p| !p.is_empty());
        let anchored = |pats: Vec<&str>| -> Result<AhoCorasick, Error> {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .kind(Some(AhoCorasickKind::DFA))
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(pats)
                .map_err(|e| Error::option(format!("boilerplate phrases: {e}")))
        };
        let mut at_start = StartPhrases::default();
        for (p, a) in &starts {
            at_start
                .entry(first_word_key(p))
                .or_default()
                .push((p.as_str().into(), *a));
        }
        for list in at_start.values_mut() {
            list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
        let zones = anchored(entries(ZONES).collect())?;
        // Spelled out in its usual cases rather than searched case-insensitively, so that
        // the automaton keeps its SIMD prefilter: these phrases are rare in running text.
        let mut variants: Vec<String> = Vec::new();
        for p in &anywhere {
            let lower = p.to_lowercase();
            let upper = p.to_uppercase();
            let mut title = lower.clone();
            if let Some(f) = title.get_mut(..1) {
                f.make_ascii_uppercase();
            }
            for v in [p.clone(), lower, upper, title] {
                if !variants.contains(&v) {
                    variants.push(v);
                }
            }
        }
        let anywhere_ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&variants)
            .map_err(|e| Error::option(format!("boilerplate phrases: {e}")))?;
        let words = |data: &str| -> WordSet {
            entries(data)
                .map(|w| {
                    w.trim_end_matches('!')
                        .to_ascii_lowercase()
                        .into_boxed_str()
                })
                .collect()
        };
        Ok(Furniture {
            at_start,
            anywhere: anywhere_ac,
            zones,
            datetime: words(DATETIME),
            datetime_anchors: entries(DATETIME)
                .filter_map(|w| w.strip_suffix('!'))
                .map(|w| w.to_ascii_lowercase().into_boxed_str())
                .collect(),
            counters: words(COUNTERS),
            bio_roles: words(BIO_ROLES),
        })
    }

    /// True when the whole line is furniture.
    pub(crate) fn line(&self, line: &str) -> bool {
        let first = line.as_bytes().first().copied().unwrap_or(b' ');
        if !first.is_ascii_alphanumeric() && !line.chars().any(char::is_alphanumeric) {
            return true;
        }
        if self.phrase_at_start(line) {
            return true;
        }
        if line.len() > SHORT {
            return false;
        }
        // Cheap first-byte tests keep these off the lines of running text.
        (matches!(first, b'h' | b'w') && is_url(line))
            || (first.is_ascii_digit() && self.is_counter(line))
            || (line.len() <= TIMESTAMP && (self.is_timestamp(line) || self.is_dateline(line)))
            || (first == b'B' && is_byline(line))
            || self.parts_are_furniture(line)
            || self.words_are_furniture(line)
    }

    /// "Facebook Twitter Email": a short row of words, each a furniture line by itself
    /// (share buttons, menu items).
    fn words_are_furniture(&self, line: &str) -> bool {
        const MAX_BYTES: usize = 80;
        const MAX_WORDS: usize = 8;
        if line.len() > MAX_BYTES || !line.contains(' ') {
            return false;
        }
        let words = line.split_ascii_whitespace();
        let n = words.clone().count();
        (2..=MAX_WORDS).contains(&n)
            && words
                .clone()
                .all(|w| w.chars().all(char::is_alphabetic) && self.phrase_at_start(w))
    }

    /// "Updated 2 hours ago | 4 min read": parts joined by a separator, each furniture.
    fn parts_are_furniture(&self, line: &str) -> bool {
        const SEPARATORS: [char; 3] = ['|', '·', '•'];
        // `|`, and the last bytes of `·` and `•`: a quick byte scan before the real test.
        if memchr::memchr3(b'|', 0xb7, 0xa2, line.as_bytes()).is_none()
            || !line.contains(SEPARATORS)
        {
            return false;
        }
        let mut parts = line
            .split(SEPARATORS)
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let (Some(a), Some(b)) = (parts.next(), parts.next()) else {
            return false;
        };
        [a, b].into_iter().chain(parts).all(|p| self.line(p))
    }

    /// True when the line opens a run of furniture ("Recent News", "Read more").
    pub(crate) fn opens_zone(&self, line: &str) -> bool {
        line.len() <= 64
            && self
                .zones
                .find(Input::new(line).anchored(Anchored::Yes))
                .is_some_and(|m| is_line_rest(&line[m.end()..]))
    }

    /// True when the sentence is furniture by itself: it holds a furniture phrase, or it
    /// is a short credit in brackets ("(Jane Doe / Reuters)").
    pub(crate) fn sentence(&self, s: &str) -> bool {
        if s.len() > SHORT {
            return false;
        }
        // Nothing to read: a lone emoji ("🧵"), a separator ("***").
        if !s.chars().any(char::is_alphanumeric) {
            return true;
        }
        if is_bracketed_credit(s) || is_slash_credit(s) {
            return true;
        }
        self.anywhere
            .find_iter(s)
            .any(|m| word_bounded(s, m.start(), m.end()))
    }

    /// True when the line opens an author bio: "<Name> is a/an/the <role> ...".
    pub(crate) fn opens_bio(&self, line: &str) -> bool {
        let mut words = line.split_whitespace().take(24);
        let mut names = 0;
        for w in words.by_ref() {
            if w == "is" || w == "was" {
                break;
            }
            if !w.chars().next().is_some_and(char::is_uppercase) || names >= 4 {
                return false;
            }
            names += 1;
        }
        if names == 0 || !matches!(words.next(), Some("a" | "an" | "the" | "our")) {
            return false;
        }
        words.any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let mut buf = [0u8; 24];
            lower(w, &mut buf).is_some_and(|w| self.bio_roles.contains(w))
        })
    }

    /// True when a sentence that closes a paragraph of article text is a prompt ("Read
    /// more at apnews.com/ukraine.", "Follow our live coverage here.").
    /// Only line-start phrases (`^`) count, and no quotation: "Listen." or "Join us
    /// here!”" closing a paragraph are someone's words.
    pub(crate) fn closing_prompt(&self, s: &str) -> bool {
        s.len() <= TIMESTAMP
            && !s.contains(['"', '“', '”', '«', '»'])
            && self.phrase_at_start_as(s, Some(Anchor::Start))
    }

    fn phrase_at_start(&self, line: &str) -> bool {
        self.phrase_at_start_as(line, None)
    }

    /// [`Furniture::phrase_at_start`] with only phrases of one anchor, when given.
    fn phrase_at_start_as(&self, line: &str, only: Option<Anchor>) -> bool {
        let Some(list) = self.at_start.get(&first_word_key(line)) else {
            return false;
        };
        let bytes = line.as_bytes();
        for (p, anchor) in list {
            if only.is_some_and(|a| a != *anchor) {
                continue;
            }
            let Some(head) = bytes.get(..p.len()) else {
                continue;
            };
            if !head.eq_ignore_ascii_case(p.as_bytes()) || !line.is_char_boundary(p.len()) {
                continue;
            }
            return match anchor {
                Anchor::Start => word_bounded(line, 0, p.len()),
                Anchor::Whole => is_line_rest(&line[p.len()..]),
            };
        }
        false
    }

    /// "2 min read", "0 members on board", "1.2K shares".
    fn is_counter(&self, line: &str) -> bool {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else {
            return false;
        };
        if !is_number(first.trim_end_matches(['K', 'k', 'M', 'm', '+'])) {
            return false;
        }
        let mut n = 1;
        let mut hit = false;
        for w in words {
            n += 1;
            if n > 6 {
                return false;
            }
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let mut buf = [0u8; 24];
            hit |= lower(w, &mut buf).is_some_and(|w| self.counters.contains(w));
        }
        hit
    }

    /// A place and a date standing alone: "Kyiv, 31 July 2025", "New York, Dec. 6".
    fn is_dateline(&self, line: &str) -> bool {
        let Some((place, date)) = line.split_once(',') else {
            return false;
        };
        let words = place.split_whitespace();
        let named = words.clone().count() <= 3
            && words
                .into_iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        named && !date.trim().is_empty() && self.is_timestamp(date)
    }

    /// "Updated 3 hours ago", "Sat 6 Dec 2025 14.03 GMT", "December 6, 2025".
    fn is_timestamp(&self, line: &str) -> bool {
        let mut anchored = false;
        for (k, w) in line.split_whitespace().enumerate() {
            if k >= 14 {
                return false;
            }
            let w = w.trim_matches(|c: char| {
                matches!(c, ',' | '|' | '·' | '-' | '–' | '—' | '(' | ')' | ':')
            });
            if w.is_empty() {
                continue;
            }
            if is_number(w) {
                anchored = true;
                continue;
            }
            let mut buf = [0u8; 24];
            let Some(low) = lower(w, &mut buf) else {
                return false;
            };
            let bare = low.trim_end_matches('.');
            if self.datetime.contains(low) || self.datetime.contains(bare) {
                anchored |= self.datetime_anchors.contains(bare);
            } else {
                return false;
            }
        }
        anchored
    }
}

/// A hash of the leading run of ASCII letters and digits, in lowercase (of nothing when
/// the text starts otherwise). Collisions only cost a comparison.
fn first_word_key(s: &str) -> u64 {
    let mut h = Fnv::default();
    for &b in s
        .as_bytes()
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
    {
        h.write_u8(b.to_ascii_lowercase());
    }
    h.finish()
}

/// `w` in ASCII lowercase, in `buf` (no allocation); `None` when it does not fit.
fn lower<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let out = buf.get_mut(..w.len())?;
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// What may follow a whole-line phrase: nothing but punctuation and arrows.
fn is_line_rest(rest: &str) -> bool {
    rest.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                ':' | '.' | '!' | '›' | '»' | '>' | '→' | '|' | '…' | '+' | '-' | '(' | ')'
            )
            || c.is_ascii_digit()
    })
}

/// No letter or digit glued to either side of `s[start..end]` (where the phrase itself
/// begins or ends with one).
fn word_bounded(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    let first = s[start..end].chars().next();
    let last = s[start..end].chars().next_back();
    let glued = |a: Option<char>, b: Option<char>| {
        a.is_some_and(char::is_alphanumeric) && b.is_some_and(char::is_alphanumeric)
    };
    !glued(before, first) && !glued(last, after)
}

/// Digits with inner separators: `25,000`, `3.5`, `14:03`, `2025-12-06`, `6/12`.
fn is_number(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']);
    !w.is_empty()
        && w.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && w.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.' | b':' | b'/' | b'-'))
}

/// A line that is one web address.
fn is_url(line: &str) -> bool {
    let line = line.trim();
    !line.contains(char::is_whitespace)
        && (line.starts_with("http://")
            || line.starts_with("https://")
            || line.starts_with("www.")
            || line.contains("://"))
}

/// "By Jane Doe", "By Jane Doe and John Roe, Reuters".
fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().take(11).collect();
    if words.is_empty()
        || words.len() > 10
        || line.ends_with(['.', '!', '?']) && !line.ends_with(" Jr.")
    {
        return false;
    }
    let names = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '@')
        })
        .count();
    names * 3 >= words.len() * 2
}

/// "Jane Doe/AP", "John Roe / Reuters": a few capitalised words, a slash and an agency,
/// with no terminal punctuation.
fn is_slash_credit(s: &str) -> bool {
    let Some((who, agency)) = s.rsplit_once('/') else {
        return false;
    };
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let who: Vec<&str> = who.split_whitespace().collect();
    let agency: Vec<&str> = agency.split_whitespace().collect();
    !s.contains("://")
        && !s.ends_with(['.', '!', '?'])
        && (1..=4).contains(&who.len())
        && (1..=4).contains(&agency.len())
        && who.iter().chain(&agency).all(|w| capital(w) || *w == "via")
}

/// "(Jane Doe / Reuters)": a short bracketed sentence with no terminal punctuation inside.
fn is_bracketed_credit(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) else {
        return false;
    };
    !inner.contains(['(', ')'])
        && !inner.trim_end().ends_with(['.', '!', '?'])
        && inner.split_whitespace().count() <= 10
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f() -> Furniture {
        Furniture::new(&AnalyzerBuilder::new()).unwrap()
    }

    #[test]
    fn line_phrases() {
        let f = f();
        assert!(f.line("Skip to main content"));
        assert!(f.line("Share this article"));
        assert!(f.line("ADVERTISEMENT"));
        assert!(f.line("Advertisement:"));
        assert!(f.line("Image: Jane Doe / Reuters"));
        assert!(f.line("Also Read | Markets Rally After Vote"));
        assert!(!f.line("Shareholders approved the merger."));
        assert!(!f.line("Advertisements for the product ran for weeks."));
        assert!(!f.line("Search teams found the wreck on Monday."));
    }

    #[test]
    fn counters_timestamps_urls_bylines() {
        let f = f();
        assert!(f.line("2 min read"));
        assert!(f.line("0 members on board"));
        assert!(f.line("1.2K shares"));
        assert!(!f.line("25 people were hurt"));
        assert!(f.line("Updated 3 hours ago"));
        assert!(f.line("December 6, 2025"));
        assert!(f.line("Sat 6 Dec 2025 14.03 GMT"));
        assert!(!f.line("The Last Day"));
        assert!(f.line("https://example.org/a/b"));
        assert!(f.line("By Jane Doe and John Roe"));
        assert!(!f.line("By noon the streets were empty."));
        assert!(f.line("• • •"));
        assert!(f.line("Updated 2 hours ago | 4 min read"));
        assert!(f.line("Kyiv, 31 July 2025"));
        assert!(!f.line("Kyiv, the capital"));
        assert!(f.line("By Jane Doe · 5 min read"));
        assert!(!f.line("Kyiv | The city was quiet on Sunday"));
        // A row of share buttons, but not a headline made of the same names.
        assert!(f.line("Facebook Twitter Email"));
        assert!(f.line("Share WhatsApp Print"));
        assert!(!f.line("Facebook sues Twitter"));
        assert!(!f.line("Facebook Twitter Email them all"));
        assert!(f.line("Replying to @ZelenskyyUa"));
        assert!(f.line("Show this thread"));
    }

    #[test]
    fn sentences_and_zones() {
        let f = f();
        assert!(f.sentence("(Jane Doe / X)"));
        assert!(!f.sentence("(The meeting was cancelled.)"));
        assert!(f.sentence("Sign up to our newsletter for more."));
        assert!(f.sentence("John Roe/AFP via Getty Images"));
        assert!(f.sentence("Jose Luis Marin/AP"));
        assert!(!f.sentence("The ratio was 3/4 of the vote."));
        assert!(!f.sentence("He and/or she left"));
        assert!(f.opens_zone("Related stories"));
        assert!(f.opens_zone("READ MORE:"));
        assert!(!f.opens_zone("Related stories of the war were told."));
        assert!(f.opens_bio("Jane Doe is a staff reporter covering energy."));
        assert!(!f.opens_bio("Jane Doe is a lawyer in Ohio."));
    }

    #[test]
    fn builder_phrases_extend_the_list() {
        let b = AnalyzerBuilder::new().boilerplate_phrase("^Tip us off");
        let f = Furniture::new(&b).unwrap();
        assert!(f.line("Tip us off at tips@example.org"));
    }
}
