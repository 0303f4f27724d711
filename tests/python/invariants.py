"""Structural checks that hold for any correct analysis of any text (SPEC §1–§5)."""

from __future__ import annotations

import sayso


FACTUAL = {"quantity", "comparison", "causal", "event", "rule"}


def spans_of(doc: sayso.Document) -> list[sayso.Span]:
    """Every span object of the document."""
    out: list[sayso.Span] = list(doc.sentences)
    for c in doc.claims:
        out.extend(c.evidence)
    for a in doc.attributions:
        out.append(a.content)
        out.extend(s for s in (a.source, a.cue, a.via) if s is not None)
    for e in doc.entities:
        out.extend(e.mentions)
    return out


def check_document(doc: sayso.Document) -> None:
    text = doc.text
    for s in spans_of(doc):
        assert isinstance(s.start, int) and isinstance(s.end, int)
        assert 0 <= s.start <= s.end <= len(text), s
        assert text[s.start : s.end] == s.text, s
        if s.text:
            assert not s.text[0].isspace() and not s.text[-1].isspace(), s

    # Sentences: in order, disjoint, covering every non-whitespace character.
    covered = [False] * len(text)
    prev_end = 0
    for s in doc.sentences:
        assert s.kind in ("body", "heading", "boilerplate")
        assert s.start >= prev_end and s.end > s.start, s
        prev_end = s.end
        for i in range(s.start, s.end):
            covered[i] = True
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert covered[i], f"character {i} ({ch!r}) is in no sentence"
    for i in range(len(text)):
        if covered[i] is False:
            assert text[i].isspace()

    ids = [e.id for e in doc.entities]
    assert ids == list(range(1, len(ids) + 1))
    n = len(doc.sentences)
    last = -1
    for c in doc.claims:
        assert 0 <= c.sentence < n and c.sentence > last
        last = c.sentence
        assert c.labels and len(set(c.labels)) == len(c.labels)
        assert 0.0 <= c.score <= 1.0
        if c.checkworthy:
            assert c.score >= 0.5 and FACTUAL.intersection(c.labels), c
        assert c.source is None or 1 <= c.source <= len(ids)
        assert doc.sentences[c.sentence].kind != "boilerplate"
        for e in c.evidence:
            assert e.label in c.labels
    for a in doc.attributions:
        assert a.kind in ("direct", "indirect", "mixed")
        assert a.entity is None or 1 <= a.entity <= len(ids)
    for e in doc.entities:
        assert e.kind in ("person", "organization", "media", "group", "author")
        assert e.name
