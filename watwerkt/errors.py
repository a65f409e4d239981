"""Exceptions the library raises; the CLI turns each into one line for the user.

Every error says *where* (a file and line, a document, an offending value) and, when it
can, what to do next. Nothing here imports heavy libraries.
"""

from __future__ import annotations


class WatwerktError(Exception):
    """Base class: an error a user can act on. ``where`` is a file:line or a name."""

    exit_code = 1

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def __str__(self) -> str:  # one line, as the CLI prints it
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


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
