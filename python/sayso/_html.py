"""The notebook view of a Document (``Document._repr_html_``).

Self-contained HTML: inline styles, no scripts, every piece of the text escaped. Quotes
are coloured per speaker (hover: speaker, cue, channel, kind), sources bold, cues
italic, claim sentences underlined in the colour of their first label and tagged with
their labels, page furniture greyed; a legend follows the text.
"""

from __future__ import annotations

from html import escape
from typing import Any

__all__ = ["render"]

SPEAKER_COLOURS = [
    "#ffd8a8", "#b2f2bb", "#a5d8ff", "#fcc2d7", "#d0bfff",
    "#ffec99", "#99e9f2", "#ffc9c9", "#c0eb75", "#eebefa",
]
UNKNOWN_COLOUR = "#dee2e6"
LABEL_COLOURS = {
    "quantity": "#1971c2",
    "comparison": "#6741d9",
    "causal": "#c2255c",
    "prediction": "#e67700",
    "rule": "#2b8a3e",
    "event": "#d9480f",
    "position": "#0c8599",
    "opinion": "#868e96",
}
_BADGE = (
    "font-size:0.7em;font-family:sans-serif;color:#fff;background:{c};"
    "border-radius:3px;padding:0 3px;margin-right:2px;vertical-align:super"
)


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _speaker(a: dict[str, Any]) -> str:
    return a["speaker"] or (a["source"] or {}).get("text") or "unknown source"


def render(doc: Any) -> str:
    """HTML for ``doc`` (a ``sayso.Document``)."""
    d = doc.to_dict()
    text: str = doc.text
    sentences = d["sentences"]
    attributions = d["attributions"]

    colour: dict[str, str] = {}
    for a in attributions:
        name = _speaker(a)
        if name not in colour:
            colour[name] = SPEAKER_COLOURS[len(colour) % len(SPEAKER_COLOURS)]

    # (start, end, what, payload); sweeping over their boundaries cuts the text into
    # pieces with a fixed set of active annotations, so the HTML always nests.
    anns: list[tuple[int, int, str, Any]] = []
    for s in sentences:
        if s["kind"] == "boilerplate":
            anns.append((s["start"], s["end"], "boilerplate", s))
    for c in d["claims"]:
        s = sentences[c["sentence"]]
        anns.append((s["start"], s["end"], "claim", c))
    for a in attributions:
        anns.append((a["content"]["start"], a["content"]["end"], "quote", a))
        for part in ("source", "cue"):
            if a[part] is not None:
                anns.append((a[part]["start"], a[part]["end"], part, a))

    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    points = {0, len(text)}
    for i, (start, end, _, _) in enumerate(anns):
        if start >= end:
            continue
        starts.setdefault(start, []).append(i)
        ends.setdefault(end, []).append(i)
        points.update((start, end))
    cuts = sorted(p for p in points if 0 <= p <= len(text))

    out: list[str] = []
    active: dict[int, tuple[int, int, str, Any]] = {}
    for p, q in zip(cuts, cuts[1:]):
        for i in ends.get(p, ()):
            active.pop(i, None)
        for i in starts.get(p, ()):
            active[i] = anns[i]
            if anns[i][2] == "claim":
                out.append(_claim_badge(anns[i][3]))
        out.append(_piece(text[p:q], active.values(), colour))

    body = "".join(out)
    return (
        '<div class="sayso-document" style="font-family:Georgia,serif;line-height:1.7">'
        f'<div style="white-space:pre-wrap">{body}</div>'
        f"{_legend(colour, d)}</div>"
    )


def _claim_badge(c: dict[str, Any]) -> str:
    parts = []
    for label in c["labels"]:
        col = LABEL_COLOURS.get(label, "#495057")
        parts.append(f'<span style="{_BADGE.format(c=col)}">{escape(label)}</span>')
    mark = "✓" if c["checkworthy"] else ""
    title = f"claim · score {c['score']}" + (" · check-worthy" if c["checkworthy"] else "")
    if c["hedged"]:
        title += " · hedged"
    return f'<span title="{_attr(title)}">{"".join(parts)}{mark}</span>'


def _piece(chunk: str, active: Any, colour: dict[str, str]) -> str:
    html = escape(chunk)
    if not active:
        return html
    style: list[str] = []
    title: list[str] = []
    quote = None
    for start, end, what, x in active:
        if what == "quote":
            quote = x  # the latest opened: the innermost quotation
        elif what == "claim":
            col = LABEL_COLOURS.get(x["labels"][0] if x["labels"] else "", "#495057")
            style.append(f"border-bottom:2px solid {col}")
            title.append("claim: " + ", ".join(x["labels"]))
        elif what == "boilerplate":
            style.append("color:#adb5bd")
            title.append("boilerplate")
        elif what == "source":
            style.append("font-weight:bold")
            title.append(f"source: {_speaker(x)}")
        elif what == "cue":
            style.append("font-style:italic;text-decoration:underline dotted")
            title.append(f"cue of {_speaker(x)}")
    if quote is not None:
        name = _speaker(quote)
        style.append(f"background:{colour.get(name, UNKNOWN_COLOUR)}")
        cue = quote["cue"]["text"] if quote["cue"] else "—"
        title.insert(
            0,
            f"speaker: {name}\ncue: {cue}\nchannel: {quote['channel'] or '—'}\n"
            f"kind: {quote['kind']}",
        )
    return f'<span style="{_attr(";".join(style))}" title="{_attr(chr(10).join(title))}">{html}</span>'


def _legend(colour: dict[str, str], d: dict[str, Any]) -> str:
    items = []
    for name, col in colour.items():
        items.append(
            f'<span style="background:{col};padding:0 4px;margin-right:6px">{escape(name)}</span>'
        )
    if not items:
        items.append('<span style="color:#868e96">no attributions</span>')
    labels = sorted({label for c in d["claims"] for label in c["labels"]})
    badges = "".join(
        f'<span style="{_BADGE.format(c=LABEL_COLOURS.get(label, "#495057"))}">'
        f"{escape(label)}</span>"
        for label in labels
    ) or '<span style="color:#868e96">no claims</span>'
    return (
        '<div class="sayso-legend" style="font-family:sans-serif;font-size:0.8em;'
        'border-top:1px solid #dee2e6;margin-top:8px;padding-top:4px">'
        f"<div><b>Speakers</b> (hover a quote for speaker, cue and channel): {''.join(items)}</div>"
        f"<div><b>Claims</b> (✓ check-worthy): {badges}</div>"
        f"<div><b>Key</b>: <b>source</b> · <i>cue</i> · "
        f'<span style="color:#adb5bd">boilerplate</span> · '
        f"{len(d['sentences'])} sentences, {len(d['claims'])} claims, "
        f"{len(d['attributions'])} attributions, {len(d['entities'])} entities</div>"
        "</div>"
    )
