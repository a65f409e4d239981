"""Exceptions the library raises; the CLI turns each into one line for the user.

Every error says *where* (a file and line, a document, an offending value) and, when it
can, what to do next. Nothing here imports heavy libraries.
"""

from __future__ import annotations


class WatwerktError(Exception):
    """Base class: an error a user can act on. ``where`` is a file:line or a name.

    ``message`` and ``hint`` are Dutch; ``en`` and ``hint_en`` their English versions (when
    missing, the Dutch text is shown in English output too). :meth:`line` gives the one line
    the CLI prints, in the language asked for with ``--lang``.
    """

    exit_code = 1

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None,
                 en: str | None = None, hint_en: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint
        self.en = en
        self.hint_en = hint_en

    def line(self, lang: str = "nl") -> str:
        message = (self.en or self.message) if lang == "en" else self.message
        hint = (self.hint_en or self.hint) if lang == "en" else self.hint
        text = f"{self.where}: {message}" if self.where else message
        if hint:
            text += f" ({hint})"
        return " ".join(text.split())  # one line, whatever the message held

    def __str__(self) -> str:
        return self.line("nl")


class CorpusError(WatwerktError):
    """The corpus is missing, incomplete, or a document changed."""


class DataError(WatwerktError):
    """A curated data file is malformed or refers to something that does not exist."""


class AnchorError(WatwerktError):
    """An anchor does not point at the text it claims to, or a snippet cannot be found."""


class StoreError(WatwerktError):
    """The graph store is missing or cannot be opened."""


class UsageError(WatwerktError):
    """The user asked for something that is not there (an unknown term or id)."""

    exit_code = 2


class QueryError(WatwerktError):
    """A query was refused or failed."""

    exit_code = 2
