"""sayso: who says what in news text.

Sentences, claims and attributions of a text, with code point offsets
(``doc.text[s.start:s.end] == s.text``)::

    >>> import sayso
    >>> doc = sayso.analyze("Talks resumed. They failed.")
    >>> [s.text for s in doc.sentences]
    ['Talks resumed.', 'They failed.']

See ``docs/python.md`` for the whole API, notebooks and multiprocessing notes.
"""

from __future__ import annotations

import os as _os

from . import _sayso
from ._errors import InputError, OptionError, SaysoError
from ._pandas import to_pandas
from ._sayso import (
    Analyzer,
    Attribution,
    Claim,
    Document,
    Entity,
    Evidence,
    Sentence,
    Span,
    __version__,
    analyze,
    analyze_many,
    split,
)

__all__ = [
    "Analyzer",
    "Attribution",
    "Claim",
    "Document",
    "Entity",
    "Evidence",
    "InputError",
    "OptionError",
    "SaysoError",
    "Sentence",
    "Span",
    "__version__",
    "analyze",
    "analyze_many",
    "split",
    "to_pandas",
]

# A forked child has none of its parent's pool threads: make its batches sequential
# instead of waiting on threads that are gone (the compiled module also notices a changed
# process id, for forks that bypass os.fork).
if hasattr(_os, "register_at_fork"):
    _os.register_at_fork(after_in_child=_sayso._after_fork_in_child)
