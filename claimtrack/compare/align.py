"""Aligning two accounts of one event into rows: each statement in exactly one row.

Statements of the two sides are paired by what they share (features.py):
content words as keys that meet across Dutch and English through the
dictionary, names, numbers, and the topic lexicon's concepts as one more
signal. Each statement is linked to its best match on the other side when
that match is good enough; a sentence that points back ("This must be
conducted ...") is linked to the sentence before it. The linked groups are
the rows, so every statement sits in exactly one row. A row is "both",
"only_a", "only_b", or "conflict" when conflicts.py or the stance cues find
the two sides disagree; the differing phrases come back as marks.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from claimtrack.compare.conflicts import conflict_profile, pair_findings
from claimtrack.compare.features import features
from claimtrack.compare.lexicon import TopicLexicon, default_lexicon
from claimtrack.compare.stance import StanceLexicon, conflict_reason, default_stance_lexicon
from claimtrack.compare.text import tokenize

INITIATIVE_CONCEPT = "initiative"  # the lexicon concept for who initiated the contact
# a topicless sentence with fewer content words is small talk ("Thanks, everybody."), not a claim
MIN_CLAIM_WORDS = 3
CUE_WINDOW = 4  # how many words from a sentence's start a continuation cue may stand
STATUSES = ("both", "only_a", "only_b", "conflict")
_EXCERPT_WORDS = 8
# how the evidence adds up to a match score (tuned on the readout references and the
# fire event of tests/data; the strike event is held out, see scripts/eval_alignment.py)
WORD_WEIGHT = 1.0  # weighted share of content words the two statements have in common
CONCEPT_WEIGHT = 0.45  # share of topic-lexicon concepts in common
WEAK_CONCEPT_SHARE = 0.5  # sharing only the occurrence itself ("the call") counts half
DISJOINT_CONCEPTS_FACTOR = 0.6  # both name topics of the lexicon, but no topic in common
NAME_BONUS = 1.3  # a name counts this much more than a common word
MATCH_THRESHOLD = 0.25  # a best match below this score is no match
MUTUAL_THRESHOLD = 0.12  # ... unless each is the other's best match and it reaches this
SAME_SIDE_THRESHOLD = 0.6  # two statements of one side this alike are one row
SAME_SIDE_JOIN = 0.3  # ... and this alike, when the first matches nothing of the other side
MERGE_THRESHOLD = 0.2  # average match of two rows' statements above which they are one row
COMMON_SHARE = 0.25  # in a larger event, words in more than this share of statements don't pair
# ("fire", "strike": the event itself); counts of a thing ("800 drivers") still do
COMMON_MIN_STATEMENTS = 20
IDF_FLOOR = 1.0
IDF_POWER = 3.0
ASPECTS = ("times", "blame", "sequence")
ASPECT_WEIGHT = 1.0
MAX_NUMBER_REASONS = 2  # different numbers named in one row: the first two are reason enough
QUOTED = re.compile(r"\u201c([^\u201d]{1,200})\u201d")


@dataclass
class _Row:
    a: list[int] = field(default_factory=list)  # positions in the side's statement list
    b: list[int] = field(default_factory=list)


def align_accounts(
    side_a: str,
    statements_a: list[dict],
    side_b: str,
    statements_b: list[dict],
    lexicon: TopicLexicon | None = None,
    stance: StanceLexicon | None = None,
) -> list[dict]:
    """Rows comparing two accounts: [{"topic", "status", "reason", "kinds", "a": [...],
    "b": [...], "marks_a": [...], "marks_b": [...]}].

    Statements are dicts with "text", optionally "language", "index", "paragraph",
    "article"; they come back unchanged inside the rows, each in exactly one row.
    marks_a[i] lists the (start, end) character spans of a[i] that show a conflict.
    Questions and small talk ("Thanks, everybody.") get no row.
    """
    lexicon = lexicon or default_lexicon()
    stance = stance or default_stance_lexicon()
    concepts_a_all = _with_context(statements_a, lexicon, stance)
    concepts_b_all = _with_context(statements_b, lexicon, stance)
    keep_a = _claims(statements_a, concepts_a_all, lexicon)
    keep_b = _claims(statements_b, concepts_b_all, lexicon)
    statements_a = [statements_a[i] for i in keep_a]
    statements_b = [statements_b[i] for i in keep_b]
    concepts_a = [concepts_a_all[i] for i in keep_a]
    concepts_b = [concepts_b_all[i] for i in keep_b]
    inherited_a = [_inherited(statements_a, concepts_a, i, lexicon) for i in range(len(keep_a))]
    inherited_b = [_inherited(statements_b, concepts_b, i, lexicon) for i in range(len(keep_b))]

    # A-B scores, and within each side: a side that says the same thing twice (its
    # release and a newspaper quoting it)
    scores, same_a, same_b = _scores(
        statements_a, statements_b, concepts_a, concepts_b, lexicon, (side_a, side_b)
    )
    rows = _group(
        scores,
        len(statements_a),
        len(statements_b),
        inherited_a,
        inherited_b,
        (_repeats(same_a), _repeats(same_b)),
    )
    rows.sort(key=lambda row: _row_order(row, len(statements_a)))

    result = []
    for row in rows:
        a = [statements_a[i] for i in row.a]
        b = [statements_b[j] for j in row.b]
        reasons, kinds, marks_a, marks_b = _conflicts(side_a, a, side_b, b, stance)
        if reasons:
            status = "conflict"
        elif a and b:
            status = "both"
        else:
            status = "only_a" if a else "only_b"
        result.append(
            {
                "topic": _topic(row, statements_a, statements_b, concepts_a, concepts_b, lexicon),
                "status": status,
                "reason": "; ".join(reasons) or None,
                "kinds": kinds,
                "a": a,
                "b": b,
                "marks_a": marks_a,
                "marks_b": marks_b,
            }
        )
    return result


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


def _claims(statements: list[dict], concepts: list[list[str]], lexicon) -> list[int]:
    """Positions of the statements that claim something: no questions, no small talk."""
    kept = []
    for i, statement in enumerate(statements):
        if _is_question(statement["text"]):
            continue
        f = features(statement)
        says_little = not (f.quantities or f.times or f.negations)
        if not concepts[i] and len(f.word_keys) < MIN_CLAIM_WORDS and says_little:
            continue
        kept.append(i)
    return kept


def _inherited(statements, concepts, i: int, lexicon: TopicLexicon) -> bool:
    """Whether statement i continues the one before it ("This must be conducted ...")."""
    if i == 0:
        return False
    current, previous = statements[i], statements[i - 1]
    own = statement_concepts(current, lexicon)
    return (
        not _strong(own, lexicon)
        and bool(_strong(concepts[i], lexicon))
        and _continues(current["text"], lexicon)
        and current.get("paragraph") == previous.get("paragraph")
    )


def _source_words(statement: dict, sides: tuple[str, ...]) -> set[str]:
    """Words of the names of who said it (speaker, via, the two sides): not what was said."""
    names = [*sides, statement.get("speaker") or "", *(statement.get("via") or [])]
    return {token.norm for name in names for token in tokenize(name)}


def _scores(statements_a, statements_b, concepts_a, concepts_b, lexicon, sides=()):
    """Match scores in one pass over both sides: ({(i, j): score} for an A and a B statement
    that share anything, the same for two A statements, and for two B statements).

    Each statement's weighted words are worked out once; candidate pairs come from an
    index of who has which key, so statements that share nothing are never scored."""
    statements = list(statements_a) + list(statements_b)
    concepts = list(concepts_a) + list(concepts_b)
    size_a = len(statements_a)
    feats = [features(s) for s in statements]
    total = len(feats)
    # what kind of claim a statement makes (a clock time, blame, an order of events): two
    # accounts of when, who or what came first meet on it whatever their words
    aspects = [
        {"@" + flag for flag in conflict_profile(s).flags if flag in ASPECTS} for s in statements
    ]
    df: Counter = Counter()
    for f, kinds in zip(feats, aspects, strict=True):
        df.update(f.keys)
        df.update(kinds)
    common = (
        {k for k, n in df.items() if n > COMMON_SHARE * total and k[0] not in "~#"}
        if total >= COMMON_MIN_STATEMENTS
        else set()
    )
    idf = {k: (math.log((1 + total) / (1 + n)) + IDF_FLOOR) ** IDF_POWER for k, n in df.items()}

    words_of: list[list[tuple[frozenset[str], float]]] = []
    for statement, f in zip(statements, feats, strict=True):
        drop = _source_words(statement, sides)
        words = []
        for keys, norm in zip(f.word_keys, f.word_norms, strict=True):
            usable = keys - common if common else keys
            if not usable or norm in drop:
                continue
            weight = max(idf[k] for k in usable)
            if not usable.isdisjoint(f.names):
                weight *= NAME_BONUS
            words.append((usable, weight))
        for aspect in aspects[len(words_of)]:
            words.append((frozenset({aspect}), idf[aspect] * ASPECT_WEIGHT))
        words_of.append(words)
    postings: dict[str, list[int]] = defaultdict(list)
    for x, words in enumerate(words_of):
        for key in {k for keys, _ in words for k in keys}:
            postings[key].append(x)

    # matched[(x, y)]: weight of x's words that y has, plus of y's words that x has
    matched: dict[tuple[int, int], float] = defaultdict(float)
    for x, words in enumerate(words_of):
        for keys, weight in words:
            if len(keys) == 1:
                (key,) = keys
                others = postings[key]
            else:
                others = set().union(*(postings[k] for k in keys))
            for y in others:
                if y != x:
                    matched[(x, y) if x < y else (y, x)] += weight
    totals = [sum(w for _, w in words) for words in words_of]
    strong = [set(_strong(ids, lexicon)) for ids in concepts]
    cross: dict[tuple[int, int], float] = {}
    same_a: dict[tuple[int, int], float] = {}
    same_b: dict[tuple[int, int], float] = {}
    for (x, y), value in matched.items():
        score = WORD_WEIGHT * value / (totals[x] + totals[y])
        # the topic lexicon: statements about different concepts are less alike than their words say
        if strong[x] and strong[y] and strong[x].isdisjoint(strong[y]):
            score *= DISJOINT_CONCEPTS_FACTOR
        if y < size_a:
            same_a[(x, y)] = same_a[(y, x)] = score
        elif x >= size_a:
            same_b[(x - size_a, y - size_a)] = same_b[(y - size_a, x - size_a)] = score
        else:
            cross[(x, y - size_a)] = score
    # ... and statements about the same concept more alike
    by_concept: dict[str, list[int]] = defaultdict(list)
    for x, ids in enumerate(concepts):
        for concept in ids:
            by_concept[concept].append(x)
    for x, ids in enumerate(concepts):
        if not ids:
            continue
        own = set(ids)
        for y in {y for c in own for y in by_concept[c]}:
            if y <= x:
                continue
            other = set(concepts[y])
            shared = own & other
            score = CONCEPT_WEIGHT * (0.7 + 0.3 * len(shared) / min(len(own), len(other)))
            if not _strong(list(shared), lexicon):
                score *= WEAK_CONCEPT_SHARE
            if y < size_a:
                for pair in ((x, y), (y, x)):
                    same_a[pair] = same_a.get(pair, 0.0) + score
            elif x >= size_a:
                for pair in ((x - size_a, y - size_a), (y - size_a, x - size_a)):
                    same_b[pair] = same_b.get(pair, 0.0) + score
            else:
                pair = (x, y - size_a)
                cross[pair] = cross.get(pair, 0.0) + score
    return cross, same_a, same_b


def _repeats(scores: dict) -> dict[int, tuple[float, int]]:
    """Each of one side's statements' closest other statement of that side: (score, position)."""
    best: dict[int, tuple[float, int]] = {}
    for (i, j), score in scores.items():
        if i != j and score > best.get(i, (0.0, -1))[0]:
            best[i] = (score, j)
    return best


def _group(
    scores: dict, size_a: int, size_b: int, inherited_a, inherited_b, repeats=((), ())
) -> list[_Row]:
    """Rows from best-match links: each statement joins its best match's row."""
    parent = list(range(size_a + size_b))  # A statements first, then B statements

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for (i, j), score in scores.items():
        if score <= 0.0:  # they share only words every statement has
            continue
        if score > best_a.get(i, (0.0, -1))[0] or (score == best_a[i][0] and j < best_a[i][1]):
            best_a[i] = (score, j)
        if score > best_b.get(j, (0.0, -1))[0] or (score == best_b[j][0] and i < best_b[j][1]):
            best_b[j] = (score, i)
    # a side that says the same thing twice (its release and a newspaper quoting it)
    for offset, best in ((0, repeats[0]), (size_a, repeats[1])):
        for i, (score, j) in best.items():
            if score >= SAME_SIDE_THRESHOLD:
                union(offset + i, offset + j)

    def linked(score: float, mutual: bool) -> bool:
        return score >= MATCH_THRESHOLD or (mutual and score >= MUTUAL_THRESHOLD)

    for i in range(size_a):
        if inherited_a[i]:
            union(i, i - 1)
        elif i in best_a:
            score, j = best_a[i]
            if linked(score, best_b.get(j, (0, -1))[1] == i):
                union(i, size_a + j)
    for j in range(size_b):
        if inherited_b[j]:
            union(size_a + j, size_a + j - 1)
        elif j in best_b:
            score, i = best_b[j]
            if linked(score, best_a.get(i, (0, -1))[1] == j):
                union(size_a + j, i)
    # a statement that found no match on the other side joins the one of its own side it
    # repeats, if that is closer than anything the other side says
    cross_best = [best_a.get(i, (0.0, -1))[0] for i in range(size_a)]
    cross_best += [best_b.get(j, (0.0, -1))[0] for j in range(size_b)]
    alone = Counter(find(x) for x in range(size_a + size_b))
    for offset, best in ((0, repeats[0]), (size_a, repeats[1])):
        for i, (score, j) in best.items():
            x = offset + i
            if alone[find(x)] == 1 and score >= SAME_SIDE_JOIN and score > cross_best[x]:
                union(x, offset + j)
    members: dict[int, list[int]] = defaultdict(list)
    for x in range(size_a + size_b):
        members[find(x)].append(x)
    groups = _merge_close_groups(list(members.values()), scores, size_a)
    rows = []
    for group in groups:
        row = _Row()
        for x in sorted(group):
            if x < size_a:
                row.a.append(x)
            else:
                row.b.append(x - size_a)
        rows.append(row)
    return rows


