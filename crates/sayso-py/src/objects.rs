//! The Python-side result objects: plain frozen value classes built from the SPEC §5 JSON
//! that the Rust core produced, so that Python sees exactly what the CLI prints.

use pyo3::BoundObject;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyTuple};
use serde::Deserialize;

/// The text of a span: given, or cut from the document's `str` on first access.
///
/// Most spans (every sentence of `split`) are never asked for their text, and making a
/// `str` for each was most of `split`'s cost; a lazy span costs one reference to the source.
pub(crate) struct SpanText {
    source: Option<Py<PyString>>,
    cell: PyOnceLock<Py<PyString>>,
}

impl SpanText {
    fn given(py: Python<'_>, text: Py<PyString>) -> SpanText {
        let cell = PyOnceLock::new();
        // A fresh cell: `set` cannot find it filled.
        let _ = cell.set(py, text);
        SpanText { source: None, cell }
    }

    fn lazy(source: Py<PyString>) -> SpanText {
        SpanText {
            source: Some(source),
            cell: PyOnceLock::new(),
        }
    }
}

/// A half-open range `[start, end)` of the document text in code points, with its text.
#[pyclass(subclass, frozen, module = "sayso._sayso")]
pub(crate) struct Span {
    start: usize,
    end: usize,
    text: SpanText,
}

impl Span {
    fn lazy(start: usize, end: usize, source: Py<PyString>) -> Span {
        Span {
            start,
            end,
            text: SpanText::lazy(source),
        }
    }

    /// The span's `str`, cut from the source (`source[start:end]`) the first time.
    fn text_of<'a>(&'a self, py: Python<'_>) -> PyResult<&'a Py<PyString>> {
        self.text.cell.get_or_try_init(py, || {
            let Some(source) = &self.text.source else {
                return Err(crate::errors::sayso_error("span without text".to_owned()));
            };
            let (Ok(start), Ok(end)) = (isize::try_from(self.start), isize::try_from(self.end))
            else {
                return Err(crate::errors::sayso_error(
                    "span offsets out of range".to_owned(),
                ));
            };
            let sub = source
                .bind(py)
                .get_item(pyo3::types::PySlice::new(py, start, end, 1))?;
            Ok(sub.cast_into::<PyString>()?.unbind())
        })
    }
}

fn span_repr(py: Python<'_>, cls: &str, s: &Span, extra: &str) -> PyResult<String> {
    let text = s.text_of(py)?.bind(py).repr()?;
    Ok(format!("{cls}({}, {}, {text}{extra})", s.start, s.end))
}

fn str_eq(py: Python<'_>, a: &Py<PyString>, b: &Py<PyString>) -> PyResult<bool> {
    PyAnyMethods::eq(a.bind(py).as_any(), b.bind(py))
}

fn same_span(py: Python<'_>, a: &Span, b: &Span) -> PyResult<bool> {
    Ok(a.start == b.start && a.end == b.end && str_eq(py, a.text_of(py)?, b.text_of(py)?)?)
}

#[pymethods]
impl Span {
    #[new]
    fn new(py: Python<'_>, start: usize, end: usize, text: Py<PyString>) -> Span {
        Span {
            start,
            end,
            text: SpanText::given(py, text),
        }
    }

    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    #[getter]
    fn text(&self, py: Python<'_>) -> PyResult<Py<PyString>> {
        Ok(self.text_of(py)?.clone_ref(py))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let s = slf.get();
        (slf.get_type(), (s.start, s.end, s.text(py)?)).into_pyobject(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        span_repr(py, "Span", self, "")
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        // Exact class: a Sentence never equals a bare Span over the same text.
        if !other.get_type().is(py.get_type::<Span>()) {
            return Ok(false);
        }
        let other = other.cast::<Span>()?;
        same_span(py, self, other.get())
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.start, self.end, self.text_of(py)?.bind(py))
            .into_pyobject(py)?
            .hash()
    }

    fn __len__(&self) -> usize {
        self.end - self.start
    }
}

