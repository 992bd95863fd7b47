"""Aligning two accounts of one event into rows of statements about the same topic.

A row holds the statements of side A and of side B about one topic. Topics
come from the bilingual lexicon (so a Dutch and an English statement about
the summit meet in the "summit" row); statements the lexicon says nothing
about are paired by word overlap, or stand alone. A statement sits in every
row whose topic it mentions. Rows are then marked "both", "only_a",
"only_b", or "conflict" when the stance cues say the sides disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimtrack.compare.lexical import LexicalSimilarity, content_words
from claimtrack.compare.lexicon import TopicLexicon, default_lexicon
from claimtrack.compare.stance import StanceLexicon, conflict_reason, default_stance_lexicon
from claimtrack.compare.text import tokenize

LEXICAL_THRESHOLD = 0.3
INITIATIVE_CONCEPT = "initiative"  # the lexicon concept for who initiated the contact
# a topicless sentence with fewer content words is small talk ("Thanks, everybody."), not a claim
MIN_CLAIM_WORDS = 4
CUE_WINDOW = 4  # how many words from a sentence's start a continuation cue may stand
SPEAKER_LABEL = re.compile(r"^[A-Z][A-Z .'\[\]-]{1,60}:\s+")
STATUSES = ("both", "only_a", "only_b", "conflict")
_EXCERPT_WORDS = 8


@dataclass
class _Row:
    topics: list[str]
    a: list[int] = field(default_factory=list)  # positions in the side's statement list
    b: list[int] = field(default_factory=list)


def statement_concepts(
    statement: dict, lexicon: TopicLexicon, stance: StanceLexicon | None = None
) -> list[str]:
    """Concept ids of a statement; the weak "occurrence" concept only where nothing else is
    said, or in the opening statement of an article (where readouts say who spoke to whom).

    A statement that names the call and the party that asked for it ("this call took place
    at the government of Russia's request") is also about who initiated the call.
    """
    language = statement.get("language")
    concepts = lexicon.concepts_in(statement["text"], language)
    ids = [c.id for c in concepts]
    if (
        INITIATIVE_CONCEPT in lexicon.concepts
        and INITIATIVE_CONCEPT not in ids
        and any(c.weak for c in concepts)
        and (stance or default_stance_lexicon()).initiators(statement["text"], language)
    ):
        ids.append(INITIATIVE_CONCEPT)
    strong = [i for i in ids if not lexicon.concepts[i].weak]
    weak = [i for i in ids if lexicon.concepts[i].weak]
    if strong and statement.get("index") != 0:
        return strong
    return strong + weak


def align_accounts(
    side_a: str,
    statements_a: list[dict],
    side_b: str,
    statements_b: list[dict],
    lexicon: TopicLexicon | None = None,
    stance: StanceLexicon | None = None,
) -> list[dict]:
    """Rows comparing two accounts: [{"topic", "status", "reason", "a": [...], "b": [...]}].

    Statements are dicts with "text", optionally "language" and "index"
    (position in its article); they come back unchanged inside the rows.
    """
    lexicon = lexicon or default_lexicon()
    # a question asserts nothing (reporters' questions in a press call)
    statements_a = [s for s in statements_a if not _is_question(s["text"])]
    statements_b = [s for s in statements_b if not _is_question(s["text"])]
    concepts_a = _with_context(statements_a, lexicon, stance)
    concepts_b = _with_context(statements_b, lexicon, stance)

    rows = _concept_rows(concepts_a, concepts_b, lexicon)
    together = {(i, j) for row in rows for i in row.a for j in row.b}
    rows += _lexical_rows(statements_a, statements_b, concepts_a, concepts_b, lexicon, together)
    rows.sort(key=lambda row: _row_order(row, len(statements_a)))

    result = []
    for row in rows:
        a = [statements_a[i] for i in row.a]
        b = [statements_b[i] for i in row.b]
        reason = conflict_reason(side_a, a, side_b, b, stance)
        if reason:
            status = "conflict"
        elif a and b:
            status = "both"
        else:
            status = "only_a" if a else "only_b"
        result.append(
            {"topic": " / ".join(row.topics), "status": status, "reason": reason, "a": a, "b": b}
        )
    return result


def _with_context(
    statements: list[dict], lexicon: TopicLexicon, stance: StanceLexicon | None
) -> list[list[str]]:
    """Concept ids per statement, where a statement that names no topic of its own
    ("This must be conducted through ...") continues the topic of the sentence
    before it in the same paragraph."""
    result = [statement_concepts(s, lexicon, stance) for s in statements]
    for i in range(1, len(statements)):
        previous, current = statements[i - 1], statements[i]
        if _strong(result[i], lexicon):
            continue
        if not _continues(current["text"], lexicon):
            continue
        same_paragraph = (
            current.get("article", {}).get("id") == previous.get("article", {}).get("id")
            and current.get("paragraph") is not None
            and current.get("paragraph") == previous.get("paragraph")
            and current.get("index") == (previous.get("index") or 0) + 1
        )
        if same_paragraph and result[i - 1]:
            result[i] = _strong(result[i - 1], lexicon) + result[i]
    return result


def _continues(text: str, lexicon: TopicLexicon) -> bool:
    return any(t.norm in lexicon.continuation_cues for t in tokenize(text)[:CUE_WINDOW])


def _without_label(text: str) -> str:
    """Drop a transcript's speaker label ("SENIOR ADMINISTRATION OFFICIAL: Thanks.")."""
    return SPEAKER_LABEL.sub("", text)


def _is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'”’)").endswith("?")


def _concept_rows(concepts_a, concepts_b, lexicon: TopicLexicon) -> list[_Row]:
    by_concept: dict[str, _Row] = {}
    for side, concept_lists in (("a", concepts_a), ("b", concepts_b)):
        for position, concept_ids in enumerate(concept_lists):
            for concept_id in concept_ids:
                row = by_concept.setdefault(concept_id, _Row([lexicon.concepts[concept_id].label]))
                getattr(row, side).append(position)
    # concepts that gather exactly the same statements make one row ("Iran / Afghanistan")
    merged: dict[tuple, _Row] = {}
    for row in by_concept.values():
        key = (tuple(row.a), tuple(row.b))
        if key in merged:
            merged[key].topics.extend(row.topics)
        else:
            merged[key] = row
    return list(merged.values())


def _strong(concept_ids: list[str], lexicon: TopicLexicon) -> list[str]:
    return [c for c in concept_ids if not lexicon.concepts[c].weak]


def _lexical_rows(
    statements_a, statements_b, concepts_a, concepts_b, lexicon, together: set[tuple[int, int]]
) -> list[_Row]:
    words_a = [content_words(_without_label(s["text"]), s.get("language")) for s in statements_a]
    words_b = [content_words(_without_label(s["text"]), s.get("language")) for s in statements_b]
    similarity = LexicalSimilarity(words_a + words_b)
    # statements with no topic of their own, beyond the occurrence itself
    bare_a = [
        i
        for i, c in enumerate(concepts_a)
        if not _strong(c, lexicon) and len(words_a[i]) >= MIN_CLAIM_WORDS
    ]
    bare_b = [
        j
        for j, c in enumerate(concepts_b)
        if not _strong(c, lexicon) and len(words_b[j]) >= MIN_CLAIM_WORDS
    ]

    rows: list[_Row] = []
    paired_b: set[int] = set()
    for i in bare_a:
        best = max(
            (
                (similarity.cosine(words_a[i], words_b[j]), j)
                for j in bare_b
                if (i, j) not in together
            ),
            default=(0.0, None),
        )
        if best[0] >= LEXICAL_THRESHOLD:
            j = best[1]
            shared = similarity.shared_words(words_a[i], words_b[j])
            rows.append(_Row([", ".join(shared)], [i], [j]))
            paired_b.add(j)
        elif not concepts_a[i]:
            rows.append(_Row([_excerpt(statements_a[i]["text"])], [i], []))
    for j in bare_b:
        if j not in paired_b and not concepts_b[j]:
            rows.append(_Row([_excerpt(statements_b[j]["text"])], [], [j]))
    return rows


def _excerpt(text: str) -> str:
    words = text.split()
    excerpt = " ".join(words[:_EXCERPT_WORDS])
    return excerpt + ("\u2026" if len(words) > _EXCERPT_WORDS else "")


def _row_order(row: _Row, size_a: int) -> tuple:
    # rows follow side A's account; rows only B has come after, in B's order
    if row.a:
        return (0, min(row.a), min(row.b) if row.b else size_a)
    return (1, min(row.b), 0)
