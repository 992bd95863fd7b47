"""Read inflection tables: lines `lemma: form form ...`."""

from __future__ import annotations


def parse_forms(table: str) -> dict[str, str]:
    """Parse lines 'lemma: form form ...' into {form: lemma} (the lemma maps to itself)."""
    forms: dict[str, str] = {}
    for line in table.strip().splitlines():
        if ":" not in line:
            continue
        lemma, rest = line.split(":", 1)
        lemma = lemma.strip()
        forms.setdefault(lemma, lemma)
        for form in rest.split():
            forms.setdefault(form, lemma)
    return forms
