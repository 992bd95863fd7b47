"""The Dutch-English word list (claimtrack/data/nl_en_dictionary.tsv, FreeDict, GPL-2+),
with claimtrack's own supplement (claimtrack/data/nl_en_supplement.tsv: everyday news
words FreeDict lacks, "leerling" -> pupil, or gives without their news sense, "bewoner" ->
resident), whose translations are added to a word's FreeDict ones; it writes each English
word whole, so none of its translations is read as two joined words (below).

A Dutch statement and an English one meet on English word keys: an English
word is its own stem, a Dutch word is the stems of its dictionary
translations. Dutch words are looked up as written, then without their
inflection ("stakingen" -> staking, "gewonden" -> gewond, "geraakt" ->
raken, "dreigden" -> dreigen, "kinderen" -> kind) and, for compounds, by their parts ("accubranden" ->
accu + brand: battery, fire). The word list writes a translation of two English words
as one ("firstaid"); such a translation also gives its two words' keys (first, aid).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from claimtrack.compare.lexicon import DATA_DIR
from claimtrack.compare.text import english_key, fold
from claimtrack.engine.translations import word_list

DICTIONARY_FILE = DATA_DIR / "nl_en_dictionary.tsv"
SUPPLEMENT_FILE = DATA_DIR / "nl_en_supplement.tsv"
_NL_SUFFIXES = ("'s", "en", "s", "e", "n", "de", "te", "den", "ten", "heden")
_OLD_PLURAL = "eren"  # a plural of a few neuter nouns, read where no other ending fits
_PAST_SUFFIXES = ("de", "te", "den", "ten")  # a weak verb's past tense
_MIN_PART = 4  # shortest first part of a compound
_MIN_HEAD = 5  # shortest last part of a compound looked up on its own
_LINKS = ("", "s", "e", "en")
_MIN_JOINED = 3  # shortest English word a joined translation ("firstaid") is split into
_JOINED_MAX = 2  # a translation given for more Dutch words than this is one word
_PART_MIN = 3  # ... and a part of a split one is given for at least this many  # linking sounds between compound parts ("fabrieks-brand")


class Dictionary:
    """Dutch word -> English translations."""

    def __init__(
        self, entries: dict[str, tuple[str, ...]], whole: frozenset[str] = frozenset()
    ) -> None:
        self.entries = entries
        # English words written whole by hand (the supplement's), never split as joined
        self.whole = whole
        # how many Dutch words each English translation is given for (a plain dict, which
        # the garbage collector's full passes leave out once they see it holds only strings)
        self.english_counts = dict(
            Counter(e for translations in entries.values() for e in translations)
        )

    @classmethod
    def load(cls, path=DICTIONARY_FILE, supplement=SUPPLEMENT_FILE) -> Dictionary:
        """The word list at `path`, then claimtrack's own `supplement` (None: none), whose
        translations follow a word's FreeDict ones or make a new entry."""
        entries: dict[str, tuple[str, ...]] = {}
        whole: set[str] = set()
        for source in (path, supplement):
            if source is None:
                continue
            for dutch, english in word_list(source):
                # words are looked up as tokens are compared: folded ("patiënt" -> patient)
                key = fold(dutch)
                translations = tuple(fold(e) for e in english)
                entries[key] = tuple(dict.fromkeys(entries.get(key, ()) + translations))
                if source is supplement:
                    whole.update(translations)
        return cls(entries, frozenset(whole))

    def lemmas(self, word: str) -> list[str]:
        """Dictionary headwords a folded Dutch word can be a form of (may be empty)."""
        found = [word] if word in self.entries else []
        for suffix in _NL_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                verbs = self._verb(word[: -len(suffix)]) if suffix in _PAST_SUFFIXES else []
                # a past tense is the verb's: "dreigden" -> dreigen, and "duurde" is a form
                # of duren (last), not of duur (expensive), which "-de" never inflects
                found += verbs or self._bases(word[: -len(suffix)])
        if not found and word.endswith(_OLD_PLURAL) and len(word) - len(_OLD_PLURAL) >= 3:
            found += self._bases(word[: -len(_OLD_PLURAL)])  # "kinderen" -> kind, "liederen"
        if word.startswith("ge") and len(word) > 5 and word[-1] in "dt":
            found += self._verb(word[2:-1])  # a past participle: "geraakt" -> raken
            found += self._verb(word[2:])  # ... of a stem ending in d or t: "gemeld" -> melden
        if word[-1:] in "dt" and len(word) > 4:
            found += self._verb(word[:-1])  # "schiet" -> schieten
        at = word.find("ge", 2)
        if at > 0 and len(word) > 7:
            # a separable verb's participle: "vrijgekomen" -> vrijkomen, "opgestapt" -> opstappen
            joined = word[:at] + word[at + 2 :]
            if joined.endswith("en") and joined in self.entries:
                found.append(joined)
            elif joined[-1] in "dt":
                found += self._verb(joined[:-1])
        return list(dict.fromkeys(found))

    def _bases(self, base: str) -> list[str]:
        candidates = [base]
        if base[-1:] == base[-2:-1]:
            candidates.append(base[:-1])  # "stakk" -> stak, "bommen" -> bom
        if len(base) >= 3 and base[-2] in "aeou" and base[-3] not in "aeiou":
            candidates.append(base[:-1] + base[-2] + base[-1])  # "zaken" -> zaak
        return [c for c in candidates if c in self.entries]

    def _verb(self, stem_: str) -> list[str]:
        candidates = [stem_ + "en"]
        if len(stem_) >= 3 and stem_[-2] == stem_[-3] and stem_[-2] in "aeou":
            candidates.append(stem_[:-2] + stem_[-1] + "en")  # "raak" -> raken
        else:
            candidates.append(stem_ + stem_[-1:] + "en")  # "stop" -> stoppen
        return [c for c in candidates if c in self.entries]

    def lemma(self, word: str) -> str | None:
        """The first headword `word` can be a form of, or None."""
        found = self.lemmas(word)
        return found[0] if found else None

    def english_keys(self, word: str) -> frozenset[str]:
        """English stems a folded Dutch word translates to (empty when unknown); a compound
        the list lacks gives those of its last part ("fabrieksbrand" -> fire)."""
        return _english_keys(self, word)

    def english_words(self, word: str) -> tuple[str, ...]:
        """The English words (folded) whose stems english_keys gives, in the list's order."""
        return _english_words(self, word)

    def modifier_keys(self, word: str) -> frozenset[str]:
        """English stems of the first part of a compound the list lacks ("accubranden" ->
        battery), empty for any other word."""
        return _modifier_keys(self, word)

    def compound_parts(self, word: str) -> tuple[str, str] | None:
        """A folded Dutch word as two known words as written, its linking sound kept with
        the first ("ambulancevoorziening" -> ambulance, voorziening; "gezondheidsdienst" ->
        gezondheids, dienst), also where the list knows the word whole; None if it is no
        such compound."""
        return _compound_parts(self, word)

    def part_keys(self, part: str) -> frozenset[str]:
        """English stems of a compound's first part as written, its linking sound dropped
        ("gezondheids" -> health)."""
        return _keys_of(self, _modifier_lemmas(self, part))

    def split_english(self, english: str) -> tuple[str, ...]:
        """A translation written as two joined English words ("firstaid") as those two
        words; any other translation as itself. A joined translation is rare in the list,
        its two words are common ("announce" stays whole, "fir" + "staid" is no split); a
        word the supplement gives is always whole ("deadline" is no "dead" + "line")."""
        counts = self.english_counts
        if (
            counts.get(english, 0) > _JOINED_MAX
            or len(english) < 2 * _MIN_JOINED
            or english in self.whole
        ):
            return (english,)
        best, best_count = (english,), _PART_MIN - 1
        for cut in range(_MIN_JOINED, len(english) - _MIN_JOINED + 1):
            first, second = english[:cut], english[cut:]
            count = min(counts.get(first, 0), counts.get(second, 0))
            if count > best_count:
                best, best_count = (first, second), count
        return best


