"""``to_pandas``: one row per sentence, claim, attribution or entity of many documents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ._errors import InputError, OptionError
from ._sayso import Document

if TYPE_CHECKING:
    import pandas

__all__ = ["to_pandas", "COLUMNS"]

#: The columns of each table. ``doc`` is the position of the document in ``docs``;
#: offsets are code points into that document's text.
COLUMNS: dict[str, list[str]] = {
    "sentences": ["doc", "sentence", "start", "end", "text", "kind"],
    "claims": [
        "doc", "sentence", "start", "end", "text", "labels", "checkworthy", "score",
        "hedged", "source", "evidence",
    ],
    "attributions": [
        "doc", "speaker", "entity", "kind", "channel",
        "source", "source_start", "source_end",
        "cue", "cue_start", "cue_end",
        "content", "content_start", "content_end",
        "via", "via_start", "via_end",
    ],
    "entities": ["doc", "entity", "name", "kind", "mentions", "first_start", "first_end"],
}


def _span_cols(prefix: str, span: dict[str, Any] | None) -> dict[str, Any]:
    if span is None:
        return {prefix: None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {prefix: span["text"], f"{prefix}_start": span["start"], f"{prefix}_end": span["end"]}


def _rows(i: int, d: dict[str, Any], what: str) -> Iterable[dict[str, Any]]:
    if what == "sentences":
        for n, s in enumerate(d["sentences"]):
            yield {"doc": i, "sentence": n, **s}
    elif what == "claims":
        sentences = d["sentences"]
        for c in d["claims"]:
            s = sentences[c["sentence"]]
            yield {
                "doc": i, "start": s["start"], "end": s["end"], "text": s["text"],
                **{k: c[k] for k in ("sentence", "labels", "checkworthy", "score",
                                     "hedged", "source", "evidence")},
            }
    elif what == "attributions":
        for a in d["attributions"]:
            yield {
                "doc": i, "speaker": a["speaker"], "entity": a["entity"], "kind": a["kind"],
                "channel": a["channel"],
                **_span_cols("source", a["source"]),
                **_span_cols("cue", a["cue"]),
                **_span_cols("content", a["content"]),
                **_span_cols("via", a["via"]),
            }
    else:
        for e in d["entities"]:
            mentions = [(m["start"], m["end"]) for m in e["mentions"]]
            first = mentions[0] if mentions else (None, None)
            yield {
                "doc": i, "entity": e["id"], "name": e["name"], "kind": e["kind"],
                "mentions": mentions, "first_start": first[0], "first_end": first[1],
            }


def to_pandas(docs: Document | Iterable[Document], what: str = "sentences") -> pandas.DataFrame:
    """A DataFrame with one row per item of ``what`` over ``docs``.

    ``what`` is ``"sentences"``, ``"claims"``, ``"attributions"`` or ``"entities"``; the
    columns are ``COLUMNS[what]`` (also when there are no rows). Requires pandas
    (``pip install 'sayso[pandas]'``).
    """
    if what not in COLUMNS:
        raise OptionError(f"what must be one of {', '.join(map(repr, COLUMNS))}, not {what!r}")
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - exercised only without pandas
        raise ImportError("to_pandas needs pandas: pip install 'sayso[pandas]'") from e
    if isinstance(docs, Document):
        docs = [docs]
    rows: list[dict[str, Any]] = []
    for i, doc in enumerate(docs):
        if not isinstance(doc, Document):
            raise InputError(f"docs must hold sayso.Document objects, not {type(doc).__name__}")
        rows.extend(_rows(i, doc.to_dict(), what))
    return pd.DataFrame(rows, columns=COLUMNS[what])
