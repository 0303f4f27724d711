//! Python bindings of sayso: `sayso._sayso`.
//!
//! Conversion, GIL release and error mapping only; every decision is the core's. Documents
//! carry the core's SPEC §5 JSON (the same string the CLI prints) and build their Python
//! objects from it on first access, so a batch costs the analysis plus one small object
//! per document.

mod errors;
mod objects;
mod pool;

use std::sync::OnceLock;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use rayon::prelude::*;

use errors::{expected, from_core, input_error, option_error};
use objects::{Document, kind_str, new_sentence};

/// The builder's options, kept to rebuild the analyzer (pickling) and to show it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
struct Options {
    abbreviations: Vec<String>,
    titles: Vec<String>,
    boilerplate: Vec<String>,
    cues: Vec<String>,
    aliases: Vec<(String, String)>,
    gazetteer: Vec<(String, String)>,
    label_words: Vec<(String, Vec<String>)>,
    hedges: Vec<String>,
    /// Claim tagging switched off (`claims=False`).
    skip_claims: bool,
}

fn entity_kind(kind: &str) -> PyResult<sayso::EntityKind> {
    use sayso::EntityKind as K;
    [K::Person, K::Organization, K::Media, K::Group, K::Author]
        .into_iter()
        .find(|k| k.as_str() == kind)
        .ok_or_else(|| {
            option_error(format!(
                "unknown entity kind {kind:?} (expected person, organization, media, group or author)"
            ))
        })
}

impl Options {
    fn build(&self) -> PyResult<sayso::Analyzer> {
        let mut b = sayso::Analyzer::builder();
        for w in &self.abbreviations {
            b = b.abbreviation(w.as_str());
        }
        for w in &self.titles {
            b = b.title(w.as_str());
        }
        for w in &self.boilerplate {
            b = b.boilerplate_phrase(w.as_str());
        }
        for w in &self.cues {
            b = b.cue(w.as_str());
        }
        for (alias, canonical) in &self.aliases {
            b = b.alias(alias.as_str(), canonical.as_str());
        }
        for (name, kind) in &self.gazetteer {
            b = b.gazetteer(name.as_str(), entity_kind(kind)?);
        }
        for (label, words) in &self.label_words {
            let label: sayso::Label = label.parse().map_err(from_core)?;
            for w in words {
                b = b.label_word(label, w.as_str());
            }
        }
        for w in &self.hedges {
            b = b.hedge(w.as_str());
        }
        b.claims(!self.skip_claims).build().map_err(from_core)
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        let put_list = |name: &str, v: &Vec<String>| -> PyResult<()> {
            if !v.is_empty() {
                d.set_item(name, v)?;
            }
            Ok(())
        };
        put_list("abbreviations", &self.abbreviations)?;
        put_list("titles", &self.titles)?;
        put_list("boilerplate", &self.boilerplate)?;
        put_list("cues", &self.cues)?;
        let put_map = |name: &str, pairs: &[(String, String)]| -> PyResult<()> {
            if !pairs.is_empty() {
                let m = PyDict::new(py);
                for (k, v) in pairs {
                    m.set_item(k, v)?;
                }
                d.set_item(name, m)?;
            }
            Ok(())
        };
        put_map("aliases", &self.aliases)?;
        put_map("gazetteer", &self.gazetteer)?;
        if !self.label_words.is_empty() {
            let m = PyDict::new(py);
            for (label, words) in &self.label_words {
                m.set_item(label, words)?;
            }
            d.set_item("label_words", m)?;
        }
        put_list("hedges", &self.hedges)?;
        if self.skip_claims {
            d.set_item("claims", false)?;
        }
        Ok(d)
    }
}

/// A `str`, or `InputError` (a `TypeError`) naming the argument.
fn as_str<'a, 'py>(what: &str, obj: &'a Bound<'py, PyAny>) -> PyResult<&'a Bound<'py, PyString>> {
    obj.cast::<PyString>().map_err(|_| expected(what, obj))
}