def _merge_close_groups(groups: list[list[int]], scores: dict, size_a: int) -> list[list[int]]:
    """Merge two-sided groups whose statements match each other well on average (the five
    Kremlin sentences on cybercrime and the three White House ones make one row even where
    each sentence's single best match splits them)."""
    group_of = {x: n for n, group in enumerate(groups) for x in group}
    members = dict(enumerate(groups))
    sides = {
        n: [sum(1 for x in g if x < size_a), sum(1 for x in g if x >= size_a)]
        for n, g in members.items()
    }
    between: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for (i, j), score in scores.items():
        gi, gj = group_of[i], group_of[size_a + j]
        if gi != gj:
            between[gi][gj] += score
            between[gj][gi] += score

    def average(g: int, h: int) -> float:
        (ag, bg), (ah, bh) = sides[g], sides[h]
        if not (ag and bg and ah and bh):
            return 0.0
        return between[g][h] / (ag * bh + ah * bg)

    while True:
        best = None
        for g, neighbours in between.items():
            for h in list(neighbours):
                if g < h:
                    value = average(g, h)
                    if value >= MERGE_THRESHOLD and (best is None or value > best[0]):
                        best = (value, g, h)
        if best is None:
            return [members[n] for n in sorted(members)]
        _, g, h = best
        members[g] = members[g] + members.pop(h)
        sides[g] = [sides[g][0] + sides[h][0], sides[g][1] + sides[h][1]]
        del sides[h]
        for k, total in between.pop(h).items():
            between[k].pop(h, None)
            if k != g:
                between[g][k] += total
                between[k][g] += total
        between[g].pop(g, None)


