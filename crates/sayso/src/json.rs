//! The JSON of SPEC §5, with code point (default) or byte offsets.

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct, Serializer};

use crate::document::{Attribution, Claim, Document, Entity, Sentence};
use crate::offsets::OffsetMap;
use crate::span::Span;

/// The unit of offsets in serialized output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum OffsetUnit {
    /// Unicode code points, as Python indexes strings (SPEC §5; the default).
    #[default]
    Chars,
    /// UTF-8 bytes, as Rust indexes strings.
    Bytes,
}

/// A serializable view of a [`Document`]: SPEC §5 JSON with an optional `id`.
///
/// ```
/// use sayso::{Analyzer, OffsetUnit};
/// let doc = Analyzer::new().analyze("Kyiv – calm. Türkiye waits.");
/// let chars = serde_json::to_value(doc.json().id("a1")).unwrap();
/// assert_eq!(chars["id"], "a1");
/// assert_eq!(chars["sentences"][1]["start"], 13);
/// let bytes = serde_json::to_value(doc.json().offsets(OffsetUnit::Bytes)).unwrap();
/// assert_eq!(bytes["sentences"][1]["start"], 15);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct JsonDocument<'d, 't> {
    doc: &'d Document<'t>,
    id: Option<Id<'d>>,
    unit: OffsetUnit,
}

impl<'t> Document<'t> {
    /// A serializable view with code point offsets and no id; see [`JsonDocument`].
    pub fn json(&self) -> JsonDocument<'_, 't> {
        JsonDocument {
            doc: self,
            id: None,
            unit: OffsetUnit::Chars,
        }
    }

    /// The document as SPEC §5 JSON (code point offsets, no id) on one line.
    pub fn to_json(&self) -> String {
        // Serializing owned strings and numbers into a String cannot fail.
        serde_json::to_string(&self.json()).unwrap_or_default()
    }
}

impl<'d, 't> JsonDocument<'d, 't> {
    /// Emit `"id": id` first.
    pub fn id(mut self, id: &'d str) -> Self {
        self.id = Some(Id::Str(id));
        self
    }

    /// Emit `"id": id` first, for ids that are not strings (JSON Lines input passes its
    /// ids through as they are).
    ///
    /// ```
    /// let doc = sayso::Analyzer::new().analyze("Hi.");
    /// let id = serde_json::json!(42);
    /// assert!(serde_json::to_string(&doc.json().id_value(&id)).unwrap().starts_with(r#"{"id":42,"#));
    /// ```
    pub fn id_value(mut self, id: &'d serde_json::Value) -> Self {
        self.id = Some(Id::Value(id));
        self
    }

    /// Choose code point (default) or byte offsets.
    pub fn offsets(mut self, unit: OffsetUnit) -> Self {
        self.unit = unit;
        self
    }
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.json().serialize(s)
    }
}

#[derive(Clone, Copy, Debug)]
enum Id<'d> {
    Str(&'d str),
    Value(&'d serde_json::Value),
}

/// Offset conversion shared by all parts of one serialization.
struct Conv<'t> {
    map: Option<OffsetMap<'t>>,
}

impl Conv<'_> {
    fn at(&self, byte: usize) -> usize {
        match &self.map {
            Some(m) => m.to_char(byte),
            None => byte,
        }
    }
}

struct With<'c, 't, T> {
    conv: &'c Conv<'t>,
    item: T,
}

fn with<'c, 't, T>(conv: &'c Conv<'t>, item: T) -> With<'c, 't, T> {
    With { conv, item }
}

impl Serialize for JsonDocument<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let conv = Conv {
            map: (self.unit == OffsetUnit::Chars).then(|| OffsetMap::new(self.doc.text)),
        };
        let d = self.doc;
        let mut m = s.serialize_map(None)?;
        match self.id {
            Some(Id::Str(id)) => m.serialize_entry("id", id)?,
            Some(Id::Value(id)) => m.serialize_entry("id", id)?,
            None => {}
        }
        m.serialize_entry("sentences", &with(&conv, &d.sentences[..]))?;
        m.serialize_entry("claims", &with(&conv, &d.claims[..]))?;
        m.serialize_entry("attributions", &with(&conv, &d.attributions[..]))?;
        m.serialize_entry("entities", &with(&conv, &d.entities[..]))?;
        m.end()
    }
}