/// Strings from an iterable of `str` (a lone `str` is refused: it would be split into
/// characters).
fn str_list(what: &str, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    let Some(obj) = obj else {
        return Ok(Vec::new());
    };
    if obj.is_instance_of::<PyString>() {
        return Err(input_error(format!(
            "{what} must be an iterable of str, not a single str"
        )));
    }
    let iter = obj
        .try_iter()
        .map_err(|_| input_error(format!("{what} must be an iterable of str")))?;
    iter.map(|item| {
        let item = item?;
        Ok(as_str(&format!("each of {what}"), &item)?
            .to_str()?
            .to_owned())
    })
    .collect()
}

/// `(key, value)` pairs of a mapping.
fn pairs<'py>(
    what: &str,
    obj: Option<&Bound<'py, PyAny>>,
) -> PyResult<Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
    let Some(obj) = obj else {
        return Ok(Vec::new());
    };
    let items = obj
        .call_method0("items")
        .map_err(|_| input_error(format!("{what} must be a mapping")))?;
    items
        .try_iter()?
        .map(|kv| {
            let kv = kv?;
            let (k, v): (Bound<'py, PyAny>, Bound<'py, PyAny>) = kv.extract()?;
            Ok((k, v))
        })
        .collect()
}

fn str_pairs(what: &str, obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<(String, String)>> {
    pairs(what, obj)?
        .into_iter()
        .map(|(k, v)| {
            let k = as_str(&format!("keys of {what}"), &k)?.to_str()?.to_owned();
            let v = as_str(&format!("values of {what}"), &v)?
                .to_str()?
                .to_owned();
            Ok((k, v))
        })
        .collect()
}

/// Runs sentence splitting, attribution and claim tagging.
///
/// Frozen and picklable: it pickles as its options and is rebuilt on unpickling.
#[pyclass(frozen, module = "sayso._sayso", name = "Analyzer")]
struct PyAnalyzer {
    inner: sayso::Analyzer,
    options: Options,
}

#[pymethods]
impl PyAnalyzer {
    #[new]
    #[pyo3(signature = (*, abbreviations=None, titles=None, boilerplate=None, cues=None,
                        aliases=None, gazetteer=None, label_words=None, hedges=None,
                        claims=true))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        abbreviations: Option<&Bound<'_, PyAny>>,
        titles: Option<&Bound<'_, PyAny>>,
        boilerplate: Option<&Bound<'_, PyAny>>,
        cues: Option<&Bound<'_, PyAny>>,
        aliases: Option<&Bound<'_, PyAny>>,
        gazetteer: Option<&Bound<'_, PyAny>>,
        label_words: Option<&Bound<'_, PyAny>>,
        hedges: Option<&Bound<'_, PyAny>>,
        claims: bool,
    ) -> PyResult<Self> {
        let label_words = pairs("label_words", label_words)?
            .into_iter()
            .map(|(k, v)| {
                let k = as_str("keys of label_words", &k)?.to_str()?.to_owned();
                let words = str_list(&format!("label_words[{k:?}]"), Some(&v))?;
                Ok((k, words))
            })
            .collect::<PyResult<Vec<_>>>()?;
        let options = Options {
            abbreviations: str_list("abbreviations", abbreviations)?,
            titles: str_list("titles", titles)?,
            boilerplate: str_list("boilerplate", boilerplate)?,
            cues: str_list("cues", cues)?,
            aliases: str_pairs("aliases", aliases)?,
            gazetteer: str_pairs("gazetteer", gazetteer)?,
            label_words,
            hedges: str_list("hedges", hedges)?,
            skip_claims: !claims,
        };
        let inner = options.build()?;
        Ok(PyAnalyzer { inner, options })
    }

    /// Analyzes one text.
    #[pyo3(signature = (text, *, author=None))]
    fn analyze(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        author: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Document> {
        analyze_one(py, &self.inner, text, author)
    }

    /// Analyzes many texts in parallel, the GIL released for the whole batch.
    #[pyo3(signature = (texts, *, authors=None, threads=None))]
    fn analyze_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        authors: Option<&Bound<'py, PyAny>>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        analyze_batch(py, &self.inner, texts, authors, threads)
    }

    /// Sentences only.
    fn split<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        split_text(py, &self.inner, text)
    }

    /// The options given to the constructor (only those that are set).
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.options.to_dict(py)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let cls = py.get_type::<PyAnalyzer>();
        let partial = py
            .import("functools")?
            .getattr("partial")?
            .call((cls,), Some(&self.options.to_dict(py)?))?;
        (partial, PyTuple::empty(py)).into_pyobject(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = self.options.to_dict(py)?;
        let mut parts = Vec::new();
        for (k, v) in d.iter() {
            parts.push(format!("{}={}", k.str()?, v.repr()?));
        }
        Ok(format!("Analyzer({})", parts.join(", ")))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyAnalyzer>()
            .is_ok_and(|o| o.get().options == self.options)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.options.hash(&mut h);
        h.finish()
    }
}

