"""analyze / split: objects, code point offsets, errors, repr."""

from __future__ import annotations

import json

import pytest

import sayso
from conftest import SAMPLES
from invariants import check_document, spans_of


@pytest.mark.parametrize("text", SAMPLES)
def test_invariants_hold_on_non_ascii_text(text: str) -> None:
    doc = sayso.analyze(text)
    assert doc.text is text
    check_document(doc)


def test_sentences_are_split_at_code_point_offsets() -> None:
    text = "Türkiye said “yes” 👍 today. Київ мовчить. Всё хорошо!"
    got = [(s.start, s.end, s.text) for s in sayso.analyze(text).sentences]
    expected = ["Türkiye said “yes” 👍 today.", "Київ мовчить.", "Всё хорошо!"]
    assert [t for _, _, t in got] == expected
    assert [s for s, _, _ in got] == [text.index(t) for t in expected]
    # Code points, not UTF-8 bytes nor UTF-16 units: the emoji counts once.
    assert got[1][0] == 28


def test_lines_and_blank_lines_end_sentences() -> None:
    text = "Київ Is Calm\n\nGrüße aus Köln. “Quoted,” she said.\nA caption without a stop"
    got = [s.text for s in sayso.split(text)]
    assert got == [
        "Київ Is Calm",
        "Grüße aus Köln.",
        "“Quoted,” she said.",
        "A caption without a stop",
    ]


def test_split_equals_the_sentences_of_analyze() -> None:
    for text in SAMPLES:
        assert sayso.split(text) == sayso.analyze(text).sentences


def test_sentence_objects() -> None:
    text = "Talks Resume\n\nThe envoy left Київ on Monday.  Türkiye waits.  "
    s = sayso.split(text)[2]
    assert isinstance(s, sayso.Sentence) and isinstance(s, sayso.Span)
    assert (s.start, s.end, s.text, s.kind) == (46, 60, "Türkiye waits.", "body")
    assert len(s) == 14
    assert repr(s) == "Sentence(46, 60, 'Türkiye waits.', kind='body')"
    assert s == sayso.split(text)[2] and s != sayso.split(text)[1]
    assert hash(s) == hash(sayso.split(text)[2])
    with pytest.raises(AttributeError):
        s.start = 3  # type: ignore[misc]


def test_lists_are_fresh_copies() -> None:
    doc = sayso.analyze("One. Two.")
    doc.sentences.clear()
    assert len(doc.sentences) == 2


def test_to_dict_and_to_json_agree_with_the_objects() -> None:
    for text in SAMPLES:
        doc = sayso.analyze(text, author="Andriy Yermak")
        d = doc.to_dict()
        assert d == json.loads(doc.to_json())
        assert list(d) == ["sentences", "claims", "attributions", "entities"]
        assert [(s["start"], s["end"], s["text"], s["kind"]) for s in d["sentences"]] == [
            (s.start, s.end, s.text, s.kind) for s in doc.sentences
        ]
        assert len(d["claims"]) == len(doc.claims)
        for c, obj in zip(d["claims"], doc.claims):
            assert c["labels"] == obj.labels and c["score"] == obj.score
            assert [(e["start"], e["end"], e["text"]) for e in c["evidence"]] == [
                (e.start, e.end, e.text) for e in obj.evidence
            ]
        for a, obj in zip(d["attributions"], doc.attributions):
            assert a["content"] == {"start": obj.content.start, "end": obj.content.end,
                                    "text": obj.content.text}
            assert (a["speaker"], a["kind"], a["channel"]) == (obj.speaker, obj.kind, obj.channel)
        for e, obj in zip(d["entities"], doc.entities):
            assert (e["id"], e["name"], e["kind"]) == (obj.id, obj.name, obj.kind)
            assert [(m["start"], m["end"]) for m in e["mentions"]] == [
                (m.start, m.end) for m in obj.mentions
            ]


def test_author_is_trimmed_and_empty_means_none() -> None:
    text = "I emphasized that talks must go on."
    assert sayso.analyze(text, author="  Andriy Yermak ").author == "Andriy Yermak"
    assert sayso.analyze(text, author="   ").author is None
    assert sayso.analyze(text).author is None
    assert sayso.analyze(text, author=None).author is None


def test_empty_text() -> None:
    doc = sayso.analyze("")
    assert (doc.sentences, doc.claims, doc.attributions, doc.entities) == ([], [], [], [])
    assert doc.to_dict() == {"sentences": [], "claims": [], "attributions": [], "entities": []}


def test_repr_is_short_and_useful() -> None:
    doc = sayso.analyze("Kyiv is calm. " * 1000)
    r = repr(doc)
    assert r.startswith("Document(sentences=")
    assert f"sentences={len(doc.sentences)}" in r and "claims=" in r
    assert "'Kyiv is calm. Kyiv is calm. Kyiv is calm" in r
    assert len(r) < 200
    assert str(doc) == r


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["a list"]])
def test_non_str_text_is_a_type_error(bad: object) -> None:
    for call in (sayso.analyze, sayso.split, sayso.Analyzer().analyze):
        with pytest.raises(TypeError, match="must be str") as info:
            call(bad)  # type: ignore[arg-type]
        assert isinstance(info.value, sayso.SaysoError)
        assert isinstance(info.value, sayso.InputError)


def test_non_str_author_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="author must be str"):
        sayso.analyze("text", author=7)  # type: ignore[arg-type]


def test_lone_surrogates_are_refused() -> None:
    # A str that cannot be UTF-8 cannot be analyzed with exact offsets.
    with pytest.raises(UnicodeEncodeError):
        sayso.analyze("bad \ud800 text")


def test_str_subclasses_are_accepted() -> None:
    class Article(str):
        pass

    doc = sayso.analyze(Article("One. Two."))
    assert [s.text for s in doc.sentences] == [s.text for s in sayso.split("One. Two.")]


def test_spans_of_every_kind_have_plain_python_fields() -> None:
    doc = sayso.analyze(SAMPLES[2])
    for s in spans_of(doc):
        assert type(s.start) is int and type(s.text) is str
    for c in doc.claims:
        assert type(c.labels) is list and type(c.score) is float
        assert type(c.checkworthy) is bool and type(c.hedged) is bool
