"""Build a LanguageProfile from the plain-text word lists in `data/<language>/`.

Each list field of `LanguageProfile` is one file `<field>.txt`: one entry per
line, `#` starts a comment line, blank lines are ignored. Multi-word entries
(`naar verluidt`, `laten weten`) are words separated by spaces; whether a field
keeps them as one phrase or as a word tuple follows the field's type.
A table field (`dict[str, str]`) has lines `word value` (`Pieter m`). A field
with no file in the language's folder is read from `data/<field>.txt` where there
is one: a list both languages share (`given_name_genders.txt`).
`verb_forms.txt` has lines `lemma: form form ...`; `settings.toml` holds the
few scalar settings (participle prefix, word order).
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from claimtrack.engine.lang.forms import parse_forms
from claimtrack.engine.lang.profile import LanguageProfile

DATA_DIR = Path(__file__).parent / "data"
NOT_FROM_FILES = {"code", "verb_forms", "learned_cues", "cue_model"}


def read_entries(path: Path) -> list[str]:
    """The entries of one word-list file, comments and blank lines dropped."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = " ".join(line.split())
        if line and not line.startswith("#"):
            entries.append(line)
    return entries


def _typed(annotation: str, entries: list[str]):
    if annotation.startswith("dict[str, str]"):
        bad = next((e for e in entries if " " not in e), None)
        if bad is not None:
            raise ValueError(f"a table entry needs a word and a value: {bad!r}")
        return dict(e.rsplit(" ", 1) for e in entries)
    if annotation.startswith("frozenset[tuple"):
        return frozenset(tuple(e.split()) for e in entries)
    if annotation.startswith("frozenset"):
        return frozenset(entries)
    if annotation.startswith("tuple[tuple"):
        return tuple(tuple(e.split()) for e in entries)
    if annotation.startswith("tuple"):
        return tuple(entries)
    raise TypeError(f"no file format for a field of type {annotation}")


def load_profile_data(code: str, **extra) -> LanguageProfile:
    """Read `data/<code>/` into a LanguageProfile; `extra` fills the remaining fields."""
    folder = DATA_DIR / code
    values: dict = {"code": code}
    for f in dataclasses.fields(LanguageProfile):
        path = folder / f"{f.name}.txt"
        if not path.exists():
            path = DATA_DIR / f"{f.name}.txt"  # a list both languages share
        if f.name in NOT_FROM_FILES or not path.exists():
            continue
        values[f.name] = _typed(str(f.type), read_entries(path))
    settings = folder / "settings.toml"
    if settings.exists():
        for key, value in tomllib.loads(settings.read_text(encoding="utf-8")).items():
            # lists become tuples: they are arguments of cached functions
            values[key] = (
                tuple(tuple(v) if isinstance(v, list) else v for v in value)
                if isinstance(value, list)
                else value
            )
    forms = folder / "verb_forms.txt"
    if forms.exists():
        values["verb_forms"] = parse_forms(forms.read_text(encoding="utf-8"))
    values.update(extra)
    values["stopwords"] = values.get("stopwords", frozenset()) | values.get(
        "interjections", frozenset()
    )
    return LanguageProfile(**values)