fn default_analyzer() -> &'static sayso::Analyzer {
    static DEFAULT: OnceLock<sayso::Analyzer> = OnceLock::new();
    DEFAULT.get_or_init(sayso::Analyzer::new)
}

fn author_str<'a>(author: Option<&'a Bound<'_, PyAny>>) -> PyResult<Option<&'a str>> {
    match author {
        None => Ok(None),
        Some(a) if a.is_none() => Ok(None),
        Some(a) => Ok(Some(as_str("author", a)?.to_str()?)),
    }
}

fn analyze_one(
    py: Python<'_>,
    analyzer: &sayso::Analyzer,
    text: &Bound<'_, PyAny>,
    author: Option<&Bound<'_, PyAny>>,
) -> PyResult<Document> {
    let text = as_str("text", text)?;
    let s = text.to_str()?;
    let author = author_str(author)?;
    let (json, author) = py.detach(|| {
        let doc = analyzer.analyze_with_author(s, author);
        (doc.to_json(), doc.author().map(str::to_owned))
    });
    Ok(Document::new(text.clone().unbind(), author, json))
}

/// Items of an iterable (a lone `str` is refused).
fn items<'py>(what: &str, obj: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.is_instance_of::<PyString>() {
        return Err(input_error(format!(
            "{what} must be an iterable of str, not a single str (use analyze())"
        )));
    }
    obj.try_iter()
        .map_err(|_| input_error(format!("{what} must be an iterable of str")))?
        .collect()
}

fn analyze_batch<'py>(
    py: Python<'py>,
    analyzer: &sayso::Analyzer,
    texts: &Bound<'py, PyAny>,
    authors: Option<&Bound<'py, PyAny>>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let texts = items("texts", texts)?
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            t.cast_into::<PyString>()
                .map_err(|e| expected(&format!("texts[{i}]"), e.into_inner().as_any()))
        })
        .collect::<PyResult<Vec<_>>>()?;
    let authors = match authors {
        None => None,
        Some(a) if a.is_none() => None,
        Some(a) => {
            let a = items("authors", a)?;
            if a.len() != texts.len() {
                return Err(option_error(format!(
                    "{} authors for {} texts: give one author (or None) per text",
                    a.len(),
                    texts.len()
                )));
            }
            Some(a)
        }
    };
    let strs = texts
        .iter()
        .map(|t| t.to_str())
        .collect::<PyResult<Vec<&str>>>()?;
    let auths: Vec<Option<&str>> = match &authors {
        None => vec![None; strs.len()],
        Some(a) => a
            .iter()
            .enumerate()
            .map(|(i, a)| {
                if a.is_none() {
                    Ok(None)
                } else {
                    Ok(Some(as_str(&format!("authors[{i}]"), a)?.to_str()?))
                }
            })
            .collect::<PyResult<_>>()?,
    };
    let pool = pool::pool_for(threads, strs.len())?;
    let run = |(text, author): (&&str, &Option<&str>)| {
        let doc = analyzer.analyze_with_author(text, *author);
        (doc.to_json(), doc.author().map(str::to_owned))
    };
    let results: Vec<(String, Option<String>)> = py.detach(|| match &pool {
        None => strs.iter().zip(&auths).map(run).collect(),
        Some(pool) => pool.install(|| strs.par_iter().zip(&auths).map(run).collect()),
    });
    let docs = texts
        .into_iter()
        .zip(results)
        .map(|(text, (json, author))| Document::new(text.unbind(), author, json));
    PyList::new(py, docs)
}

