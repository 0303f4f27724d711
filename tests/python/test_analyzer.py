"""sayso.Analyzer: options, validation, frozenness, pickling."""

from __future__ import annotations

import copy
import pickle

import pytest

import sayso

OPTIONS = dict(
    abbreviations=["Xyz."],
    titles=["Commissioner"],
    boilerplate=["Sign up for our newsletter"],
    cues=["quipped"],
    aliases={"Zelensky": "Volodymyr Zelensky"},
    gazetteer={"Ukrinform": "media", "Ministry of Silly Walks": "organization"},
    label_words={"opinion": ["splendid", "dreadful"], "causal": ["owing to"]},
    hedges=["supposedly"],
)


def test_options_are_kept() -> None:
    a = sayso.Analyzer(**OPTIONS)  # type: ignore[arg-type]
    assert a.options == OPTIONS
    assert sayso.Analyzer().options == {}
    assert repr(sayso.Analyzer(abbreviations=("Xyz.",))) == "Analyzer(abbreviations=['Xyz.'])"


def test_options_accept_any_iterable_and_mapping() -> None:
    a = sayso.Analyzer(abbreviations=(w for w in ["Xyz."]), hedges={"supposedly"},
                       label_words={"opinion": ("splendid",)})
    assert a.options == {"abbreviations": ["Xyz."], "hedges": ["supposedly"],
                         "label_words": {"opinion": ["splendid"]}}


def test_an_extra_abbreviation_keeps_the_sentence_together() -> None:
    text = "Xyz. Smith spoke. He left."
    assert [s.text for s in sayso.Analyzer(abbreviations=["Xyz."]).split(text)] == [
        "Xyz. Smith spoke.",
        "He left.",
    ]


def test_the_analyzer_methods_match_the_module_functions() -> None:
    a = sayso.Analyzer()
    text = "Talks resumed in Київ. “We will see,” she said."
    assert a.analyze(text) == sayso.analyze(text)
    assert a.split(text) == sayso.split(text)
    assert a.analyze_many([text, text]) == sayso.analyze_many([text, text])


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(abbreviations=[" "]), "empty abbreviation"),
        (dict(cues=[""]), "empty cue"),
        (dict(aliases={"Zelensky": ""}), "non-empty"),
        (dict(gazetteer={"Ukrinform": "newspaper"}), "unknown entity kind"),
        (dict(gazetteer={" ": "media"}), "empty gazetteer"),
        (dict(label_words={"gossip": ["x"]}), "unknown claim label"),
        (dict(label_words={"opinion": [" "]}), "empty label word"),
    ],
)
def test_bad_options_are_value_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message) as info:
        sayso.Analyzer(**kwargs)
    assert isinstance(info.value, sayso.SaysoError)
    assert isinstance(info.value, sayso.OptionError)


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(abbreviations="Xyz."),  # a lone str would be split into letters
        dict(abbreviations=[1]),
        dict(titles=5),
        dict(aliases=["Zelensky"]),
        dict(aliases={"Zelensky": 1}),
        dict(label_words={"opinion": "splendid"}),
    ],
)
def test_badly_typed_options_are_type_errors(kwargs: dict) -> None:
    with pytest.raises(TypeError) as info:
        sayso.Analyzer(**kwargs)
    assert isinstance(info.value, sayso.SaysoError)


def test_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        sayso.Analyzer(["Xyz."])  # type: ignore[misc]


def test_analyzer_is_frozen() -> None:
    a = sayso.Analyzer()
    with pytest.raises(AttributeError):
        a.options = {}  # type: ignore[misc]
    with pytest.raises((AttributeError, TypeError)):
        a.extra = 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_analyzer_pickles_with_its_options(protocol: int) -> None:
    a = sayso.Analyzer(**OPTIONS)  # type: ignore[arg-type]
    b = pickle.loads(pickle.dumps(a, protocol=protocol))
    assert isinstance(b, sayso.Analyzer) and b is not a
    assert b == a and hash(b) == hash(a) and b.options == OPTIONS
    assert b != sayso.Analyzer()
    text = "Xyz. Smith quipped that it was splendid. He left."
    assert b.analyze(text) == a.analyze(text)
    assert copy.deepcopy(a) == a and copy.copy(a) == a


def test_claims_can_be_switched_off() -> None:
    text = "Troops shelled the city overnight, the mayor said."
    full = sayso.Analyzer().analyze(text)
    a = sayso.Analyzer(claims=False)
    doc = a.analyze(text)
    assert full.claims and doc.claims == []
    assert doc.to_dict()["attributions"] == full.to_dict()["attributions"]
    assert a.options == {"claims": False} and a != sayso.Analyzer()
    back = pickle.loads(pickle.dumps(a))
    assert back == a and back.analyze(text).claims == []
    assert sayso.Analyzer(claims=True) == sayso.Analyzer()


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_documents_pickle(protocol: int) -> None:
    doc = sayso.analyze("Türkiye waits. “We will go,” she said. 🇺🇦", author="Ann Lee")
    back = pickle.loads(pickle.dumps(doc, protocol=protocol))
    assert back == doc and back is not doc
    assert back.text == doc.text and back.author == "Ann Lee"
    assert back.to_json() == doc.to_json()
    assert back.sentences == doc.sentences


def test_result_objects_pickle_and_can_be_built() -> None:
    text = "Talks Resume\n\n“We will not give up,” Zelenskiy wrote on X. Prices rose 5% in Київ."
    doc = sayso.analyze(text)
    objects = [*doc.sentences, *doc.claims, *doc.attributions, *doc.entities]
    objects += [e for c in doc.claims for e in c.evidence]
    back = pickle.loads(pickle.dumps(objects))
    assert [repr(o) for o in back] == [repr(o) for o in objects]
    assert back[: len(doc.sentences)] == doc.sentences
    for a, b in zip(objects, back):
        if isinstance(a, sayso.Attribution):
            assert (b.content.text, b.speaker, b.cue and b.cue.text) == (
                a.content.text, a.speaker, a.cue and a.cue.text)
        if isinstance(a, sayso.Entity):
            assert [m.text for m in b.mentions] == [m.text for m in a.mentions]
    span = sayso.Span(0, 4, "Talk")
    assert span == pickle.loads(pickle.dumps(span)) and span.text == text[0:4]
    assert sayso.Sentence(0, 4, "Talk", "heading").kind == "heading"
    assert sayso.Evidence(0, 4, "Talk", "event") != sayso.Span(0, 4, "Talk")
