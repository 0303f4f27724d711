"""The notebook view: escaping, nesting, legend."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser
from typing import Any

import sayso
from sayso import _html


class Tree(HTMLParser):
    """Checks nesting and collects the text of the document part (badges excluded)."""

    VOID = {"br", "hr", "img", "meta", "link", "input"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, Any]]] = []
        self.tags: list[str] = []
        self.titles: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        if a.get("title"):
            self.titles.append(a["title"])
        if tag not in self.VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, (tag, self.stack)
        self.stack.pop()

    def in_text(self) -> bool:
        classes = [a.get("class") for _, a in self.stack]
        return "sayso-legend" not in classes and not any(
            "vertical-align:super" in (a.get("style") or "") for _, a in self.stack
        ) and not any(a.get("title", "").startswith("claim ·") for _, a in self.stack)

    def handle_data(self, data: str) -> None:
        if self.in_text():
            self.text.append(data)


def parse(html: str) -> Tree:
    t = Tree()
    t.feed(html)
    t.close()
    assert not t.stack, "unclosed tags"
    return t


HOSTILE = 'Breaking: <script>alert("x")</script> & <b>bold</b> “quotes” 🇺🇦 Київ.\n\nNext line.'


def test_text_is_escaped_and_kept_whole() -> None:
    doc = sayso.analyze(HOSTILE)
    html = doc._repr_html_()
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html
    tree = parse(html)
    assert "script" not in tree.tags
    assert "".join(tree.text) == HOSTILE


def test_legend_and_counts() -> None:
    doc = sayso.analyze("One. Two.")
    html = doc._repr_html_()
    assert 'class="sayso-legend"' in html
    assert f"{len(doc.sentences)} sentences" in html
    assert "http" not in html  # nothing fetched from the network


class FakeDoc:
    """A document with attributions and claims of our own making, to test the view alone."""

    def __init__(self, text: str, d: dict[str, Any]) -> None:
        self.text = text
        self._d = d

    def to_dict(self) -> dict[str, Any]:
        return self._d


def span(text: str, part: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part), "text": part}


def test_quotes_are_coloured_per_speaker_with_hover_details() -> None:
    text = '“We <will> win,” said Evil" onmouseover="x. Then “no way,” Bo wrote on X. Fine.'
    s1 = span(text, text[: text.index("x.") + 2])
    s2 = span(text, "Then “no way,” Bo wrote on X.")
    s3 = span(text, "Fine.")
    d = {
        "sentences": [dict(s, kind="body") for s in (s1, s2, s3)],
        "claims": [{"sentence": 1, "labels": ["event", "quantity"], "checkworthy": True,
                    "score": 0.8, "hedged": True, "source": 2, "evidence": []}],
        "attributions": [
            {"source": span(text, 'Evil" onmouseover="x'), "speaker": 'Evil" onmouseover="x',
             "entity": 1, "cue": span(text, "said"), "content": span(text, "We <will> win,"),
             "kind": "direct", "channel": None, "via": None},
            # Overlaps the claim sentence and crosses into the next one: must still nest.
            {"source": span(text, "Bo"), "speaker": "Bo Kim", "entity": 2,
             "cue": span(text, "wrote"), "content": span(text, "no way,” Bo wrote on X. Fi"),
             "kind": "direct", "channel": "X", "via": None},
        ],
        "entities": [],
    }
    html = _html.render(FakeDoc(text, d))
    assert 'onmouseover="x' not in html  # the hostile name stays inside an attribute value
    tree = parse(html)
    assert "".join(tree.text) == text
    titles = [unescape(t) for t in tree.titles]
    assert any(t.startswith('speaker: Evil" onmouseover="x\ncue: said\nchannel: —') for t in titles)
    assert any(t.startswith("speaker: Bo Kim\ncue: wrote\nchannel: X\nkind: direct") for t in titles)
    assert any("claim: event, quantity" in t for t in titles)
    assert "check-worthy · hedged" in html
    # One colour per speaker, both in the legend.
    c1, c2 = _html.SPEAKER_COLOURS[:2]
    assert f"background:{c1}" in html and f"background:{c2}" in html
    legend = html[html.index('class="sayso-legend"'):]
    assert "Bo Kim" in legend and "Evil&quot; onmouseover=&quot;x" in legend
    assert ">event<" in legend and ">quantity<" in legend


def test_real_attributions_and_claims_show_when_found() -> None:
    text = "“We will not give up,” Zelenskiy wrote on X. The strike left 20,000 homes without power."
    doc = sayso.analyze(text)
    html = doc._repr_html_()
    tree = parse(html)
    assert "".join(tree.text) == text
    for a in doc.attributions:
        assert a.speaker is None or any(a.speaker in unescape(t) for t in tree.titles)
    for c in doc.claims:
        for label in c.labels:
            assert f">{label}<" in html