def _conflicts(side_a, a: list[dict], side_b, b: list[dict], stance: StanceLexicon):
    """Reasons, finding kinds and marks (spans per statement) for one row."""
    marks_a: list[list[tuple[int, int]]] = [[] for _ in a]
    marks_b: list[list[tuple[int, int]]] = [[] for _ in b]
    reasons: list[str] = []
    kinds: list[str] = []
    if not a or not b:
        return reasons, kinds, marks_a, marks_b
    for x, y in _conflict_candidates(a, b):
        statement_a, statement_b = a[x], b[y]
        for finding in pair_findings(side_a, statement_a, side_b, statement_b):
            if kinds.count(finding.kind) >= (
                MAX_NUMBER_REASONS if finding.kind == "numbers" else 1
            ):
                continue
            if finding.reason in reasons:
                continue
            reasons.append(finding.reason)
            kinds.append(finding.kind)
            marks_a[x].extend(finding.marks_a)
            marks_b[y].extend(finding.marks_b)
    stance_reason = conflict_reason(side_a, a, side_b, b, stance)
    if stance_reason:
        reasons.append(stance_reason)
        kinds.append("stance")
        for phrase in QUOTED.findall(stance_reason):
            for statements, marks in ((a, marks_a), (b, marks_b)):
                for x, statement in enumerate(statements):
                    at = statement["text"].lower().find(phrase.lower())
                    if at >= 0:
                        marks[x].append((at, at + len(phrase)))
    return (
        reasons,
        kinds,
        [sorted(set(m)) for m in marks_a],
        [sorted(set(m)) for m in marks_b],
    )