def _modifier_lemmas(dictionary: Dictionary, modifier: str) -> list[str]:
    """The headwords a compound's first part stands for, a linking sound dropped
    ("veiligheids" -> veiligheid)."""
    return [
        lemma
        for link in _LINKS
        if modifier.endswith(link)
        for lemma in dictionary.lemmas(modifier[: len(modifier) - len(link)])
    ]


def _compound(dictionary: Dictionary, word: str) -> tuple[list[str], list[str]]:
    """(modifier lemmas, head lemmas) of a compound of known words, or two empty lists."""
    parts = _compound_parts(dictionary, word)
    if parts is None:
        return [], []
    return _modifier_lemmas(dictionary, parts[0]), dictionary.lemmas(parts[1])


@lru_cache(maxsize=65536)
def _compound_parts(dictionary: Dictionary, word: str) -> tuple[str, str] | None:
    for cut in range(_MIN_PART, len(word) - _MIN_HEAD + 1):
        if _modifier_lemmas(dictionary, word[:cut]) and dictionary.lemmas(word[cut:]):
            return word[:cut], word[cut:]
    return None


def _known_modifier(dictionary: Dictionary, word: str) -> tuple[list[str], str]:
    """(modifier lemmas, the rest) of a compound whose first part is a known word and whose
    last part the list lacks ("beveiligingsaudit" -> beveiliging, "audit"): the longest
    known first part, or ([], "")."""
    for cut in range(len(word) - _MIN_HEAD, _MIN_PART - 1, -1):
        modifiers = _modifier_lemmas(dictionary, word[:cut])
        if modifiers:
            return modifiers, word[cut:]
    return [], ""


