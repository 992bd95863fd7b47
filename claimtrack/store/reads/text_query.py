"""What a user typed as words, turned into a safe full-text (FTS5) query."""

from __future__ import annotations

import re

_FTS_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_NOT_SEARCHABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def fts_match_expression(query: str | None) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word or "quoted phrase" must occur.

    A trailing * on a word keeps prefix search. FTS5 operators and syntax
    typed by the user are treated as plain words, so no input raises a syntax
    error. Returns None when nothing searchable is left.
    """
    parts = []
    # control characters (a NUL ends the query inside SQLite) and lone surrogates are no words
    query = _NOT_SEARCHABLE.sub(" ", query or "")
    for phrase, word in _FTS_TOKEN.findall(query):
        text = phrase if phrase else word
        prefix = not phrase and text.endswith("*")
        text = text.rstrip("*") if prefix else text
        if not re.search(r"\w", text):
            continue
        parts.append('"' + text.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " ".join(parts) if parts else None
