//! The result of analysing one text: sentences, claims, attributions and entities.

use crate::span::Span;

/// What a sentence is on the page (SPEC §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// Running text.
    Body,
    /// A title or section heading.
    Heading,
    /// Page furniture that is not the article: navigation, share prompts, bylines, teasers.
    Boilerplate,
}

impl SentenceKind {
    /// The SPEC name: `body`, `heading` or `boilerplate`.
    ///
    /// ```
    /// assert_eq!(sayso::SentenceKind::Heading.as_str(), "heading");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            SentenceKind::Body => "body",
            SentenceKind::Heading => "heading",
            SentenceKind::Boilerplate => "boilerplate",
        }
    }
}

/// One sentence: a span of the text and its kind.
///
/// ```
/// let doc = sayso::Analyzer::new().analyze("Talks resumed. They failed.");
/// let s = &doc.sentences()[1];
/// assert_eq!((s.start(), s.end(), s.text()), (15, 27, "They failed."));
/// assert_eq!(s.kind(), sayso::SentenceKind::Body);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence<'t> {
    pub(crate) span: Span<'t>,
    pub(crate) kind: SentenceKind,
}

impl<'t> Sentence<'t> {
    /// Byte offset of the sentence's first byte.
    pub fn start(&self) -> usize {
        self.span.start()
    }
    /// Byte offset one past its last byte.
    pub fn end(&self) -> usize {
        self.span.end()
    }
    /// The sentence text (a slice of the input).
    pub fn text(&self) -> &'t str {
        self.span.as_str()
    }
    /// The sentence as a [`Span`].
    pub fn span(&self) -> Span<'t> {
        self.span
    }
    /// Body, heading or boilerplate.
    pub fn kind(&self) -> SentenceKind {
        self.kind
    }
}

/// A claim label (SPEC §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// An amount, count, statistic, price, share, rate, duration or magnitude.
    Quantity,
    /// A comparison, ranking, record or trend.
    Comparison,
    /// One thing caused or resulted from another.
    Causal,
    /// A future event, plan, expectation or conditional outcome.
    Prediction,
    /// What a law, rule, treaty or procedure says or requires.
    Rule,
    /// A specific action or occurrence by an identifiable actor.
    Event,
    /// A stance: support, opposition, demand, readiness, refusal, commitment.
    Position,
    /// A value judgement that cannot be checked.
    Opinion,
}

impl Label {
    /// All labels, in SPEC order.
    pub const ALL: [Label; 8] = [
        Label::Quantity,
        Label::Comparison,
        Label::Causal,
        Label::Prediction,
        Label::Rule,
        Label::Event,
        Label::Position,
        Label::Opinion,
    ];

    /// The SPEC name of the label.
    ///
    /// ```
    /// assert_eq!(sayso::Label::Quantity.as_str(), "quantity");
    /// assert_eq!("event".parse::<sayso::Label>(), Ok(sayso::Label::Event));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Quantity => "quantity",
            Label::Comparison => "comparison",
            Label::Causal => "causal",
            Label::Prediction => "prediction",
            Label::Rule => "rule",
            Label::Event => "event",
            Label::Position => "position",
            Label::Opinion => "opinion",
        }
    }

    /// True for the labels that make a sentence factual (SPEC §2: quantity, comparison,
    /// causal, event, rule).
    pub fn is_factual(self) -> bool {
        matches!(
            self,
            Label::Quantity | Label::Comparison | Label::Causal | Label::Event | Label::Rule
        )
    }
}

impl std::str::FromStr for Label {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Label, crate::Error> {
        Label::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| crate::Error::option(format!("unknown claim label {s:?}")))
    }
}

/// Words that make a label true.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Evidence<'t> {
    /// The label this evidence supports.
    pub label: Label,
    /// The evidence words.
    pub span: Span<'t>,
}

/// Identifier of an [`Entity`] within one document (1-based, as in the JSON).
pub type EntityId = usize;

/// A sentence that makes a claim: labels with evidence, check-worthiness, hedging, source.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim<'t> {
    /// Index into [`Document::sentences`].
    pub sentence: usize,
    /// Labels in SPEC order, without repeats.
    pub labels: Vec<Label>,
    /// `score >= 0.5`; never true without a factual label.
    pub checkworthy: bool,
    /// Estimated probability that the sentence is a check-worthy factual claim.
    pub score: f32,
    /// The sentence signals uncertainty or distance.
    pub hedged: bool,
    /// The entity who makes the claim, if known.
    pub source: Option<EntityId>,
    /// Evidence spans for the labels.
    pub evidence: Vec<Evidence<'t>>,
}