/// A [`Span`] subclass with one more string field: `Sentence` (its kind) and `Evidence`
/// (its label) differ only in that field's name.
macro_rules! tagged_span {
    ($(#[$doc:meta])* $name:ident, $field:ident) => {
        $(#[$doc])*
        #[pyclass(extends = Span, frozen, module = "sayso._sayso", get_all)]
        pub(crate) struct $name {
            $field: Py<PyString>,
        }

        #[pymethods]
        impl $name {
            #[new]
            fn new(
                py: Python<'_>,
                start: usize,
                end: usize,
                text: Py<PyString>,
                $field: Py<PyString>,
            ) -> PyClassInitializer<Self> {
                PyClassInitializer::from(Span::new(py, start, end, text))
                    .add_subclass($name { $field })
            }

            fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
                let py = slf.py();
                let s = slf.as_super().get();
                let args = (s.start, s.end, s.text(py)?, slf.get().$field.clone_ref(py));
                (slf.get_type(), args).into_pyobject(py)
            }

            fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
                let py = slf.py();
                let tag = slf.get().$field.bind(py).repr()?;
                span_repr(
                    py,
                    stringify!($name),
                    slf.as_super().get(),
                    &format!(concat!(", ", stringify!($field), "={}"), tag),
                )
            }

            fn __eq__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
                let py = slf.py();
                let Ok(other) = other.cast::<$name>() else {
                    return Ok(false);
                };
                Ok(same_span(py, slf.as_super().get(), other.as_super().get())?
                    && str_eq(py, &slf.get().$field, &other.get().$field)?)
            }

            fn __hash__(slf: &Bound<'_, Self>) -> PyResult<isize> {
                let py = slf.py();
                let s = slf.as_super().get();
                (
                    s.start,
                    s.end,
                    s.text_of(py)?.bind(py),
                    slf.get().$field.bind(py),
                )
                    .into_pyobject(py)?
                    .hash()
            }
        }
    };
}

tagged_span!(
    /// A sentence: a [`Span`] with its kind (`"body"`, `"heading"` or `"boilerplate"`).
    Sentence,
    kind
);

tagged_span!(
    /// Words that make a claim label true: a [`Span`] with the label.
    Evidence,
    label
);

/// A sentence that makes a claim.
#[pyclass(frozen, module = "sayso._sayso", get_all)]
pub(crate) struct Claim {
    sentence: usize,
    labels: Vec<String>,
    checkworthy: bool,
    score: f64,
    hedged: bool,
    source: Option<usize>,
    evidence: Vec<Py<Evidence>>,
}

#[pymethods]
impl Claim {
    #[new]
    fn new(
        sentence: usize,
        labels: Vec<String>,
        checkworthy: bool,
        score: f64,
        hedged: bool,
        source: Option<usize>,
        evidence: Vec<Py<Evidence>>,
    ) -> Claim {
        Claim {
            sentence,
            labels,
            checkworthy,
            score,
            hedged,
            source,
            evidence,
        }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let c = slf.get();
        let evidence: Vec<Py<Evidence>> = c.evidence.iter().map(|e| e.clone_ref(py)).collect();
        let args = (
            c.sentence,
            c.labels.clone(),
            c.checkworthy,
            c.score,
            c.hedged,
            c.source,
            evidence,
        );
        (slf.get_type(), args).into_pyobject(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Claim(sentence={}, labels={}, checkworthy={}, score={}, hedged={}, source={})",
            self.sentence,
            pyrepr(py, &self.labels)?,
            py_bool(self.checkworthy),
            self.score,
            py_bool(self.hedged),
            pyrepr(py, self.source)?,
        ))
    }
}