/// Below this many bytes `split` keeps the GIL (~40 µs of splitting): releasing and
/// re-taking it is a fixed cost per call that only pays when there is real work to overlap.
/// (Measured on ~4 KB news articles, releasing it for every call was within noise.)
const DETACH_MIN_BYTES: usize = 16 * 1024;

/// Sentences of `s` as (start, end) in code points with their kind, converted in one forward
/// pass over the text (sentences come sorted); for ASCII text bytes are code points.
fn split_offsets(analyzer: &sayso::Analyzer, s: &str) -> Vec<(usize, usize, sayso::SentenceKind)> {
    let sentences = analyzer.split(s);
    let mut out = Vec::with_capacity(sentences.len());
    if s.is_ascii() {
        out.extend(sentences.iter().map(|x| (x.start(), x.end(), x.kind())));
        return out;
    }
    // (byte, code point) of the last offset converted.
    let (mut byte, mut ch) = (0usize, 0usize);
    let mut to_char = |b: usize| {
        if b < byte {
            (byte, ch) = (0, 0);
        }
        ch += s.get(byte..b).map_or(0, count_chars);
        byte = b;
        ch
    };
    for x in &sentences {
        let start = to_char(x.start());
        let end = to_char(x.end());
        out.push((start, end, x.kind()));
    }
    out
}

/// Code points in `run`. Half the runs are the few spaces between two sentences, where
/// a plain loop beats std's word-at-a-time count (which wins on sentence-long runs).
fn count_chars(run: &str) -> usize {
    if run.len() < 16 {
        // Bytes that do not continue a UTF-8 sequence (not 0b10xx_xxxx).
        run.bytes().filter(|&c| (c as i8) >= -0x40).count()
    } else {
        run.chars().count()
    }
}

fn split_text<'py>(
    py: Python<'py>,
    analyzer: &sayso::Analyzer,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let text = as_str("text", text)?;
    let s = text.to_str()?;
    let spans = if s.len() >= DETACH_MIN_BYTES {
        py.detach(|| split_offsets(analyzer, s))
    } else {
        split_offsets(analyzer, s)
    };
    let source = objects::exact_str(text)?;
    let objs = spans
        .into_iter()
        .map(|(start, end, kind)| new_sentence(py, &source, start, end, kind_str(py, kind)))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objs)
}

/// Analyzes one text with the default analyzer.
#[pyfunction]
#[pyo3(signature = (text, *, author=None))]
fn analyze(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    author: Option<&Bound<'_, PyAny>>,
) -> PyResult<Document> {
    analyze_one(py, default_analyzer(), text, author)
}

/// Analyzes many texts with the default analyzer.
#[pyfunction]
#[pyo3(signature = (texts, *, authors=None, threads=None))]
fn analyze_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    authors: Option<&Bound<'py, PyAny>>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    analyze_batch(py, default_analyzer(), texts, authors, threads)
}

/// Sentences only, with the default analyzer.
#[pyfunction]
fn split<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    split_text(py, default_analyzer(), text)
}

/// Called in a forked child (registered by `sayso/__init__.py`): batches run sequentially.
#[pyfunction]
fn _after_fork_in_child() {
    pool::mark_forked();
}

/// True when this process is a fork of one that used thread pools.
#[pyfunction]
fn _in_forked_child() -> bool {
    pool::in_forked_child()
}

#[pymodule]
fn _sayso(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<PyAnalyzer>()?;
    m.add_class::<Document>()?;
    m.add_class::<objects::Span>()?;
    m.add_class::<objects::Sentence>()?;
    m.add_class::<objects::Evidence>()?;
    m.add_class::<objects::Claim>()?;
    m.add_class::<objects::Attribution>()?;
    m.add_class::<objects::Entity>()?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many, m)?)?;
    m.add_function(wrap_pyfunction!(split, m)?)?;
    m.add_function(wrap_pyfunction!(objects::_document, m)?)?;
    m.add_function(wrap_pyfunction!(_after_fork_in_child, m)?)?;
    m.add_function(wrap_pyfunction!(_in_forked_child, m)?)?;
    Ok(())
}