/// How the content of an attribution is given (SPEC §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AttributionKind {
    /// Wholly in quotation marks.
    Direct,
    /// Reported speech, no quotation marks.
    Indirect,
    /// Reported clause with a quoted fragment.
    Mixed,
}

impl AttributionKind {
    /// The SPEC name.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::Direct => "direct",
            AttributionKind::Indirect => "indirect",
            AttributionKind::Mixed => "mixed",
        }
    }
}

/// Who said what: source, cue, content, channel (SPEC §3).
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution<'t> {
    /// The mention of who expressed the content, as written.
    pub source: Option<Span<'t>>,
    /// The source resolved to a name.
    pub speaker: Option<String>,
    /// The entity behind the speaker.
    pub entity: Option<EntityId>,
    /// The speech or attribution word or phrase.
    pub cue: Option<Span<'t>>,
    /// What was said.
    pub content: Span<'t>,
    /// Direct, indirect or mixed.
    pub kind: AttributionKind,
    /// Where it was said ("X", "Telegram", "an interview", an outlet), when the text says.
    pub channel: Option<String>,
    /// A source that the source cites.
    pub via: Option<Span<'t>>,
}

/// What an entity is (SPEC §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A government, ministry, party, company, "the Kremlin".
    Organization,
    /// A news outlet.
    Media,
    /// An unnamed plural ("Western officials").
    Group,
    /// The document's author.
    Author,
}

impl EntityKind {
    /// The SPEC name.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Media => "media",
            EntityKind::Group => "group",
            EntityKind::Author => "author",
        }
    }
}

/// A person or body, with every mention of it in the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity<'t> {
    /// 1-based identifier, referenced by attributions and claims.
    pub id: EntityId,
    /// Canonical name: the longest full name seen.
    pub name: String,
    /// Person, organization, media, group or author.
    pub kind: EntityKind,
    /// Every mention, in text order.
    pub mentions: Vec<Span<'t>>,
}

/// Everything sayso found in one text.
///
/// Created by [`Analyzer::analyze`](crate::Analyzer::analyze); borrows the text, so spans
/// are slices of it. Serializes to the JSON of SPEC §5 (code point offsets), see
/// [`Document::json`].
///
/// ```
/// let doc = sayso::Analyzer::new().analyze("“We will go,” she said.");
/// assert_eq!(doc.sentences().len(), 1);
/// let json = doc.to_json();
/// assert!(json.starts_with(r#"{"sentences":[{"start":0,"end":23"#));
/// ```
#[derive(Clone, Debug)]
pub struct Document<'t> {
    pub(crate) text: &'t str,
    pub(crate) author: Option<String>,
    pub(crate) sentences: Vec<Sentence<'t>>,
    pub(crate) claims: Vec<Claim<'t>>,
    pub(crate) attributions: Vec<Attribution<'t>>,
    pub(crate) entities: Vec<Entity<'t>>,
}

impl<'t> Document<'t> {
    /// The analyzed text.
    pub fn text(&self) -> &'t str {
        self.text
    }
    /// The author given to the analyzer, if any.
    pub fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }
    /// Sentences in text order; together they cover every non-whitespace character.
    pub fn sentences(&self) -> &[Sentence<'t>] {
        &self.sentences
    }
    /// Claims, one per claim-making sentence, in text order.
    pub fn claims(&self) -> &[Claim<'t>] {
        &self.claims
    }
    /// Attributions in text order of their content.
    pub fn attributions(&self) -> &[Attribution<'t>] {
        &self.attributions
    }
    /// Entities by id (`entities()[id - 1].id == id`).
    pub fn entities(&self) -> &[Entity<'t>] {
        &self.entities
    }
    /// The entity with this id.
    pub fn entity(&self, id: EntityId) -> Option<&Entity<'t>> {
        id.checked_sub(1).and_then(|i| self.entities.get(i))
    }
    /// The claim made by sentence `index`, if it makes one.
    pub fn claim_of(&self, index: usize) -> Option<&Claim<'t>> {
        self.claims
            .binary_search_by_key(&index, |c| c.sentence)
            .ok()
            .map(|i| &self.claims[i])
    }
}
