"""Type stubs of the compiled module ``sayso._sayso`` (checked with ``mypy.stubtest``)."""

from collections.abc import Iterable, Mapping
from typing import Any, final

from typing_extensions import Self, disjoint_base

__all__ = [
    "__version__",
    "Analyzer",
    "Document",
    "Span",
    "Sentence",
    "Evidence",
    "Claim",
    "Attribution",
    "Entity",
    "analyze",
    "analyze_many",
    "split",
    "_document",
    "_after_fork_in_child",
    "_in_forked_child",
]

__version__: str

@disjoint_base
class Span:
    """A half-open range ``[start, end)`` of the text in code points, with its text:
    ``doc.text[span.start:span.end] == span.text``."""

    def __new__(cls, start: int, end: int, text: str) -> Self: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    def __reduce__(self) -> tuple[Any, ...]: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Sentence(Span):
    """A sentence; ``kind`` is ``"body"``, ``"heading"`` or ``"boilerplate"``."""

    def __new__(cls, start: int, end: int, text: str, kind: str) -> Self: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

    @property
    def kind(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Evidence(Span):
    """Words that make a claim label true."""

    def __new__(cls, start: int, end: int, text: str, label: str) -> Self: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

    @property
    def label(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Claim:
    """A sentence that makes a claim (SPEC §2)."""

    def __new__(
        cls,
        sentence: int,
        labels: list[str],
        checkworthy: bool,
        score: float,
        hedged: bool,
        source: int | None,
        evidence: list[Evidence],
    ) -> Self: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

    @property
    def sentence(self) -> int:
        """Index into ``Document.sentences``."""
    @property
    def labels(self) -> list[str]: ...
    @property
    def checkworthy(self) -> bool: ...
    @property
    def score(self) -> float: ...
    @property
    def hedged(self) -> bool: ...
    @property
    def source(self) -> int | None:
        """Id of the entity that makes the claim, if known."""
    @property
    def evidence(self) -> list[Evidence]: ...

@final
class Attribution:
    """Who said what: source, cue, content, channel (SPEC §3)."""

    def __new__(
        cls,
        source: Span | None,
        speaker: str | None,
        entity: int | None,
        cue: Span | None,
        content: Span,
        kind: str,
        channel: str | None,
        via: Span | None,
    ) -> Self: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

    @property
    def source(self) -> Span | None: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def entity(self) -> int | None: ...
    @property
    def cue(self) -> Span | None: ...
    @property
    def content(self) -> Span: ...
    @property
    def kind(self) -> str:
        """``"direct"``, ``"indirect"`` or ``"mixed"``."""
    @property
    def channel(self) -> str | None: ...
    @property
    def via(self) -> Span | None: ...

@final
class Entity:
    """A person or body with every mention of it (SPEC §4)."""

    def __new__(cls, id: int, name: str, kind: str, mentions: list[Span]) -> Self: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def mentions(self) -> list[Span]: ...

@final
class Document:
    """Everything sayso found in one text."""

    @property
    def text(self) -> str: ...
    @property
    def author(self) -> str | None: ...
    @property
    def sentences(self) -> list[Sentence]: ...
    @property
    def claims(self) -> list[Claim]: ...
    @property
    def attributions(self) -> list[Attribution]: ...
    @property
    def entities(self) -> list[Entity]: ...
    def to_json(self) -> str:
        """SPEC §5 JSON on one line: what ``sayso analyze --format json`` prints."""
    def to_dict(self) -> dict[str, Any]:
        """The JSON as dicts and lists."""
    def _repr_html_(self) -> str: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

@final
class Analyzer:
    """Sentence splitting, attribution and claim tagging, with extra lexicon entries.

    Frozen and picklable (it pickles as its options).
    """

    def __new__(
        cls,
        *,
        abbreviations: Iterable[str] | None = None,
        titles: Iterable[str] | None = None,
        boilerplate: Iterable[str] | None = None,
        cues: Iterable[str] | None = None,
        aliases: Mapping[str, str] | None = None,
        gazetteer: Mapping[str, str] | None = None,
        label_words: Mapping[str, Iterable[str]] | None = None,
        hedges: Iterable[str] | None = None,
        claims: bool = True,
    ) -> Self: ...
    def analyze(self, text: str, *, author: str | None = None) -> Document: ...
    def analyze_many(
        self,
        texts: Iterable[str],
        *,
        authors: Iterable[str | None] | None = None,
        threads: int | None = None,
    ) -> list[Document]: ...
    def split(self, text: str) -> list[Sentence]: ...
    @property
    def options(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def analyze(text: str, *, author: str | None = None) -> Document:
    """Analyzes one text with the default analyzer."""

def analyze_many(
    texts: Iterable[str],
    *,
    authors: Iterable[str | None] | None = None,
    threads: int | None = None,
) -> list[Document]:
    """Analyzes many texts in parallel (GIL released; ``threads=1``: sequential)."""

def split(text: str) -> list[Sentence]:
    """Sentences only, with the default analyzer."""

def _document(text: str, author: str | None, json: str) -> Document: ...
def _after_fork_in_child() -> None: ...
def _in_forked_child() -> bool: ...