/// `repr()` of a Rust value as Python shows it.
fn pyrepr<'py, T: IntoPyObject<'py>>(py: Python<'py>, value: T) -> PyResult<String> {
    let obj = value.into_pyobject(py).map_err(Into::into)?;
    Ok(obj.into_any().into_bound().repr()?.to_string())
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

/// Who said what: source, cue, content, channel.
#[pyclass(frozen, module = "sayso._sayso", get_all)]
pub(crate) struct Attribution {
    source: Option<Py<Span>>,
    speaker: Option<String>,
    entity: Option<usize>,
    cue: Option<Py<Span>>,
    content: Py<Span>,
    kind: String,
    channel: Option<String>,
    via: Option<Py<Span>>,
}

#[pymethods]
impl Attribution {
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        source: Option<Py<Span>>,
        speaker: Option<String>,
        entity: Option<usize>,
        cue: Option<Py<Span>>,
        content: Py<Span>,
        kind: String,
        channel: Option<String>,
        via: Option<Py<Span>>,
    ) -> Attribution {
        Attribution {
            source,
            speaker,
            entity,
            cue,
            content,
            kind,
            channel,
            via,
        }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let a = slf.get();
        let span = |s: &Option<Py<Span>>| s.as_ref().map(|s| s.clone_ref(py));
        let args = (
            span(&a.source),
            a.speaker.clone(),
            a.entity,
            span(&a.cue),
            a.content.clone_ref(py),
            a.kind.clone(),
            a.channel.clone(),
            span(&a.via),
        );
        (slf.get_type(), args).into_pyobject(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let content = self.content.bind(py).get().text_of(py)?.bind(py).repr()?;
        Ok(format!(
            "Attribution(speaker={}, kind={}, content={content})",
            pyrepr(py, self.speaker.as_deref())?,
            pyrepr(py, &self.kind)?,
        ))
    }
}

/// A person or body with every mention of it.
#[pyclass(frozen, module = "sayso._sayso", get_all)]
pub(crate) struct Entity {
    id: usize,
    name: String,
    kind: String,
    mentions: Vec<Py<Span>>,
}

#[pymethods]
impl Entity {
    #[new]
    fn new(id: usize, name: String, kind: String, mentions: Vec<Py<Span>>) -> Entity {
        Entity {
            id,
            name,
            kind,
            mentions,
        }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let e = slf.get();
        let mentions: Vec<Py<Span>> = e.mentions.iter().map(|m| m.clone_ref(py)).collect();
        let args = (e.id, e.name.clone(), e.kind.clone(), mentions);
        (slf.get_type(), args).into_pyobject(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Entity(id={}, name={}, kind={}, mentions={})",
            self.id,
            pyrepr(py, &self.name)?,
            pyrepr(py, &self.kind)?,
            self.mentions.len()
        ))
    }
}

// The SPEC §5 JSON, as the core writes it (offsets in code points).

#[derive(Deserialize)]
struct JDoc {
    sentences: Vec<JSentence>,
    claims: Vec<JClaim>,
    attributions: Vec<JAttribution>,
    entities: Vec<JEntity>,
}

// Span texts are not read from the JSON: spans are cut from the document's `str`
// (code point offsets), lazily.

