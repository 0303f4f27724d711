"""to_pandas (skipped without pandas)."""

from __future__ import annotations

import pytest

import sayso
from sayso._pandas import COLUMNS

pd = pytest.importorskip("pandas")

TEXTS = [
    "Türkiye waits. “We will go,” she said.\n\nКиїв мовчить.",
    "Prices rose 5% because of the blockade, the minister said on Monday.",
    "",
]


def test_sentences_frame() -> None:
    docs = sayso.analyze_many(TEXTS)
    df = sayso.to_pandas(docs, "sentences")
    assert list(df.columns) == COLUMNS["sentences"]
    assert len(df) == sum(len(d.sentences) for d in docs)
    for row in df.itertuples():
        doc = docs[row.doc]
        s = doc.sentences[row.sentence]
        assert (row.start, row.end, row.text, row.kind) == (s.start, s.end, s.text, s.kind)
        assert doc.text[row.start : row.end] == row.text


@pytest.mark.parametrize("what", ["claims", "attributions", "entities"])
def test_other_frames_have_their_columns_and_rows(what: str) -> None:
    docs = sayso.analyze_many(TEXTS)
    df = sayso.to_pandas(docs, what)
    assert list(df.columns) == COLUMNS[what]
    assert len(df) == sum(len(getattr(d, what)) for d in docs)
    for row in df.to_dict("records"):
        doc = docs[row["doc"]]
        if what == "claims":
            assert doc.text[row["start"] : row["end"]] == row["text"]
            assert row["labels"] == doc.claims[[c.sentence for c in doc.claims].index(row["sentence"])].labels
        elif what == "attributions":
            assert doc.text[row["content_start"] : row["content_end"]] == row["content"]
        else:
            assert doc.entities[row["entity"] - 1].name == row["name"]


def test_a_single_document_and_bad_arguments() -> None:
    doc = sayso.analyze(TEXTS[0])
    assert len(sayso.to_pandas(doc)) == len(doc.sentences)
    with pytest.raises(ValueError, match="what must be one of"):
        sayso.to_pandas([doc], "quotes")
    with pytest.raises(TypeError):
        sayso.to_pandas(["not a document"], "sentences")  # type: ignore[list-item]
