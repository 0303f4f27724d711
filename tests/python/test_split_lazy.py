"""split's sentences cut their text from the source `str` on first access: the offsets
are converted in one pass, and the lazy text must behave exactly like a stored one."""

from __future__ import annotations

import gc
import pickle

import sayso

# Every UTF-8 width: 1 (ASCII), 2 (ü, Cyrillic), 3 (curly quotes, €), 4 (emoji).
PARAGRAPH = (
    "Türkiye said “yes” 👍 today. Київ мовчить, but the mayor spoke at 3 p.m. again. "
    "Prices rose 5% to €4.50 — “too much,” Mr. Ødegaard wrote 🙃.\n\n"
    "A Heading Without A Stop\n"
)


def check(text: str) -> list[sayso.Sentence]:
    got = sayso.split(text)
    assert got, text[:40]
    prev = 0
    for s in got:
        assert prev <= s.start < s.end <= len(text)
        assert s.text == text[s.start : s.end]
        assert s.text.strip() == s.text
        prev = s.end
    return got


def test_offsets_on_every_utf8_width() -> None:
    got = check(PARAGRAPH)
    assert [s.text for s in got] == [
        "Türkiye said “yes” 👍 today.",
        "Київ мовчить, but the mayor spoke at 3 p.m. again.",
        "Prices rose 5% to €4.50 — “too much,” Mr. Ødegaard wrote 🙃.",
        "A Heading Without A Stop",
    ]
    assert got[1].start == PARAGRAPH.index("Київ")


def test_long_text_is_split_with_exact_offsets() -> None:
    # Well above the size where split releases the GIL; offsets must still be exact at
    # the end of the text, after thousands of multi-byte characters.
    text = PARAGRAPH * 400
    got = check(text)
    assert len(got) == 4 * 400
    assert got[-1].text == "A Heading Without A Stop"
    assert got[-1].end == len(text) - 1
    assert got == sayso.analyze(text).sentences


def test_ascii_text() -> None:
    text = "The vote passed. Mr. Smith left at 5 p.m. on Monday. It rained.\n" * 50
    got = check(text)
    assert got[:3] == [
        sayso.Sentence(0, 16, "The vote passed.", "body"),
        sayso.Sentence(17, 52, "Mr. Smith left at 5 p.m. on Monday.", "body"),
        sayso.Sentence(53, 63, "It rained.", "body"),
    ]


def test_a_lazy_sentence_equals_a_built_one() -> None:
    text = "Київ Is Calm\n\nThe envoy left 👍 on Monday. Talks went on."
    lazy = sayso.split(text)[1]
    built = sayso.Sentence(14, 41, "The envoy left 👍 on Monday.", lazy.kind)
    # Compare and hash before the lazy one's text was ever asked for, both ways round.
    assert lazy == built and built == lazy
    assert hash(lazy) == hash(built)
    assert repr(lazy) == repr(built)
    assert repr(lazy).startswith("Sentence(14, 41, 'The envoy left 👍 on Monday.', kind=")


def test_text_outlives_the_callers_reference() -> None:
    sentences = sayso.split("".join(["Talks resumed in Київ. ", "They failed."]))
    gc.collect()
    assert [s.text for s in sentences] == ["Talks resumed in Київ.", "They failed."]


def test_pickle_carries_the_sentence_not_the_source() -> None:
    text = PARAGRAPH * 200
    s = sayso.split(text)[5]
    data = pickle.dumps(s)
    assert len(data) < 400  # the source is ~27,000 characters
    back = pickle.loads(data)
    assert back == s and back.text == text[s.start : s.end] and back.kind == s.kind


def test_kinds_are_shared_strings() -> None:
    got = sayso.split("The talks went on. They ended at noon. Nobody left.") * 2
    assert [s.kind for s in got] == ["body"] * 6
    assert all(s.kind is got[0].kind for s in got)


class Shouty(str):
    """A str subclass whose slicing differs from str's."""

    def __getitem__(self, key):  # type: ignore[no-untyped-def, override]
        return str.__getitem__(self, key).upper()


def test_a_str_subclass_is_sliced_as_a_str() -> None:
    text = Shouty("Talks resumed in Київ. They failed.")
    assert [s.text for s in sayso.split(text)] == ["Talks resumed in Київ.", "They failed."]
    doc = sayso.analyze(text)
    assert doc.text is text
    assert [s.text for s in doc.sentences] == ["Talks resumed in Київ.", "They failed."]
