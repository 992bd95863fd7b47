"""Coordinated speakers: "X, Y en Z zeiden …" gives each of them the claim.

A frame's source phrase names one speaker. When that phrase stands in a list
of names joined by commas and a coordinating word (`speaker_coordinators`),
the other members are speakers of the same statement. Each member must hold a
capitalised name, so "de minister en haar team" or an apposition after a
comma ("Jan Smit, directeur van …") is not split.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimtrack.engine.lang.profile import LanguageProfile

MAX_MEMBER_WORDS = 5


def _member(doc: Doc, start: int, end: int, profile: LanguageProfile) -> bool:
    words = doc[start:end]
    return (
        0 < len(words) <= MAX_MEMBER_WORDS
        and words[-1].text[:1].isupper()
        and words[-1].is_alpha
        and all(not t.is_punct and t.lower_ not in profile.speaker_coordinators for t in words)
    )


def _may_be_in_member(tok, profile: LanguageProfile) -> bool:
    """A word that can stand in a name phrase: a name, a role, a determiner, an adjective."""
    if tok.is_punct or tok.lower_ in profile.speaker_coordinators:
        return False
    if tok.lower_ in profile.name_particles or tok.text[:1].isupper():
        return True
    return tok.pos_ in ("NOUN", "ADJ", "DET", "PROPN")


def _member_left(doc: Doc, end: int, profile: LanguageProfile) -> int | None:
    """Start of the list member that ends at `end` (exclusive), reading leftwards."""
    start = end
    while (
        start > 0 and end - start < MAX_MEMBER_WORDS and _may_be_in_member(doc[start - 1], profile)
    ):
        start -= 1
    while start < end and not doc[start].text[:1].isupper() and doc[start].pos_ == "DET":
        start += 1
    return start if _member(doc, start, end, profile) else None


def _member_right(doc: Doc, start: int, profile: LanguageProfile) -> int | None:
    """End of the list member that starts at `start`, reading rightwards."""
    end = start
    while (
        end < len(doc) and end - start < MAX_MEMBER_WORDS and _may_be_in_member(doc[end], profile)
    ):
        end += 1
    while end > start and not (doc[end - 1].text[:1].isupper() and doc[end - 1].is_alpha):
        end -= 1  # the member ends with its name
    return end if _member(doc, start, end, profile) else None


def coordinated_sources(
    doc: Doc, start: int, end: int, profile: LanguageProfile
) -> list[tuple[int, int]]:
    """The other members of a list of names the source span [start, end) belongs to.

    Returns [] unless the list is joined by a coordinating word somewhere.
    """
    if not profile.speaker_coordinators or not _member(doc, start, end, profile):
        return []
    left = _member_left(doc, end, profile)  # "keeper Daan Visser": the member starts at its role
    if left is not None:
        start = min(start, left)
    members: list[tuple[int, int]] = []
    joined = False
    i = start
    while i >= 2 and (doc[i - 1].text == "," or doc[i - 1].lower_ in profile.speaker_coordinators):
        left = _member_left(doc, i - 1, profile)
        if left is None:
            break
        joined = joined or doc[i - 1].lower_ in profile.speaker_coordinators
        members.insert(0, (left, i - 1))
        i = left
    j = end
    while j + 1 < len(doc) and (
        doc[j].text == "," or doc[j].lower_ in profile.speaker_coordinators
    ):
        right = _member_right(doc, j + 1, profile)
        if right is None:
            break
        members.append((j + 1, right))
        if doc[j].lower_ in profile.speaker_coordinators:
            joined = True
            break  # "…, Y en Z": the list ends with the member after the coordinating word
        j = right
    return members if joined else []
