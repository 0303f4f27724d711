"""sayso's exceptions (raised by the compiled module too)."""

from __future__ import annotations

__all__ = ["SaysoError", "OptionError", "InputError"]


class SaysoError(Exception):
    """Base class of every error that is sayso's own."""


class OptionError(SaysoError, ValueError):
    """A bad option: an empty lexicon entry, an unknown label or entity kind, ``threads=0``,
    as many authors as texts not given."""


class InputError(SaysoError, TypeError):
    """Input of the wrong type: a text that is not a ``str``, a lone ``str`` where an
    iterable of them is expected."""