impl<T> Serialize for With<'_, '_, &[T]>
where
    for<'a, 'b, 'c> With<'a, 'b, &'c T>: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.item.len()))?;
        for x in self.item {
            seq.serialize_element(&with(self.conv, x))?;
        }
        seq.end()
    }
}

impl Serialize for With<'_, '_, &Span<'_>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Span", 3)?;
        st.serialize_field("start", &self.conv.at(self.item.start()))?;
        st.serialize_field("end", &self.conv.at(self.item.end()))?;
        st.serialize_field("text", self.item.as_str())?;
        st.end()
    }
}

impl Serialize for With<'_, '_, &Option<Span<'_>>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.item {
            Some(span) => with(self.conv, span).serialize(s),
            None => s.serialize_none(),
        }
    }
}

impl Serialize for With<'_, '_, &Sentence<'_>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = self.item;
        let mut st = s.serialize_struct("Sentence", 4)?;
        st.serialize_field("start", &self.conv.at(x.start()))?;
        st.serialize_field("end", &self.conv.at(x.end()))?;
        st.serialize_field("text", x.text())?;
        st.serialize_field("kind", &x.kind())?;
        st.end()
    }
}

struct EvidenceJson<'c, 't, 'e>(&'c Conv<'t>, &'e crate::document::Evidence<'e>);

impl Serialize for EvidenceJson<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Evidence", 4)?;
        st.serialize_field("label", &self.1.label)?;
        st.serialize_field("start", &self.0.at(self.1.span.start()))?;
        st.serialize_field("end", &self.0.at(self.1.span.end()))?;
        st.serialize_field("text", self.1.span.as_str())?;
        st.end()
    }
}

struct EvidenceList<'c, 't, 'e>(&'c Conv<'t>, &'e [crate::document::Evidence<'e>]);

impl Serialize for EvidenceList<'_, '_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.1.len()))?;
        for e in self.1 {
            seq.serialize_element(&EvidenceJson(self.0, e))?;
        }
        seq.end()
    }
}

impl Serialize for With<'_, '_, &Claim<'_>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.item;
        let mut st = s.serialize_struct("Claim", 7)?;
        st.serialize_field("sentence", &c.sentence)?;
        st.serialize_field("labels", &c.labels)?;
        st.serialize_field("checkworthy", &c.checkworthy)?;
        // Three decimals are plenty for a probability and keep the JSON stable to read.
        st.serialize_field("score", &((c.score as f64 * 1000.0).round() / 1000.0))?;
        st.serialize_field("hedged", &c.hedged)?;
        st.serialize_field("source", &c.source)?;
        st.serialize_field("evidence", &EvidenceList(self.conv, &c.evidence))?;
        st.end()
    }
}

impl Serialize for With<'_, '_, &Attribution<'_>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.item;
        let mut st = s.serialize_struct("Attribution", 8)?;
        st.serialize_field("source", &with(self.conv, &a.source))?;
        st.serialize_field("speaker", &a.speaker)?;
        st.serialize_field("entity", &a.entity)?;
        st.serialize_field("cue", &with(self.conv, &a.cue))?;
        st.serialize_field("content", &with(self.conv, &a.content))?;
        st.serialize_field("kind", &a.kind)?;
        st.serialize_field("channel", &a.channel)?;
        st.serialize_field("via", &with(self.conv, &a.via))?;
        st.end()
    }
}

struct Mention<'c, 't>(&'c Conv<'t>, usize, usize);

impl Serialize for Mention<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Mention", 2)?;
        st.serialize_field("start", &self.0.at(self.1))?;
        st.serialize_field("end", &self.0.at(self.2))?;
        st.end()
    }
}

impl Serialize for With<'_, '_, &Entity<'_>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.item;
        let mut st = s.serialize_struct("Entity", 4)?;
        st.serialize_field("id", &e.id)?;
        st.serialize_field("name", &e.name)?;
        st.serialize_field("kind", &e.kind)?;
        let mentions: Vec<Mention<'_, '_>> = e
            .mentions
            .iter()
            .map(|m| Mention(self.conv, m.start(), m.end()))
            .collect();
        st.serialize_field("mentions", &mentions)?;
        st.end()
    }
}
