"""Aligning two accounts of one event into rows: each statement in exactly one row.

Statements of the two sides are paired by what they share (features.py):
content words as keys that meet across Dutch and English through the
dictionary, names, numbers, and the topic lexicon's concepts as one more
signal. Rows are built in two steps. First each side's repeats of one claim
become a cluster: its release and the newspapers relaying it, where each
statement is the other's best match in the other's article (an article tells a
claim once, so a cluster never holds two statements of one article, nor two
different counts of one thing); a sentence that points back ("This must be
conducted ...") joins the sentence before it. Then the two sides' clusters pair
one to one, the most likely pair first, when their closest statements are a
link: by their word score, or by the pair model (pair_model.py), which weighs
the word score with other signs of one claim learned from the alignment
references. A row is "both", "only_a", "only_b", or "conflict" when
conflicts.py or the stance cues find the two sides disagree; the differing
phrases come back as marks.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from claimtrack.compare.conflicts import (
    ConflictProfile,
    conflict_profile,
    pair_findings,
    possible_kinds,
)
from claimtrack.compare.features import features
from claimtrack.compare.lexicon import TopicLexicon, default_lexicon
from claimtrack.compare.pair_model import PairModel, default_pair_model, pair_features
from claimtrack.compare.replies import answer_in_row, replies
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
FIGURE_BONUS = 2.0  # ... and the very same figure ("46" and "46", from MIN_FIGURE) this much
MATCH_THRESHOLD = 0.25  # a best match below this score is no match
MUTUAL_THRESHOLD = 0.12  # ... unless each is the other's best match and it reaches this
SAME_SIDE_THRESHOLD = 0.6  # two statements of one side this alike are one row
ROUNDING = 1.5  # two figures this close may be one figure, rounded
REPEAT_THRESHOLD = 0.15  # two articles' statements of one side, each the other's best there
SAME_SIDE_JOIN = 0.3  # ... and this alike, when the first matches nothing of the other side
ALONE_JOIN = 0.12  # average match with a two-sided group that a statement left alone joins
# average match of two rows' statements above which they are one row (leave one event out)
MERGE_THRESHOLD = 0.25
COMMON_SHARE = 0.25  # in a larger event, words in more than this share of statements don't pair
# ("fire", "strike": the event itself); counts of a thing ("800 drivers") still do
COMMON_MIN_STATEMENTS = 20
IDF_FLOOR = 1.0
IDF_POWER = 3.0
ASPECTS = ("times", "dates", "blame", "sequence")
ASPECT_WEIGHT = 1.0
# the share of a word's weight a synonym or broader word gives (not its own); chosen over
# 0-0.65 leave-one-event-out with words read in their commonest part of speech (WordNet's
# corpus counts, no tagger): 0.5 on 9 of 10 folds (0.25 with airport left out), mean
# left-out F1 0.811
RELATED_SHARE = 0.5
MIN_FIGURE = 10  # a count this large, given twice by one side, is one claim repeated
MAX_FIGURE_REPEATS = 4
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
    model: PairModel | None | str = "shipped",
) -> list[dict]:
    """Rows comparing two accounts: [{"topic", "status", "reason", "kinds", "a": [...],
    "b": [...], "marks_a": [...], "marks_b": [...]}].

    Statements are dicts with "text", optionally "language", "index", "paragraph",
    "article"; they come back unchanged inside the rows, each in exactly one row.
    marks_a[i] lists the (start, end) character spans of a[i] that show a conflict.
    Questions and small talk ("Thanks, everybody.") get no row. A best match whose word
    score falls short is still a link when `model` says so (pair_model.py; "shipped":
    claimtrack's own model, None: word scores alone).
    """
    if model == "shipped":
        model = default_pair_model()
    lexicon = lexicon or default_lexicon()
    stance = stance or default_stance_lexicon()
    prepared = prepare_accounts(side_a, statements_a, side_b, statements_b, lexicon, stance)
    statements_a, statements_b = prepared.statements_a, prepared.statements_b
    concepts_a, concepts_b = prepared.concepts_a, prepared.concepts_b
    scores, size_a = prepared.scores, len(statements_a)
    inherited_a = [_inherited(statements_a, concepts_a, i, lexicon) for i in range(size_a)]
    inherited_b = [
        _inherited(statements_b, concepts_b, j, lexicon) for j in range(len(statements_b))
    ]
    links = None
    if model is not None:
        matrix = pair_features(
            prepared.cross_scores, statements_a, statements_b, concepts_a, concepts_b
        )
        links = (model.probabilities(matrix), model.link, model.mutual)
    everyone = statements_a + statements_b
    article_of = _article_keys(everyone)
    rows = _group(
        prepared.cross_scores,
        size_a,
        len(statements_b),
        inherited_a,
        inherited_b,
        (_best(scores[:size_a, :size_a]), _best(scores[size_a:, size_a:])),
        scores,
        links,
        (
            _article_repeats(scores[:size_a, :size_a], statements_a, article_of[:size_a]),
            _article_repeats(scores[size_a:, size_a:], statements_b, article_of[size_a:]),
        ),
        article_of,
        lambda x, y: _different_counts(features(everyone[x]), features(everyone[y])),
        replies(statements_a, statements_b),
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


@dataclass
class PreparedAccounts:
    """Two accounts as the aligner compares them: the statements that claim something, their
    topic concepts, and the match scores of every two of them (A statements first, then B;
    a side's repeated figure already counted as one claim)."""

    statements_a: list[dict]
    statements_b: list[dict]
    concepts_a: list[list[str]]
    concepts_b: list[list[str]]
    scores: np.ndarray

    @property
    def cross_scores(self) -> np.ndarray:
        """The A x B block of the scores."""
        size_a = len(self.statements_a)
        return self.scores[:size_a, size_a:]


def prepare_accounts(
    side_a: str,
    statements_a: list[dict],
    side_b: str,
    statements_b: list[dict],
    lexicon: TopicLexicon | None = None,
    stance: StanceLexicon | None = None,
) -> PreparedAccounts:
    """The claims of two accounts with their concepts and match scores (align_accounts'
    first step; scripts/train_pair_model.py learns from the same)."""
    lexicon = lexicon or default_lexicon()
    stance = stance or default_stance_lexicon()
    concepts_a = _with_context(statements_a, lexicon, stance)
    concepts_b = _with_context(statements_b, lexicon, stance)
    keep_a = _claims(statements_a, concepts_a, lexicon)
    keep_b = _claims(statements_b, concepts_b, lexicon)
    kept_a = [statements_a[i] for i in keep_a]
    kept_b = [statements_b[j] for j in keep_b]
    concepts_a = [concepts_a[i] for i in keep_a]
    concepts_b = [concepts_b[j] for j in keep_b]
    scores = _scores(kept_a, kept_b, concepts_a, concepts_b, lexicon, (side_a, side_b))
    # within each side: a side that says the same thing twice (its release and a newspaper
    # quoting it) gives the same figure
    _same_figures(scores, kept_a + kept_b, len(kept_a))
    return PreparedAccounts(kept_a, kept_b, concepts_a, concepts_b, scores)


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
    """Match scores of every two statements of both sides, as one square matrix (A
    statements first, then B; 0 where two statements share nothing, and on the diagonal).

    Each statement's weighted words are worked out once, and once for statements that say
    the same (a release and the outlets relaying it: the same words, source, aspects and
    concepts score the same with everything). Which statements have which word comes
    from an index of who has which key, and the sums over shared words are array
    operations, so a large event costs no Python loop over its pairs."""
    statements = list(statements_a) + list(statements_b)
    concepts = list(concepts_a) + list(concepts_b)
    feats = [features(s) for s in statements]
    total = len(feats)
    # what kind of claim a statement makes (a clock time, a named day, blame, an order of
    # events): two accounts of when, who or what came first meet on it whatever their words
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
    # a WordNet sense most statements have (the event itself: "fire", "blaze") pairs nothing
    sense_df: Counter = Counter()
    for f in feats:
        sense_df.update(f.senses)
    common_senses = (
        {sense for sense, n in sense_df.items() if n > COMMON_SHARE * total}
        if total >= COMMON_MIN_STATEMENTS
        else set()
    )

    # statements that say the same are one class, scored once (x below is a class)
    who_of = [(s.get("speaker"), tuple(s.get("via") or ())) for s in statements]
    classes: dict[tuple, int] = {}
    class_of: list[int] = []  # per statement
    first: list[int] = []  # per class: its first statement
    for x, key in enumerate(zip(feats, who_of, map(frozenset, aspects), map(tuple, concepts))):
        if key not in classes:
            classes[key] = len(first)
            first.append(x)
        class_of.append(classes[key])
    size = np.bincount(class_of, minlength=len(first))  # statements per class

    # every usable word once: (statement, its key set, its weight); what a word's keys give
    # (the keys left after the common ones, their weight) is worked out once per event
    keysets: dict[frozenset[str], int] = {}
    usable_of: dict[frozenset[str], tuple[frozenset[str], float]] = {}
    word_statement: list[int] = []
    word_keyset: list[int] = []
    word_weight: list[float] = []
    holders: list[set[int]] = []  # per key set: the statements with a word of it
    # words that may also meet a word of the same or a broader meaning (synonyms.py): each
    # (statement, its key set, its senses, their broader senses, the weight such a meeting
    # gives), and who has which sense, and which sense as a broader one
    loose: list[tuple[int, frozenset[str], frozenset[str], frozenset[str], float]] = []
    with_sense: dict[str, set[int]] = defaultdict(set)
    with_broader: dict[str, set[int]] = defaultdict(set)
    sources: dict[tuple, set[str]] = {}  # most statements share a speaker and a chain
    for x in range(len(classes)):
        statement, f, who = statements[first[x]], feats[first[x]], who_of[first[x]]
        drop = sources.get(who)
        if drop is None:
            drop = sources[who] = _source_words(statement, sides)
        words = []
        for usable, weight, related in _weighed_words(
            f, drop, usable_of, common, idf, common_senses
        ):
            if related is not None:
                senses, broader, share = related
                loose.append((x, usable, senses, broader, share))
                for sense in senses:
                    with_sense[sense].add(x)
                for sense in broader:
                    with_broader[sense].add(x)
            words.append((usable, weight))
        for aspect in aspects[first[x]]:
            words.append((frozenset({aspect}), idf[aspect] * ASPECT_WEIGHT))
        for keys, weight in words:
            k = keysets.get(keys)
            if k is None:
                k = keysets[keys] = len(keysets)
                holders.append(set())
            holders[k].add(x)
            word_statement.append(x)
            word_keyset.append(k)
            word_weight.append(weight)
    postings: dict[str, set[int]] = defaultdict(set)
    for keys, k in keysets.items():
        for key in keys:
            postings[key] |= holders[k]
    # Sums over shared words and concepts are numpy additions over blocks of statements:
    # no Python loop over pairs, and no matrix product (a threaded BLAS would spin on a
    # busy server's cores for matrices this small).
    scores = np.zeros((len(classes), len(classes)))
    if word_statement:
        weights = np.asarray(word_weight + [weight for *_, weight in loose])
        owners = np.asarray(word_statement + [x for x, *_ in loose])
        totals = np.bincount(owners, weights=weights, minlength=len(classes))
        # owned[k]: {statement: the weight of its words of key set k}
        owned: list[dict[int, float]] = [defaultdict(float) for _ in keysets]
        for x, k, weight in zip(word_statement, word_keyset, word_weight, strict=True):
            owned[k][x] += weight
        # found[x, y]: weight of x's words that y has; found[x, x]: that another statement
        # of the class has, when there is one
        found = np.zeros((len(classes), len(classes)))
        for keys, k in keysets.items():
            if len(keys) == 1:
                holding = postings[next(iter(keys))]
            else:
                holding = set().union(*(postings[key] for key in keys))
            if len(holding) < 2 and size[next(iter(holding))] < 2:  # no other statement has it
                continue
            rows = np.fromiter(owned[k].keys(), dtype=np.intp, count=len(owned[k]))
            row_weights = np.fromiter(owned[k].values(), dtype=float, count=len(owned[k]))
            columns = np.fromiter(holding, dtype=np.intp, count=len(holding))
            found[np.ix_(rows, columns)] += row_weights[:, None]
        _loose_meetings(found, loose, postings, with_sense, with_broader, size)
        matched = found + found.T  # ... plus y's words that x has
        denominator = totals[:, None] + totals[None, :]
        scores = WORD_WEIGHT * np.divide(
            matched, denominator, out=np.zeros_like(matched), where=denominator > 0
        )
    # the topic lexicon: statements about different concepts are less alike than their
    # words say, statements about the same concept more alike
    by_concept: dict[str, list[int]] = defaultdict(list)
    for x in range(len(classes)):
        for concept in set(concepts[first[x]]):
            by_concept[concept].append(x)
    if by_concept:
        shared = np.zeros(scores.shape)  # concepts two statements share
        strong_shared = np.zeros(scores.shape)  # ... of them not weak
        sizes = np.zeros(len(classes))
        has_strong = np.zeros(len(classes), dtype=bool)
        for concept, members in by_concept.items():
            block = np.ix_(members, members)
            shared[block] += 1.0
            sizes[members] += 1.0
            if not lexicon.concepts[concept].weak:
                strong_shared[block] += 1.0
                has_strong[members] = True
        disjoint = has_strong[:, None] & has_strong[None, :] & (strong_shared == 0)
        scores[disjoint] *= DISJOINT_CONCEPTS_FACTOR
        smaller = np.minimum(sizes[:, None], sizes[None, :])
        concept_score = CONCEPT_WEIGHT * (
            0.7 + 0.3 * np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)
        )
        concept_score[strong_shared == 0] *= WEAK_CONCEPT_SHARE
        scores += np.where(shared > 0, concept_score, 0.0)
    if len(classes) < total:
        scores = scores[np.ix_(class_of, class_of)]
    np.fill_diagonal(scores, 0.0)
    return scores


def _weighed_words(f, drop: set[str], usable_of: dict, common, idf, common_senses) -> list:
    """(usable keys, weight, related) for each usable word of a statement with features `f`
    whose source names are `drop`: related is None, or (its senses, their broader senses,
    the weight a meeting of related words gives), the word's own weight less that share.
    `usable_of` remembers what each key set gives in this event."""
    words = []
    for keys, norm, related in zip(f.word_keys, f.word_norms, f.word_related, strict=True):
        known = usable_of.get(keys)
        if known is None:
            usable = keys - common if common else keys
            known = (usable, max((idf[k] for k in usable), default=0.0))
            usable_of[keys] = known
        usable, weight = known
        if not usable or norm in drop:
            continue
        if not usable.isdisjoint(f.names):
            weight *= NAME_BONUS
        elif norm[:1] == "#" and float(norm[1:]) >= MIN_FIGURE:
            weight *= FIGURE_BONUS  # "46" is rarely a coincidence, "two" often
        senses = related.senses - common_senses
        loose = None
        if senses and RELATED_SHARE > 0:
            # an exact meeting gives the whole weight, a meeting of related words a share
            loose = (senses, related.broader - common_senses, weight * RELATED_SHARE)
            weight *= 1.0 - RELATED_SHARE
        words.append((usable, weight, loose))
    return words


def _loose_meetings(found: np.ndarray, loose, postings, with_sense, with_broader, size) -> None:
    """Add to found[x, y] the related-word share of x's words that y has the same, a
    synonym of, a broader or a narrower word for (not two narrower words of one broader:
    "Monday" and "Tuesday" are both days, and differ); x and y are classes of statements
    that say the same, `size` how many statements each has."""
    owned: dict[tuple, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for x, usable, senses, broader, weight in loose:
        owned[(usable, senses, broader)][x] += weight
    for (usable, senses, broader), owners in owned.items():
        holding: set[int] = set()
        for key in usable:
            holding |= postings.get(key, set())
        for sense in senses | broader:
            holding |= with_sense.get(sense, set())
        for sense in senses:
            holding |= with_broader.get(sense, set())
        if len(holding) < 2 and size[next(iter(holding))] < 2:
            continue
        rows = np.fromiter(owners.keys(), dtype=np.intp, count=len(owners))
        row_weights = np.fromiter(owners.values(), dtype=float, count=len(owners))
        columns = np.fromiter(holding, dtype=np.intp, count=len(holding))
        found[np.ix_(rows, columns)] += row_weights[:, None]


def _same_figures(scores: np.ndarray, statements: list[dict], size_a: int) -> None:
    """Two statements of one side giving the same figure ("15.000 deelnemers", "15,000
    people") or clock time repeat one claim: their same-side score becomes 1 (A statements first). A
    figure counts when at most MAX_FIGURE_REPEATS statements of the side give it (its own
    release and a few outlets relaying it)."""
    by_figure: dict[tuple[bool, float | str], list[int]] = defaultdict(list)
    for x, statement in enumerate(statements):
        f = features(statement)
        figures = {q.value for q in f.quantities if q.value >= MIN_FIGURE}
        figures |= {clock for clock, _, _ in f.times}  # "04:10" given twice: one claim too
        for figure in figures:
            by_figure[(x < size_a, figure)].append(x)
    for members in by_figure.values():
        # a figure many statements give ("12", "300") is no signature of one claim
        if 1 < len(members) <= MAX_FIGURE_REPEATS:
            scores[np.ix_(members, members)] = np.maximum(scores[np.ix_(members, members)], 1.0)
            scores[members, members] = 0.0


def _article_keys(statements: list[dict]) -> list:
    """Each statement's article id; a statement of no article is an article of its own."""
    return [
        article if (article := (s.get("article") or {}).get("id")) is not None else ("own", x)
        for x, s in enumerate(statements)
    ]


def _article_repeats(
    scores: np.ndarray, statements: list[dict], article_keys: list
) -> list[tuple[float, int, int]]:
    """(score, x, y) for two of one side's statements in two articles that repeat one
    claim: each is the other's best match in the other's article, scoring at least
    REPEAT_THRESHOLD, and they do not count one thing differently. An article tells a
    claim once, so its best match is the candidate, however few words the two share
    (a press release and a newspaper's paraphrase of it, in two languages).
    `article_keys`: each statement's article (_article_keys)."""
    if not statements:
        return []
    by_article: dict[object, list[int]] = defaultdict(list)
    for x, key in enumerate(article_keys):
        by_article[key].append(x)
    articles = [np.asarray(members) for members in by_article.values()]
    article_of = np.zeros(len(statements), dtype=int)
    for n, members in enumerate(articles):
        article_of[members] = n
    # best[n, x]: x's best match in article n
    best = np.stack([members[scores[:, members].argmax(axis=1)] for members in articles])
    everyone = np.arange(len(statements))
    pairs = []
    for n in range(len(articles)):
        # x of an earlier article, y its best in article n, and x is y's best in x's article
        ys = best[n]
        found = (article_of < n) & (best[article_of, ys] == everyone)
        found &= scores[everyone, ys] >= REPEAT_THRESHOLD
        for x in np.flatnonzero(found):
            y = int(ys[x])
            if not _different_counts(features(statements[x]), features(statements[y])):
                pairs.append((float(scores[x, y]), int(x), y))
    return pairs


def _different_counts(first, second) -> bool:
    """Whether two statements count one thing with far different figures ("900 people",
    "38 people"): one side saying both makes two claims, not one claim twice. Figures
    within ROUNDING of each other are one figure rounded ("ruim 300", "310")."""
    for q in first.quantities:
        same_thing = [r for r in second.quantities if q.things & r.things]
        if same_thing and all(
            max(q.value, r.value) > ROUNDING * max(min(q.value, r.value), 1e-9) for r in same_thing
        ):
            return True
    return False


def _best(scores: np.ndarray) -> dict[int, tuple[float, int]]:
    """Each row's best column where it scores above 0: {row: (score, column)}; a tie goes
    to the first column."""
    if not scores.size:
        return {}
    columns = scores.argmax(axis=1)
    values = scores[np.arange(len(scores)), columns]
    return {int(i): (float(values[i]), int(columns[i])) for i in np.flatnonzero(values > 0.0)}


def _group(
    scores: np.ndarray,
    size_a: int,
    size_b: int,
    inherited_a,
    inherited_b,
    repeats=({}, {}),
    everything: np.ndarray | None = None,
    links: tuple[np.ndarray, float, float] | None = None,
    article_repeats: tuple[list, list] = ([], []),
    article_of: list | None = None,
    differ=None,
    answers: list[tuple[int, int]] = (),
) -> list[_Row]:
    """Rows in two steps. First each side's statements that repeat one claim become a
    cluster: a statement and the one it continues, its closest statement of its own side
    when that is close (SAME_SIDE_THRESHOLD), and `article_repeats` (each side's (score,
    x, y) from _article_repeats), the closest first, never two statements of one article
    in one cluster. Then the two sides' clusters pair one to one, the most likely pair
    first (`links`: the pair model's A x B probabilities, link and mutual thresholds;
    without a model the word scores `scores` rank the pairs), when their closest two
    statements are a link; `answers` (A, B) pairs (replies.py) are rows whatever their
    words. `article_of` gives each statement's article (_article_keys, A
    first); without it every statement is an article of its own."""
    total = size_a + size_b
    parent = list(range(total))  # A statements first, then B statements

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # each cluster's articles, with their side
    article_of = article_of or [("own", x) for x in range(total)]
    articles = {x: {(x < size_a, article_of[x])} for x in range(total)}

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
            articles[min(rx, ry)] = articles.pop(rx) | articles.pop(ry)

    def union_apart(x: int, y: int) -> None:
        """Join two clusters of one side unless an article tells both: it tells a claim once."""
        if not articles[find(x)] & articles[find(y)]:
            union(x, y)

    for i in range(size_a):
        if inherited_a[i]:
            union(i, i - 1)
    for j in range(size_b):
        if inherited_b[j]:
            union(size_a + j, size_a + j - 1)
    # a side that says the same thing twice (its release and a newspaper relaying it)
    candidates = [
        (score, offset + i, offset + j)
        for offset, best in ((0, repeats[0]), (size_a, repeats[1]))
        for i, (score, j) in best.items()
        if score >= SAME_SIDE_THRESHOLD
    ]
    candidates += [
        (score, offset + i, offset + j)
        for offset, pairs in ((0, article_repeats[0]), (size_a, article_repeats[1]))
        for score, i, j in pairs
    ]
    for _, x, y in sorted(candidates, reverse=True):
        union_apart(x, y)

    def linked(i: np.ndarray, j: np.ndarray, mutual: np.ndarray) -> np.ndarray:
        """Whether A statements i and B statements j make their clusters one row: by their
        word score, or by the pair model's probability (`mutual`: the two clusters are
        each other's closest)."""
        score = scores[i, j]
        found = (score >= MATCH_THRESHOLD) | (mutual & (score >= MUTUAL_THRESHOLD))
        if links is not None:
            probabilities, link, mutual_link = links
            chance = probabilities[i, j]
            found |= (chance >= link) | (mutual & (chance >= mutual_link))
        return found

    ranking = links[0] if links is not None else scores
    clusters = [find(x) for x in range(total)]
    for i, j in _cluster_links(ranking, clusters, size_a, linked):
        union(i, size_a + j)
    # "The company denied this": a statement that answers the other side's statement
    # right before it in its article is in that statement's row
    for i, j in answers:
        union(i, size_a + j)
    # a statement that found no match on the other side joins the one of its own side it
    # repeats, if that is closer than anything the other side says
    cross_best = list(scores.max(axis=1, initial=0.0)) + list(scores.max(axis=0, initial=0.0))
    alone = Counter(find(x) for x in range(total))
    for offset, best in ((0, repeats[0]), (size_a, repeats[1])):
        for i, (score, j) in best.items():
            x = offset + i
            if alone[find(x)] == 1 and score >= SAME_SIDE_JOIN and score > cross_best[x]:
                union_apart(x, offset + j)
    members: dict[int, list[int]] = defaultdict(list)
    for x in range(total):
        members[find(x)].append(x)
    groups = _merge_close_groups(list(members.values()), scores, size_a)
    if everything is not None:
        groups = _attach_alone(groups, everything, size_a, differ)
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


def _cluster_links(
    ranking: np.ndarray, clusters: list[int], size_a: int, linked
) -> list[tuple[int, int]]:
    """(A statement, B statement) links between clusters, one to one: the pairs of an A
    and a B cluster are taken best first, each by its closest two statements by `ranking`
    (A x B; `clusters`: each statement's cluster, A statements first), where
    `linked(i, j, mutual)` (arrays) says they link (`mutual`: each cluster is the other's
    closest). A linked cluster is not taken again."""
    size_b = ranking.shape[1]
    if not size_a or not size_b:
        return []
    _, cluster_a = np.unique(clusters[:size_a], return_inverse=True)
    _, cluster_b = np.unique(clusters[size_a:], return_inverse=True)
    count_b = int(cluster_b.max()) + 1
    shape = (int(cluster_a.max()) + 1, count_b)
    flat = ranking.ravel()
    keys = (cluster_a[:, None] * count_b + cluster_b[None, :]).ravel()
    # per pair of clusters, the position in `flat` of its closest two statements
    order = np.lexsort((-flat, keys))
    firsts = order[np.r_[True, keys[order][1:] != keys[order][:-1]]]
    strength = np.full(shape[0] * shape[1], -np.inf)
    strength[keys[firsts]] = flat[firsts]
    closest = np.zeros(shape[0] * shape[1], dtype=int)
    closest[keys[firsts]] = firsts
    best_of_a = strength.reshape(shape).argmax(axis=1)
    best_of_b = strength.reshape(shape).argmax(axis=0)
    pairs = np.flatnonzero(strength > 0)
    g, h = np.divmod(pairs, count_b)
    i, j = np.divmod(closest[pairs], size_b)
    usable = linked(i, j, (best_of_a[g] == h) & (best_of_b[h] == g))
    taken_a, taken_b = set(), set()
    found = []
    for n in np.flatnonzero(usable)[np.argsort(-strength[pairs[usable]], kind="stable")]:
        if g[n] in taken_a or h[n] in taken_b:
            continue
        found.append((int(i[n]), int(j[n])))
        taken_a.add(g[n])
        taken_b.add(h[n])
    return found


def _attach_alone(
    groups: list[list[int]], scores: np.ndarray, size_a: int, differ=None
) -> list[list[int]]:
    """A statement left alone joins the two-sided group it matches best on average, both
    sides' statements counted (`scores` is the square matrix of all statements), when
    that average reaches ALONE_JOIN: what it shares with the other side's account is
    backed by what it shares with its own side's words for the same claim. Not a group
    where a statement of its side counts a thing it counts differently (`differ(x, y)`):
    then the next best."""
    two_sided = [
        n
        for n, group in enumerate(groups)
        if any(x < size_a for x in group) and any(x >= size_a for x in group)
    ]
    if not two_sided:
        return groups
    joined: dict[int, list[int]] = defaultdict(list)
    kept = []
    for n, group in enumerate(groups):
        if len(group) != 1:
            kept.append(n)
            continue
        x = group[0]
        averages = np.array([float(scores[x, groups[m]].mean()) for m in two_sided])
        for best in np.argsort(-averages, kind="stable"):
            if averages[best] < ALONE_JOIN:
                kept.append(n)
                break
            # a side does not count one thing two ways in one row
            if differ and any(
                (x < size_a) == (y < size_a) and differ(x, y) for y in groups[two_sided[best]]
            ):
                continue
            joined[two_sided[best]].append(x)
            break
        else:
            kept.append(n)
    return [groups[n] + joined.get(n, []) for n in kept]


def _merge_close_groups(
    groups: list[list[int]], scores: np.ndarray, size_a: int
) -> list[list[int]]:
    """Merge two-sided groups whose statements match each other well on average (the five
    Kremlin sentences on cybercrime and the three White House ones make one row even where
    each sentence's single best match splits them). Groups keep their order; a merged
    group stands where the first of the two stood."""
    # only groups with statements of both sides can merge; the others stay as they are
    two_sided = [
        n
        for n, group in enumerate(groups)
        if any(x < size_a for x in group) and any(x >= size_a for x in group)
    ]
    count = len(two_sided)
    if count < 2:
        return groups
    group_a = np.full(size_a, -1)
    group_b = np.full(scores.shape[1], -1)
    for n, position in enumerate(two_sided):
        for x in groups[position]:
            if x < size_a:
                group_a[x] = n
            else:
                group_b[x - size_a] = n
    rows, columns = np.flatnonzero(group_a >= 0), np.flatnonzero(group_b >= 0)
    # between[g, h]: the scores of g's A statements with h's B statements and the reverse
    cells = group_a[rows][:, None] * count + group_b[columns][None, :]
    towards = np.bincount(
        cells.ravel(), weights=scores[np.ix_(rows, columns)].ravel(), minlength=count * count
    ).reshape(count, count)
    between = towards + towards.T
    np.fill_diagonal(between, 0.0)
    sides_a = np.bincount(group_a[rows], minlength=count).astype(float)
    sides_b = np.bincount(group_b[columns], minlength=count).astype(float)
    alive = np.ones(count, dtype=bool)
    members = dict(enumerate(groups))
    upper = np.triu(np.ones((count, count), dtype=bool), 1)  # each two groups once
    while True:
        pairs = sides_a[:, None] * sides_b[None, :] + sides_a[None, :] * sides_b[:, None]
        usable = alive[:, None] & alive[None, :] & upper
        average = np.where(usable, between / np.where(pairs > 0, pairs, 1.0), 0.0)
        g, h = np.unravel_index(int(average.argmax()), average.shape)
        if average[g, h] < MERGE_THRESHOLD:
            return [members[n] for n in sorted(members)]
        members[two_sided[g]] = members[two_sided[g]] + members.pop(two_sided[h])
        sides_a[g] += sides_a[h]
        sides_b[g] += sides_b[h]
        alive[h] = False
        between[g, :] += between[h, :]
        between[:, g] += between[:, h]
        between[h, :] = between[:, h] = 0.0
        between[g, g] = 0.0


def _conflicts(side_a, a: list[dict], side_b, b: list[dict], stance: StanceLexicon):
    """Reasons, finding kinds and marks (spans per statement) for one row."""
    marks_a: list[list[tuple[int, int]]] = [[] for _ in a]
    marks_b: list[list[tuple[int, int]]] = [[] for _ in b]
    reasons: list[str] = []
    kinds: list[str] = []
    if not a or not b:
        return reasons, kinds, marks_a, marks_b
    full: set[str] = set()  # kinds that have all the reasons a row shows
    profiles_a = [conflict_profile(s) for s in a]
    profiles_b = [conflict_profile(s) for s in b]
    # every kind some pair of the row could show: when all have their reasons, stop
    in_row = possible_kinds(_union_profile(profiles_a), _union_profile(profiles_b))
    # a pair of texts already checked (a release and the outlets relaying it) finds only
    # reasons the row has: it is not checked again
    said_a, said_b = [_said(s) for s in a], [_said(s) for s in b]
    checked: set[tuple] = set()
    for x, y in _conflict_candidates(profiles_a, profiles_b):
        if not in_row - full:
            break
        if (said_a[x], said_b[y]) in checked:
            continue
        checked.add((said_a[x], said_b[y]))
        if not possible_kinds(profiles_a[x], profiles_b[y]) - full:
            continue
        statement_a, statement_b = a[x], b[y]
        for finding in pair_findings(side_a, statement_a, side_b, statement_b, full):
            if finding.reason in reasons:
                continue
            reasons.append(finding.reason)
            kinds.append(finding.kind)
            marks_a[x].extend(finding.marks_a)
            marks_b[y].extend(finding.marks_b)
            if kinds.count(finding.kind) >= (
                MAX_NUMBER_REASONS if finding.kind == "numbers" else 1
            ):
                full.add(finding.kind)
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
    # a denial no other check names: "The firm rejected that" answers the row's claim
    answer = answer_in_row(a, b) if not reasons else None
    if answer is not None:
        side, x, (start, end) = answer
        statement = (a, b)[side == "b"][x]
        answerer, answered = (side_a, side_b) if side == "a" else (side_b, side_a)
        reasons.append(f"denial: {answerer} answers {answered}: “{statement['text'][start:end]}”")
        kinds.append("denial")
        (marks_a, marks_b)[side == "b"][x].append((start, end))
    return (
        reasons,
        kinds,
        [sorted(set(m)) for m in marks_a],
        [sorted(set(m)) for m in marks_b],
    )


def _said(statement: dict) -> tuple:
    """What the conflict checks read of a statement: its text, language and article date."""
    return (
        statement["text"],
        statement.get("language"),
        (statement.get("article") or {}).get("date"),
    )


def _conflict_candidates(profiles_a: list, profiles_b: list) -> Iterator[tuple[int, int]]:
    """The (x, y) pairs of a row worth checking for a conflict, in order: both count the
    same thing, one negates what the other says, or both have a time, a day, a blamed
    party, an order of events or a stance word (the checks of conflicts.pair_findings
    need one of these, so no finding is lost; a large row is not checked pair by pair)."""
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
        for y in sorted(ys):
            yield x, y


def _union_profile(profiles: list[ConflictProfile]) -> ConflictProfile:
    """One profile with every flag, count and negation of `profiles` (keys left out)."""
    return ConflictProfile(
        frozenset(),
        frozenset(),
        frozenset(),
        frozenset().union(*(p.flags for p in profiles)),
        any(p.counts for p in profiles),
        any(p.negates for p in profiles),
    )


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
        words: list[str] = []
        seen: set[str] = set()
        for i in row.a:
            f = features(statements_a[i])
            text = statements_a[i]["text"]
            for keys, (start, end) in zip(f.word_keys, f.word_spans, strict=True):
                word = text[start:end]  # empty for a number's count keys: no word
                if word and word.lower() not in seen and not keys.isdisjoint(keys_b):
                    words.append(word)
                    seen.add(word.lower())
            if len(words) >= 3:
                break
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
