"""Which speaker names name a party: the check made before a name becomes a source.

The engine gives every attribution a speaker name. Most are names ("Joe
Biden", "het Kremlin"); some are not: a pronoun it could not resolve ("you"),
a number ("10", "1,200 Clinton emails"), a date ("2006", "Monday"), an
interjection or transcript label ("Thanks", "Q", "OPERATOR"), markup
(`< tweet id=...`), a headline in capitals, a title without a name ("US
President") or a description ("analysis", "city officials"). Such a name
never becomes a source: the attribution keeps it as an *unresolved speaker*
with the reason `unresolved_reason` gives.

The word lists are plain text a linguist can edit, one entry per line, per
language, in `claimtrack/data/not_sources/<lang>/` (see the README there).
The engine's own lists of role nouns, organisation words and group words
(`claimtrack/engine/lang/data/<lang>/`) are read as they are.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

LANGUAGES = ("en", "nl")

# reason -> what the pages say about the speaker
REASONS = {
    "unknown": "no speaker named",
    "markup": "markup, not a name",
    "number": "a number, not a name",
    "date": "a date or time, not a name",
    "pronoun": "a pronoun that was not resolved",
    "interjection": "an interjection or transcript label",
    "headline": "a headline word in capitals",
    "role": "a title or function without a name",
    "description": "a description, not a name",
    "fragment": "a fragment, not a name",
    "dropped": "dropped by an editor as no party",
}

UNKNOWN_NAMES = frozenset({"unknown", "unidentified", "onbekend"})
_MARKUP = re.compile(r"[<>{}\[\]=|\\]|https?:|www\.|\btweet id\b|@\w|#\w|&[a-z]+;", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W_][\w'’.&-]*", re.UNICODE)
_NUMERIC = re.compile(r"[\d][\d.,:/%-]*\w{0,2}")  # 10, 1,200, 2006, 5th, 10:30, 3%
_YEAR = re.compile(r"1[6-9]\d\d|20\d\d|\d\d(?:s|'s)")
_PREPOSITIONS = frozenset({"of", "for", "van", "voor", "on", "op"})


def _read_words(path) -> frozenset[str]:
    try:
        text = path.read_text("utf-8")
    except (FileNotFoundError, OSError):
        return frozenset()
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def not_source_words(language: str, kind: str) -> frozenset[str]:
    """The entries of claimtrack/data/not_sources/<language>/<kind>.txt (lower case unless
    the list is written as-is, like acronyms)."""
    words = _read_words(
        resources.files("claimtrack").joinpath(f"data/not_sources/{language}/{kind}.txt")
    )
    return words if kind == "acronyms" else frozenset(w.lower() for w in words)


@cache
def engine_words(language: str, kind: str) -> frozenset[str]:
    """An engine word list (read only; claimtrack/engine/lang/data/<language>/<kind>.txt)."""
    path = resources.files("claimtrack").joinpath(f"engine/lang/data/{language}/{kind}.txt")
    return frozenset(w.lower().rstrip(".") for w in _read_words(path))


@cache
def _lists(language: str | None) -> dict[str, frozenset[str]]:
    languages = (language,) if language in LANGUAGES else LANGUAGES
    from claimtrack.store.sources import title_words

    def union(kind: str, reader=not_source_words) -> frozenset[str]:
        return frozenset().union(*(reader(lang, kind) for lang in languages))

    organisations = frozenset(
        w.lower() for w in union("organization_words", engine_words) | union("acronyms")
    )
    roles = (union("role_nouns", engine_words) | title_words()) - organisations
    return {
        "pronouns": union("pronouns"),
        "interjections": union("interjections"),
        "dates": union("dates"),
        "suffixes": union("name_suffixes"),
        "numbers": union("numbers"),
        "function": union("function_words"),
        "acronyms": union("acronyms"),
        "organisations": organisations,
        "party_nouns": union("party_nouns"),
        "roles": frozenset(w.rstrip(".") for w in roles),
        "groups": union("group_words", engine_words),
    }


def name_word_lists(language: str | None = None) -> dict[str, frozenset[str]]:
    """The word lists names are judged by (for `language`, or both languages when None):
    pronouns, dates, roles, organisations, groups, function words, name suffixes, …"""
    return _lists(language)


def _bare(token: str) -> str:
    return token.lower().replace("’", "'").strip(".'-")


def _is_number(token: str, numbers: frozenset[str]) -> bool:
    return bool(_NUMERIC.fullmatch(token)) or _bare(token) in numbers


def _has_capital(token: str) -> bool:
    return any(ch.isupper() for ch in token)


def _all_caps(token: str) -> bool:
    letters = [ch for ch in token if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _pronoun(token: str, pronouns: frozenset[str]) -> bool:
    bare = _bare(token)
    if bare not in pronouns:
        return False
    # "US" is the country, "IT" a department: a pronoun in capitals is an acronym
    return not (len(bare) > 1 and _all_caps(token))


def unresolved_reason(
    name: str | None,
    language: str | None = None,
    *,
    starts_sentence: bool = False,
    body: str | None = None,
) -> str | None:
    """Why `name` cannot be a source (a key of REASONS), or None when it reads as a name.

    Curated names are not judged here: the caller looks those up first.
    `starts_sentence` says the mention opens its sentence, where a capital
    tells nothing: a lone word there that is a common word of the language
    ("Research", "Little") and is not written with a capital in the middle
    of a sentence anywhere in `body` is a description, not a name.
    """
    text = " ".join((name or "").split())
    if not text or text.lower() in UNKNOWN_NAMES:
        return "unknown"
    if _MARKUP.search(text):
        return "markup"
    tokens = _TOKEN.findall(text)
    if not tokens or not any(ch.isalpha() for ch in text):
        if _YEAR.fullmatch(text.strip()):
            return "date"
        return "number" if any(ch.isdigit() for ch in text) else "fragment"
    words = _lists(language)
    bare = [_bare(t) for t in tokens]
    # dates first: "May", "2006", "5 januari" (a lone year is a date, not a count)
    if all(_is_number(t, words["numbers"]) or b in words["dates"] for t, b in zip(tokens, bare)):
        if any(b in words["dates"] or _YEAR.fullmatch(t) for t, b in zip(tokens, bare)):
            return "date"
        return "number"
    if _is_number(tokens[0], words["numbers"]) and not _has_capital(tokens[0]):
        return "number"  # "1,200 Clinton emails", "two officials"
    if all(_pronoun(t, words["pronouns"]) for t in tokens):
        return "pronoun"
    if all(b in words["interjections"] for b in bare):
        return "interjection"
    if all(b in words["suffixes"] for b in bare):
        return "fragment"  # "Jr."
    # what is left once determiners, quantifiers and stray clause words are set aside
    rest = list(tokens)
    while rest and _bare(rest[0]) in words["function"] and not _all_caps(rest[0]):
        rest.pop(0)
    if not rest:
        return "pronoun" if any(_pronoun(t, words["pronouns"]) for t in tokens) else "fragment"
    rest_bare = [_bare(t) for t in rest]
    if all(_pronoun(t, words["pronouns"]) for t in rest):
        return "pronoun"
    if len(rest) == 1 and len(rest_bare[0]) == 1 and rest_bare[0] != "i":
        return "fragment"
    if len(rest) == 1 and rest[0].endswith(".") and len(rest_bare[0]) <= 5:
        return "fragment"  # "Calif.", "Pa.": an abbreviation left from "(D-Calif.)"
    if _headline(rest, words):
        titled = words["roles"] | words["function"] | words["organisations"]
        if any(b in words["roles"] for b in rest_bare) and all(b in titled for b in rest_bare):
            return "role"  # "SENIOR ADMINISTRATION OFFICIAL": a transcript's speaker by title
        return "headline"
    if any(_pronoun(t, words["pronouns"]) and not _has_capital(t) for t in rest[1:]):
        return "pronoun"  # "electorate he": a parse that ran past the name
    if _role_only(rest, rest_bare, words):
        return "role"
    # the head: the last word before "of"/"van" ("shooting of police" is a shooting)
    cut = next((i for i, b in enumerate(rest_bare) if b in _PREPOSITIONS and i > 0), len(rest))
    head, head_bare = rest[cut - 1], rest_bare[cut - 1]
    if not _has_capital(head):
        if head_bare in words["party_nouns"] and cut == len(rest):
            return None  # "de politie", "the government": an institution acting as one
        return "description"  # "analysis", "city officials", "a spokesman"
    if len(rest) == 1 and head_bare in words["groups"]:
        return "description"  # "Teachers", "Critics"
    if (
        starts_sentence
        and len(rest) == 1
        and rest[0] is tokens[0]
        and not _all_caps(head)
        and _common_word(head_bare, language)
        and not _written_as_name(head, body)
    ):
        return "description"  # "Research shows …": a common word opening the sentence
    return None


@cache
def common_words(language: str) -> frozenset[str]:
    """Ordinary words of a language, from the Dutch-English dictionary
    (claimtrack/data/nl_en_dictionary.tsv): its Dutch headwords, its English translations."""
    path = resources.files("claimtrack").joinpath("data/nl_en_dictionary.tsv")
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError:
        return frozenset()
    found: set[str] = set()
    for line in lines:
        if line.startswith("#") or "\t" not in line:
            continue
        dutch, english = line.split("\t", 1)
        if language == "nl":
            found.add(dutch.lower())
        else:
            found.update(word.lower() for word in english.split("|") if " " not in word)
    return frozenset(found)


def common_word(word: str, language: str | None = None) -> bool:
    """Whether `word` (lower case) or its singular is an ordinary word of `language`
    (of either language when None), by the Dutch-English dictionary."""
    return _common_word(word, language)


@cache
def _common_words_of(language: str | None) -> frozenset[str]:
    languages = (language,) if language in LANGUAGES else LANGUAGES
    return frozenset().union(*(common_words(lang) for lang in languages))


def _common_word(word: str, language: str | None) -> bool:
    words = _common_words_of(language if language in LANGUAGES else None)
    if word in words:
        return True
    # plurals: "companies" -> company, "candidates" -> candidate, "analisten" -> analist
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("en", ""), ("'s", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + replacement in words:
            return True
    return False


def written_as_name(word: str, body: str | None) -> bool:
    """Whether `body` writes `word` with its capital after another word of a sentence."""
    return _written_as_name(word, body)


def _written_as_name(word: str, body: str | None) -> bool:
    """Whether `body` has `word` with its capital after another word of the same sentence."""
    if not body:
        return False
    return bool(re.search(r"[\w,;]\s+" + re.escape(word) + r"\b", body))


def _headline(tokens: list[str], words: dict[str, frozenset[str]]) -> bool:
    """Words in capitals: a headline ("HAMPSHIRE SHOWS STRONG TRUMP LEAD", "KILLED"),
    not an acronym ("NATO", "VVD", "UNICEF")."""
    lettered = [t for t in tokens if any(ch.isalpha() for ch in t)]
    if not lettered or not all(_all_caps(t) for t in lettered):
        return False
    long_words = [t for t in lettered if sum(ch.isalpha() for ch in t) >= 4]
    if len(lettered) >= 2:
        return len(long_words) >= 2
    word = lettered[0]
    return sum(ch.isalpha() for ch in word) >= 6 and word not in words["acronyms"]


def _role_only(tokens: list[str], bare: list[str], words: dict[str, frozenset[str]]) -> bool:
    """A title or function without a name: "US President", "de Amerikaanse president",
    "Secretary of State", "minister van Justitie"."""
    cut = next((i for i, b in enumerate(bare) if b in _PREPOSITIONS and i > 0), len(bare))
    before = list(zip(tokens[:cut], bare[:cut]))
    if not before or not any(b in words["roles"] for _, b in before):
        return False
    if before[-1][1] not in words["roles"]:
        return False  # "President Biden": a name follows the title
    for token, word in before:
        if word in words["roles"] or word in words["function"]:
            continue
        if _place_adjective(token):
            continue
        return False
    return True


_PLACE_ADJECTIVE = re.compile(
    r"(?:[A-Z]\.?){2,3}|[A-Z][a-z]+(?:an|ian|ese|ish|ch|ic|i|se|sche|ische|ans)"
)


def _place_adjective(token: str) -> bool:
    """ "US", "U.S.", "Russian", "Chinese", "Dutch", "Amerikaanse", "Russische"."""
    return bool(_PLACE_ADJECTIVE.fullmatch(token.rstrip(".") if token.count(".") == 1 else token))


def without_clause_words(name: str, language: str | None = None) -> str:
    """The name without words a parse left in front of it ("While Clinton" -> "Clinton",
    "If Mr. Rubio" -> "Mr. Rubio", "Neither Hillary Clinton" -> "Hillary Clinton").

    Articles stay ("The Hague", "De Telegraaf"); nothing is dropped unless a
    capitalised word follows.
    """
    words = name.split()
    from claimtrack.store.sources import LEADING_ARTICLES

    lists = _lists(language)
    # articles and possessives may open a name ("The Hague", "Our Lady"): they stay
    function = lists["function"] - lists["pronouns"] - set(LEADING_ARTICLES)
    position = 0
    while (
        position < len(words) - 1
        and _bare(words[position]) in function
        and words[position + 1][:1].isupper()
    ):
        position += 1
    return " ".join(words[position:]) if position else name


def describe(reason: str | None) -> str | None:
    """What a page says about an unresolved speaker with this reason."""
    if reason is None:
        return None
    return REASONS.get(reason, reason)