def _conflict_candidates(a: list[dict], b: list[dict]) -> list[tuple[int, int]]:
    """The (x, y) pairs of a row worth checking for a conflict, in order: both count the
    same thing, one negates what the other says, or both have a time, a day, a blamed
    party, an order of events or a stance word (the checks of conflicts.pair_findings
    need one of these, so no finding is lost; a large row is not checked pair by pair)."""
    profiles_a = [conflict_profile(s) for s in a]
    profiles_b = [conflict_profile(s) for s in b]
    by_key: dict[str, set[int]] = defaultdict(set)  # a key of a B statement -> B positions
    by_trigger: dict[str, set[int]] = defaultdict(set)  # a count or negation key of B
    by_flag: dict[str, set[int]] = defaultdict(set)
    for y, profile in enumerate(profiles_b):
        for key in profile.keys:
            by_key[key].add(y)
        for key in profile.counted | profile.heads:
            by_trigger[key].add(y)
        for flag in profile.flags:
            by_flag[flag].add(y)
    pairs = set()
    for x, profile in enumerate(profiles_a):
        ys: set[int] = set()
        for key in profile.counted:
            ys |= by_trigger.get(key, set())
        for key in profile.heads:  # A negates what B says
            ys |= by_key.get(key, set())
        for key in profile.keys:  # B negates what A says
            ys |= {y for y in by_trigger.get(key, ()) if key in profiles_b[y].heads}
        for flag in profile.flags:
            ys |= by_flag.get(flag, set())
        pairs.update((x, y) for y in ys)
    return sorted(pairs)