#[derive(Deserialize)]
struct JSpan {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct JSentence {
    start: usize,
    end: usize,
    kind: String,
}

#[derive(Deserialize)]
struct JEvidence {
    label: String,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct JClaim {
    sentence: usize,
    labels: Vec<String>,
    checkworthy: bool,
    score: f64,
    hedged: bool,
    source: Option<usize>,
    evidence: Vec<JEvidence>,
}

#[derive(Deserialize)]
struct JAttribution {
    source: Option<JSpan>,
    speaker: Option<String>,
    entity: Option<usize>,
    cue: Option<JSpan>,
    content: JSpan,
    kind: String,
    channel: Option<String>,
    via: Option<JSpan>,
}

#[derive(Deserialize)]
struct JEntity {
    id: usize,
    name: String,
    kind: String,
    mentions: Vec<JSpan>,
}

/// The interned `str` of a sentence kind (one object per kind, shared by every sentence).
pub(crate) fn kind_str(py: Python<'_>, kind: sayso::SentenceKind) -> Py<PyString> {
    match kind {
        sayso::SentenceKind::Body => pyo3::intern!(py, "body"),
        sayso::SentenceKind::Heading => pyo3::intern!(py, "heading"),
        sayso::SentenceKind::Boilerplate => pyo3::intern!(py, "boilerplate"),
    }
    .clone()
    .unbind()
}

fn kind_str_of(py: Python<'_>, kind: &str) -> Py<PyString> {
    match kind {
        "body" => kind_str(py, sayso::SentenceKind::Body),
        "heading" => kind_str(py, sayso::SentenceKind::Heading),
        "boilerplate" => kind_str(py, sayso::SentenceKind::Boilerplate),
        other => PyString::intern(py, other).unbind(),
    }
}

fn lazy_span(py: Python<'_>, source: &Py<PyString>, s: &JSpan) -> PyResult<Py<Span>> {
    Py::new(py, Span::lazy(s.start, s.end, source.clone_ref(py)))
}

fn opt_span(
    py: Python<'_>,
    source: &Py<PyString>,
    s: &Option<JSpan>,
) -> PyResult<Option<Py<Span>>> {
    s.as_ref().map(|s| lazy_span(py, source, s)).transpose()
}

/// `text` as an exact `str`, for spans to slice: a `str` subclass may redefine slicing.
pub(crate) fn exact_str(text: &Bound<'_, PyString>) -> PyResult<Py<PyString>> {
    if text.is_exact_instance_of::<PyString>() {
        Ok(text.clone().unbind())
    } else {
        Ok(PyString::new(text.py(), text.to_str()?).unbind())
    }
}

/// A sentence over `source[start:end]` (code points); its text is cut on first access.
pub(crate) fn new_sentence(
    py: Python<'_>,
    source: &Py<PyString>,
    start: usize,
    end: usize,
    kind: Py<PyString>,
) -> PyResult<Py<Sentence>> {
    let init = PyClassInitializer::from(Span::lazy(start, end, source.clone_ref(py)))
        .add_subclass(Sentence { kind });
    Py::new(py, init)
}

fn new_evidence(py: Python<'_>, source: &Py<PyString>, e: &JEvidence) -> PyResult<Py<Evidence>> {
    let init = PyClassInitializer::from(Span::lazy(e.start, e.end, source.clone_ref(py)))
        .add_subclass(Evidence {
            label: PyString::intern(py, &e.label).unbind(),
        });
    Py::new(py, init)
}

/// The Python objects of one document, built on first access and kept (immutable tuples).
struct Parsed {
    sentences: Py<PyTuple>,
    claims: Py<PyTuple>,
    attributions: Py<PyTuple>,
    entities: Py<PyTuple>,
}

/// Everything sayso found in one text.
///
/// Holds the core's SPEC §5 JSON; the span objects are made from it on first access.
#[pyclass(frozen, module = "sayso._sayso")]
pub(crate) struct Document {
    text: Py<PyString>,
    author: Option<String>,
    json: String,
    parsed: PyOnceLock<Parsed>,
}

impl Document {
    pub(crate) fn new(text: Py<PyString>, author: Option<String>, json: String) -> Document {
        Document {
            text,
            author,
            json,
            parsed: PyOnceLock::new(),
        }
    }

    fn parsed(&self, py: Python<'_>) -> PyResult<&Parsed> {
        self.parsed.get_or_try_init(py, || self.build(py))
    }