def _words_of(dictionary: Dictionary, lemmas: list[str]) -> tuple[str, ...]:
    """The English words the headwords `lemmas` translate to, a hyphenated or joined
    translation as its parts too ("firstaid": first, aid)."""
    words = []
    for lemma in lemmas:
        for english in dictionary.entries[lemma]:
            for part in english.split("-"):
                if len(part) < 3:
                    continue
                words.append(part)
                for piece in dictionary.split_english(part):
                    if len(piece) >= 3 and piece != part:
                        words.append(piece)
    return tuple(dict.fromkeys(words))


def _keys_of(dictionary: Dictionary, lemmas: list[str]) -> frozenset[str]:
    return frozenset(english_key(word) for word in _words_of(dictionary, lemmas))


@lru_cache(maxsize=65536)
def _english_words(dictionary: Dictionary, word: str) -> tuple[str, ...]:
    lemmas = dictionary.lemmas(word)
    if not lemmas:
        lemmas = _compound(dictionary, word)[1]
    if not lemmas:
        # a compound of a known word and one the list lacks: the last part is most often
        # the English word's cousin ("veiligheidsaudit": audit)
        head = _known_modifier(dictionary, word)[1]
        return (head,) if head else ()
    return _words_of(dictionary, lemmas)


@lru_cache(maxsize=65536)
def _english_keys(dictionary: Dictionary, word: str) -> frozenset[str]:
    return frozenset(english_key(english) for english in _english_words(dictionary, word))


@lru_cache(maxsize=65536)
def _modifier_keys(dictionary: Dictionary, word: str) -> frozenset[str]:
    if dictionary.lemmas(word):
        return frozenset()
    modifiers, heads = _compound(dictionary, word)
    if not heads:
        modifiers = _known_modifier(dictionary, word)[0]
    elif word.endswith(("d", "t", "en")) and "ge" in word[4:-2]:
        # a separable verb's participle ("opengesteld"): one verb, not "open" + "put"
        return frozenset()
    return _keys_of(dictionary, modifiers)


@lru_cache(maxsize=1)
def default_dictionary() -> Dictionary:
    """The shipped Dutch-English word list (loaded once per process)."""
    return Dictionary.load()