def _topic(row: _Row, statements_a, statements_b, concepts_a, concepts_b, lexicon) -> str:
    """A short name for the row: its commonest concept, else the words both sides share."""
    counts: Counter = Counter()
    for i in row.a:
        counts.update(_strong(concepts_a[i], lexicon))
    for j in row.b:
        counts.update(_strong(concepts_b[j], lexicon))
    if row.a and row.b:
        shared_concepts = {c for i in row.a for c in concepts_a[i]} & {
            c for j in row.b for c in concepts_b[j]
        }
        if shared_concepts:
            counts = Counter({c: counts.get(c, 0) + 1 for c in shared_concepts})
    if counts:
        best = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:2]
        return " / ".join(lexicon.concepts[c].label for c, _ in best)
    if row.a and row.b:
        keys_b = set().union(*(features(statements_b[j]).keys for j in row.b))
        words = []
        for i in row.a:
            f = features(statements_a[i])
            text = statements_a[i]["text"]
            for keys, (start, end) in zip(f.word_keys, f.word_spans, strict=True):
                word = text[start:end]
                if keys & keys_b and word.lower() not in [w.lower() for w in words]:
                    words.append(word)
        if words:
            return ", ".join(words[:3])
    first = statements_a[row.a[0]] if row.a else statements_b[row.b[0]]
    return _excerpt(first["text"])


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


def _is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'”’)").endswith("?")


def _strong(concept_ids: list[str], lexicon: TopicLexicon) -> list[str]:
    return [c for c in concept_ids if not lexicon.concepts[c].weak]


def _excerpt(text: str) -> str:
    words = text.split()
    excerpt = " ".join(words[:_EXCERPT_WORDS])
    return excerpt + ("\u2026" if len(words) > _EXCERPT_WORDS else "")


def _row_order(row: _Row, size_a: int) -> tuple:
    # rows follow side A's account; rows only B has come after, in B's order
    if row.a:
        return (0, min(row.a), min(row.b) if row.b else size_a)
    return (1, min(row.b), 0)
