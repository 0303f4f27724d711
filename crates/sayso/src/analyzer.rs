//! The analyzer: built once from compiled-in lexicons plus the user's additions, then
//! shared by any number of threads.

use std::sync::Arc;

use crate::attribution::Attributor;
use crate::claims::Tagger;
use crate::document::{Document, EntityKind, Label};
use crate::error::Error;
use crate::segment::Segmenter;
use crate::stage::Context;

/// Runs sentence splitting, attribution and claim tagging over texts.
///
/// Build it once (it compiles its lexicons), then call [`Analyzer::analyze`] as often as
/// you like, from any thread: it is immutable, `Send + Sync`, and cloning it is a
/// reference-count increment.
///
/// ```
/// use sayso::Analyzer;
/// let analyzer = Analyzer::new();
/// let doc = analyzer.analyze("Mr. Smith arrived at 5 p.m. on Dec. 6. He left.");
/// let texts: Vec<&str> = doc.sentences().iter().map(|s| s.text()).collect();
/// assert_eq!(texts, ["Mr. Smith arrived at 5 p.m. on Dec. 6.", "He left."]);
/// ```
#[derive(Clone, Debug)]
pub struct Analyzer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    options: AnalyzerBuilder,
    segmenter: Segmenter,
    attributor: Attributor,
    tagger: Tagger,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

impl Analyzer {
    /// An analyzer with the compiled-in lexicons only.
    pub fn new() -> Analyzer {
        // The default options are valid by construction (checked by a unit test).
        AnalyzerBuilder::new()
            .build()
            .expect("the compiled-in lexicons are valid")
    }

    /// A builder to extend the lexicons.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::new()
    }

    /// The options this analyzer was built with (to rebuild it elsewhere).
    pub fn options(&self) -> &AnalyzerBuilder {
        &self.inner.options
    }

    /// Analyzes `text`: sentences, attributions, entities and claims.
    pub fn analyze<'t>(&self, text: &'t str) -> Document<'t> {
        self.analyze_with_author(text, None)
    }

    /// Analyzes `text` written by `author` (a thread, a statement): first-person
    /// attributions and unattributed claims go to the author.
    ///
    /// ```
    /// let doc = sayso::Analyzer::new()
    ///     .analyze_with_author("I emphasized that talks must go on.", Some("Andriy Yermak"));
    /// assert_eq!(doc.author(), Some("Andriy Yermak"));
    /// ```
    pub fn analyze_with_author<'t>(&self, text: &'t str, author: Option<&str>) -> Document<'t> {
        let inner = &*self.inner;
        let sentences = inner.segmenter.split(text);
        let tokens = crate::tokens::tokenize(text);
        let author = author.map(str::trim).filter(|a| !a.is_empty());
        let cx = Context {
            text,
            sentences: &sentences,
            tokens: &tokens,
            author,
        };
        // Each token's word-list bits for the claim stage, found by the attribution
        // stage's token pass (one lookup per token for both).
        let mut shared = Vec::new();
        let wanted = (!inner.options.skip_claims).then_some(&mut shared);
        let (attributions, entities) = inner.attributor.attribute(&cx, wanted);
        let claims = if inner.options.skip_claims {
            Vec::new()
        } else {
            inner.tagger.tag(&cx, &shared, &attributions, &entities)
        };
        Document {
            text,
            author: author.map(str::to_string),
            sentences,
            claims,
            attributions,
            entities,
        }
    }

    /// Like [`Analyzer::analyze`], for bytes that should be UTF-8.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidUtf8`](crate::ErrorKind::InvalidUtf8) with the offset of the
    /// first invalid byte.
    pub fn analyze_bytes<'t>(&self, bytes: &'t [u8]) -> Result<Document<'t>, Error> {
        let text = std::str::from_utf8(bytes).map_err(Error::invalid_utf8)?;
        Ok(self.analyze(text))
    }

    /// Sentences only: the fastest way to split text.
    ///
    /// ```
    /// let s = sayso::Analyzer::new().split("See https://p.dw.com/p/4qkoW. Then go.");
    /// assert_eq!(s.len(), 2);
    /// ```
    pub fn split<'t>(&self, text: &'t str) -> Vec<crate::Sentence<'t>> {
        self.inner.segmenter.split(text)
    }
}

