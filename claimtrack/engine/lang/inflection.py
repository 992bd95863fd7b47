"""Regular verb inflection undone by rule, for forms the lemmatizer leaves alone.

A pipeline that has not seen a form may return it as its own lemma
("vermoedt", "meldde"). The language's settings give the endings of its
regular verb forms and the spelling changes between stem and infinitive; from
those, `infinitive_candidates` lists the infinitives a form may belong to, and
the engine takes the first that is one of its known verbs. Irregular forms
("zei", "sprak") cannot be derived and stay in `verb_forms.txt`.

Dutch, as set in `data/nl/settings.toml`: a regular form is stem + one of
t / de / te / den / ten, or ge + stem + d / t (after a separable particle:
aan-ge-kondig-d); the infinitive is stem + en, with a long vowel written single
("maak" -> maken), a short vowel's consonant doubled ("zeg" -> zeggen) and
f/s voiced ("leef" -> leven, "reis" -> reizen).
"""

from __future__ import annotations

from functools import lru_cache

VOWELS = "aeiou"


def _infinitives(stem: str, ending: str, voicing: dict[str, str]) -> list[str]:
    if len(stem) < 2:
        return []
    out = [stem + ending]
    if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in VOWELS and stem[-1] not in VOWELS:
        out.append(stem[:-2] + stem[-1] + ending)  # maak -> maken
    if stem[-1] not in VOWELS and stem[-2] in VOWELS and (len(stem) < 3 or stem[-3] not in VOWELS):
        out.append(stem + stem[-1] + ending)  # zeg -> zeggen
    if stem[-1] in voicing:
        voiced = stem[:-1] + voicing[stem[-1]]
        out.append(voiced + ending)
        if len(voiced) >= 3 and voiced[-2] == voiced[-3] and voiced[-2] in VOWELS:
            out.append(voiced[:-2] + voiced[-1] + ending)  # leef -> leven
    return out


def _without_separating_diaeresis(stem: str, diaeresis: dict[str, str]) -> str:
    """A diaeresis on a stem's first vowel only keeps it apart from the prefix's vowel
    ("geëist" -> eis-): the infinitive is written without it."""
    return diaeresis.get(stem[:1], stem[:1]) + stem[1:]


@lru_cache(maxsize=65536)
def infinitive_candidates(
    form: str,
    suffixes: tuple[str, ...],
    participle_prefix: str,
    participle_suffixes: tuple[str, ...],
    infinitive_ending: str,
    voicing: tuple[tuple[str, str], ...],
    particles: frozenset[str],
    diaeresis: tuple[tuple[str, str], ...] = (),
) -> tuple[str, ...]:
    """Infinitives the regular form `form` (lowercase) may belong to, most likely first."""
    if not infinitive_ending:
        return ()
    voice = dict(voicing)
    separated = dict(diaeresis)
    stems: list[tuple[str, str]] = []  # (particle, stem)
    for suffix in sorted(suffixes, key=len, reverse=True):
        if form.endswith(suffix) and len(form) - len(suffix) >= 2:
            stems.append(("", form[: len(form) - len(suffix)] if suffix else form))
    if participle_prefix:
        for particle in sorted(particles | {""}, key=len, reverse=True):
            head = particle + participle_prefix
            if not form.startswith(head):
                continue
            for suffix in participle_suffixes:
                if form.endswith(suffix) and len(form) > len(head) + len(suffix) + 1:
                    stem = form[len(head) : len(form) - len(suffix)]
                    stems.append((particle, _without_separating_diaeresis(stem, separated)))
    if participle_prefix:
        # a compound participle with its prefix inside: "bekendgemaakt" -> bekendmaakt
        at = form.find(participle_prefix, 1)
        while at > 0:
            inner = form[:at] + form[at + len(participle_prefix) :]
            for suffix in participle_suffixes:
                if inner.endswith(suffix) and len(inner) - len(suffix) > at:
                    stems.append(("", inner[: len(inner) - len(suffix)] if suffix else inner))
            at = form.find(participle_prefix, at + 1)
    seen: list[str] = []
    for particle, stem in stems:
        for infinitive in _infinitives(stem, infinitive_ending, voice):
            if particle + infinitive not in seen:
                seen.append(particle + infinitive)
    return tuple(seen)
