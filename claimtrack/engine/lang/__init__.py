"""Per-language data for the attribution engine (cue words, quote marks, pronouns, ...).

Each language module exposes `PROFILE`, a `LanguageProfile`; `get_profile(code)`
returns it. Code elsewhere reads these tables instead of branching on the language.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module

from claimtrack.engine.lang.profile import LanguageProfile

SUPPORTED_LANGUAGES = ("nl", "en")


@cache
def get_profile(language: str) -> LanguageProfile:
    """Return the language profile for 'nl' or 'en'."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    return import_module(f"claimtrack.engine.lang.{language}").PROFILE