/// Builds an [`Analyzer`], adding entries to the compiled-in lexicons.
///
/// ```
/// use sayso::{Analyzer, EntityKind, Label};
/// let analyzer = Analyzer::builder()
///     .abbreviation("Gov.")
///     .alias("Zelensky", "Volodymyr Zelensky")
///     .gazetteer("Ukrinform", EntityKind::Media)
///     .cue("quipped")
///     .label_word(Label::Opinion, "splendid")
///     .build()
///     .unwrap();
/// let doc = analyzer.analyze("Gov. Smith spoke. He left.");
/// assert_eq!(doc.sentences().len(), 2);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnalyzerBuilder {
    pub(crate) abbreviations: Vec<String>,
    pub(crate) titles: Vec<String>,
    pub(crate) boilerplate: Vec<String>,
    pub(crate) cues: Vec<String>,
    pub(crate) aliases: Vec<(String, String)>,
    pub(crate) gazetteer: Vec<(String, EntityKind)>,
    pub(crate) label_words: Vec<(Label, String)>,
    pub(crate) hedges: Vec<String>,
    /// Claim tagging switched off (the default is on, hence the negative).
    pub(crate) skip_claims: bool,
}

impl AnalyzerBuilder {
    /// A builder with no additions.
    pub fn new() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// An abbreviation whose period does not end a sentence (`"Gov."`).
    pub fn abbreviation(mut self, abbr: impl Into<String>) -> Self {
        self.abbreviations.push(abbr.into());
        self
    }