    fn build(&self, py: Python<'_>) -> PyResult<Parsed> {
        let doc: JDoc = serde_json::from_str(&self.json)
            .map_err(|e| crate::errors::sayso_error(format!("malformed document JSON: {e}")))?;
        let text = &exact_str(self.text.bind(py))?;
        let sentences = doc
            .sentences
            .iter()
            .map(|s| new_sentence(py, text, s.start, s.end, kind_str_of(py, &s.kind)))
            .collect::<PyResult<Vec<_>>>()?;
        let claims = doc
            .claims
            .into_iter()
            .map(|c| {
                let evidence = c
                    .evidence
                    .iter()
                    .map(|e| new_evidence(py, text, e))
                    .collect::<PyResult<Vec<_>>>()?;
                Py::new(
                    py,
                    Claim {
                        sentence: c.sentence,
                        labels: c.labels,
                        checkworthy: c.checkworthy,
                        score: c.score,
                        hedged: c.hedged,
                        source: c.source,
                        evidence,
                    },
                )
            })
            .collect::<PyResult<Vec<_>>>()?;
        let attributions = doc
            .attributions
            .into_iter()
            .map(|a| {
                Py::new(
                    py,
                    Attribution {
                        source: opt_span(py, text, &a.source)?,
                        speaker: a.speaker,
                        entity: a.entity,
                        cue: opt_span(py, text, &a.cue)?,
                        content: lazy_span(py, text, &a.content)?,
                        kind: a.kind,
                        channel: a.channel,
                        via: opt_span(py, text, &a.via)?,
                    },
                )
            })
            .collect::<PyResult<Vec<_>>>()?;
        let entities = doc
            .entities
            .into_iter()
            .map(|e| {
                let mentions = e
                    .mentions
                    .iter()
                    .map(|m| lazy_span(py, text, m))
                    .collect::<PyResult<Vec<_>>>()?;
                Py::new(
                    py,
                    Entity {
                        id: e.id,
                        name: e.name,
                        kind: e.kind,
                        mentions,
                    },
                )
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Parsed {
            sentences: PyTuple::new(py, sentences)?.unbind(),
            claims: PyTuple::new(py, claims)?.unbind(),
            attributions: PyTuple::new(py, attributions)?.unbind(),
            entities: PyTuple::new(py, entities)?.unbind(),
        })
    }
}

fn fresh_list<'py>(py: Python<'py>, items: &Py<PyTuple>) -> PyResult<Bound<'py, PyList>> {
    // A new list each time: callers may mutate it without touching the document.
    PyList::new(py, items.bind(py).iter())
}

#[pymethods]
impl Document {
    /// The analyzed text (the very `str` that was passed in).
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }

    #[getter]
    fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }

    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        fresh_list(py, &self.parsed(py)?.sentences)
    }

    #[getter]
    fn claims<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        fresh_list(py, &self.parsed(py)?.claims)
    }

    #[getter]
    fn attributions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        fresh_list(py, &self.parsed(py)?.attributions)
    }

    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        fresh_list(py, &self.parsed(py)?.entities)
    }

    /// SPEC §5 JSON on one line, byte for byte what `sayso analyze --format json` prints.
    fn to_json(&self) -> &str {
        &self.json
    }

    /// The JSON as Python dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?
            .call_method1("loads", (self.json.as_str(),))
    }

    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py()
            .import("sayso._html")?
            .call_method1("render", (slf,))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let p = self.parsed(py)?;
        let text = self.text.bind(py);
        let preview: PyBackedStr = text.extract()?;
        let mut cut: String = preview.chars().take(40).collect();
        if cut.len() < preview.len() {
            cut.push('…');
        }
        let cut = PyString::new(py, &cut).repr()?;
        Ok(format!(
            "Document(sentences={}, claims={}, attributions={}, entities={}, text={cut})",
            p.sentences.bind(py).len(),
            p.claims.bind(py).len(),
            p.attributions.bind(py).len(),
            p.entities.bind(py).len(),
        ))
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(other) = other.cast::<Document>() else {
            return Ok(false);
        };
        let other = other.get();
        Ok(self.json == other.json
            && self.author == other.author
            && str_eq(py, &self.text, &other.text)?)
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        self.text.bind(py).hash()
    }

    /// Pickles as (text, author, JSON): unpickling does not re-run the analysis.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let rebuild = py.import("sayso._sayso")?.getattr("_document")?;
        let args = (
            self.text.clone_ref(py),
            self.author.clone(),
            self.json.as_str(),
        );
        (rebuild, args).into_pyobject(py)
    }
}

/// Rebuilds a pickled [`Document`].
#[pyfunction]
pub(crate) fn _document(
    text: Bound<'_, PyString>,
    author: Option<String>,
    json: String,
) -> Document {
    Document::new(text.unbind(), author, json)
}