    /// A title that precedes names (`"Gov."`, `"Commissioner"`), used by splitting and by
    /// speaker resolution (titles are dropped from speaker names).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.titles.push(title.into());
        self
    }

    /// A phrase that marks a line as page furniture (`"Sign up for our newsletter"`).
    pub fn boilerplate_phrase(mut self, phrase: impl Into<String>) -> Self {
        self.boilerplate.push(phrase.into());
        self
    }

    /// An attribution verb (any inflection you want matched: `"quipped"`).
    pub fn cue(mut self, verb: impl Into<String>) -> Self {
        self.cues.push(verb.into());
        self
    }

    /// Another name for an entity: mentions of `alias` resolve to `canonical`.
    pub fn alias(mut self, alias: impl Into<String>, canonical: impl Into<String>) -> Self {
        self.aliases.push((alias.into(), canonical.into()));
        self
    }

    /// A known outlet or institution and its kind.
    pub fn gazetteer(mut self, name: impl Into<String>, kind: EntityKind) -> Self {
        self.gazetteer.push((name.into(), kind));
        self
    }

    /// A word or phrase that signals `label` (evidence for it).
    pub fn label_word(mut self, label: Label, word: impl Into<String>) -> Self {
        self.label_words.push((label, word.into()));
        self
    }

    /// A word or phrase that marks a sentence as hedged.
    pub fn hedge(mut self, word: impl Into<String>) -> Self {
        self.hedges.push(word.into());
        self
    }

    /// Whether [`Analyzer::analyze`] tags claims (on by default). Switch it off when you
    /// only need sentences, attributions and entities: analysis is then faster and
    /// [`Document::claims`] is empty.
    ///
    /// ```
    /// let analyzer = sayso::Analyzer::builder().claims(false).build().unwrap();
    /// let doc = analyzer.analyze("Troops shelled the city, the mayor said.");
    /// assert!(doc.claims().is_empty());
    /// assert_eq!(doc.attributions().len(), 1);
    /// ```
    pub fn claims(mut self, on: bool) -> Self {
        self.skip_claims = !on;
        self
    }

    /// Compiles the lexicons.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidOption`](crate::ErrorKind::InvalidOption) for an empty entry.
    pub fn build(self) -> Result<Analyzer, Error> {
        self.validate()?;
        let segmenter = Segmenter::new(&self)?;
        let attributor = Attributor::new(&self, &crate::claims::shared_words())?;
        let tagger = Tagger::new(&self)?;
        Ok(Analyzer {
            inner: Arc::new(Inner {
                options: self,
                segmenter,
                attributor,
                tagger,
            }),
        })
    }

    fn validate(&self) -> Result<(), Error> {
        let lists: [(&str, &Vec<String>); 5] = [
            ("abbreviation", &self.abbreviations),
            ("title", &self.titles),
            ("boilerplate phrase", &self.boilerplate),
            ("cue", &self.cues),
            ("hedge", &self.hedges),
        ];
        for (what, list) in lists {
            if list.iter().any(|w| w.trim().is_empty()) {
                return Err(Error::option(format!("empty {what}")));
            }
        }
        for (alias, canonical) in &self.aliases {
            if alias.trim().is_empty() || canonical.trim().is_empty() {
                return Err(Error::option(format!(
                    "alias {alias:?} → {canonical:?}: both names must be non-empty"
                )));
            }
        }
        if self.gazetteer.iter().any(|(n, _)| n.trim().is_empty()) {
            return Err(Error::option("empty gazetteer name"));
        }
        if self.label_words.iter().any(|(_, w)| w.trim().is_empty()) {
            return Err(Error::option("empty label word"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_lexicons_build() {
        assert!(AnalyzerBuilder::new().build().is_ok());
    }

    #[test]
    fn empty_entries_are_rejected() {
        let err = Analyzer::builder().abbreviation(" ").build().unwrap_err();
        assert_eq!(err.kind(), &crate::ErrorKind::InvalidOption);
        assert!(Analyzer::builder().alias("", "X").build().is_err());
    }

    #[test]
    fn one_lookup_per_token_gives_the_claim_word_lists() {
        // Curly and straight apostrophes, "X." tokens, a sign in a list ("%"), numbers,
        // letters beyond ASCII (one whose lowercase form is shorter: the Kelvin sign),
        // long words, handles and builder words.
        let text = "WOULD Trump’s aides say ‘NO.’ on X. or U.S. — 5% of 1,000 \
                    Ma\u{ee}tre MAY we’re I’m can't Internationalisations @Who \u{212a}. \
                    İstanbul ٣ “quoted” Quipped Jan. no. NO.";
        let analyzer = Analyzer::builder()
            .cue("quipped")
            .title("Amb.")
            .build()
            .unwrap();
        let inner = &*analyzer.inner;
        let sentences = inner.segmenter.split(text);
        let tokens = crate::tokens::tokenize(text);
        let cx = Context {
            text,
            sentences: &sentences,
            tokens: &tokens,
            author: None,
        };
        let mut shared = Vec::new();
        inner.attributor.attribute(&cx, Some(&mut shared));
        assert_eq!(shared.len(), tokens.len());
        let own = inner.tagger.prepared(text, &tokens, None);
        let given = inner.tagger.prepared(text, &tokens, Some(&shared));
        assert_eq!(own, given);
        // The lists are really there: "would" is a modal, "%" a scale.
        assert!(own.iter().filter(|(_, f)| f >> 16 != 0).count() >= 6);
        // And the given bits are what the tagger reads.
        let zeros = vec![0; tokens.len()];
        assert_ne!(own, inner.tagger.prepared(text, &tokens, Some(&zeros)));
    }

    #[test]
    fn attributions_do_not_depend_on_claims() {
        // Without claims the attribution pass skips the claim bits: same findings.
        let text = "“We’ll see,” Mr. Smith told U.S. reporters. 5% of them said NO. \
                    According to Ukrinform, the mayor quipped that talks would resume.";
        let on = Analyzer::builder().cue("quipped").build().unwrap();
        let off = Analyzer::builder()
            .cue("quipped")
            .claims(false)
            .build()
            .unwrap();
        let (a, b) = (on.analyze(text), off.analyze(text));
        assert!(!a.attributions().is_empty());
        assert_eq!(a.attributions(), b.attributions());
        assert_eq!(a.entities(), b.entities());
    }

    #[test]
    fn analyzer_is_send_sync() {
        fn check<T: Send + Sync + Clone>() {}
        check::<Analyzer>();
    }
}
