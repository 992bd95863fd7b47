"""The ``claimtrack_verb_lemmas`` pipeline component: paradigm lemmas of frequent verbs.

The trained lemmatizer gets irregular and reporting verbs wrong often enough to matter
for attribution (``zei`` -> ``zeggen``, ``liet`` -> ``laten``, ``said`` -> ``say``). This
component overwrites the lemma of every form listed in a paradigm table, unless the
tagger says the word is clearly no verb (Dutch ``zijn`` as a possessive, ``vroeg`` as an
adjective): one dictionary lookup per word.

The tables are edited in ``configs/spacy/verb_lemmas_<lang>.json`` (``{lemma: [forms]}``);
packaging a pipeline copies the table into the component's folder of the shipped model
(``claimtrack/models/<lang>/verb_lemmas/paradigms.json``), which is what is read at load.
Where a form is listed under two lemmas, the later lemma wins.

The component replaces an ``attribute_ruler`` with one pattern per lemma
(``LOWER IN forms`` and ``POS NOT_IN`` the tags below), which gave the same lemmas at
about ten times the cost.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from spacy.attrs import LOWER, POS
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

FACTORY = "claimtrack_verb_lemmas"
PARADIGMS_FILE = "paradigms.json"
# a form tagged as one of these is no verb: its lemma is left to the lemmatizer
NOT_VERB = ("NOUN", "PROPN", "ADJ", "ADV", "DET", "PRON", "ADP", "NUM", "PUNCT", "SCONJ", "CCONJ")


class VerbLemmas:
    """Set the paradigm lemma of every listed verb form not tagged as another part of speech."""

    def __init__(
        self,
        nlp: Language,
        name: str = "verb_lemmas",
        not_verb: Iterable[str] = NOT_VERB,
        scorer: Callable | None = None,
    ):
        self.name = name
        self.scorer = scorer
        self.vocab = nlp.vocab
        self.not_verb = tuple(not_verb)
        self._not_verb_ids = frozenset(self.vocab.strings.add(tag) for tag in self.not_verb)
        self.paradigms: dict[str, list[str]] = {}
        self._lemma_of: dict[int, int] = {}  # LOWER hash of a form -> lemma hash

    def set_paradigms(self, paradigms: dict[str, list[str]]) -> None:
        """Use `paradigms` ({lemma: [forms]}) from now on."""
        self.paradigms = {lemma: list(forms) for lemma, forms in paradigms.items()}
        strings = self.vocab.strings
        # keyed by the form as written: like the matcher's LOWER, a form with a capital
        # never matches
        self._lemma_of = {
            strings.add(form): strings.add(lemma)
            for lemma, forms in self.paradigms.items()
            for form in forms
        }

    def __call__(self, doc: Doc) -> Doc:
        lemma_of, not_verb = self._lemma_of, self._not_verb_ids
        if not lemma_of:
            return doc
        for i, (lower, pos) in enumerate(doc.to_array([LOWER, POS]).tolist()):
            lemma = lemma_of.get(lower)
            if lemma is not None and pos not in not_verb:
                doc[i].lemma = lemma
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def score(self, examples, **kwargs) -> dict:
        """Lemma accuracy, as the attribute ruler it replaces reported it."""
        return self.scorer(examples, **kwargs) if self.scorer is not None else {}

    def initialize(self, get_examples=None, nlp=None, paradigms=None) -> None:
        if paradigms is not None:
            self.set_paradigms(paradigms)

    def to_disk(self, path, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.paradigms, ensure_ascii=False, indent=1) + "\n"
        (path / PARADIGMS_FILE).write_text(text, encoding="utf-8")

    def from_disk(self, path, exclude: Iterable[str] = ()) -> VerbLemmas:
        self.set_paradigms(read_paradigms(ensure_path(path) / PARADIGMS_FILE))
        return self

    def to_bytes(self, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self.paradigms, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, exclude: Iterable[str] = ()) -> VerbLemmas:
        self.set_paradigms(json.loads(data.decode("utf-8")))
        return self


def read_paradigms(path: Path) -> dict[str, list[str]]:
    """A paradigm table ({lemma: [forms]}) from a JSON file such as
    configs/spacy/verb_lemmas_nl.json."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


@Language.factory(
    FACTORY,
    default_config={
        "not_verb": list(NOT_VERB),
        "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"},
    },
)
def make_verb_lemmas(
    nlp: Language, name: str, not_verb: list[str], scorer: Callable | None
) -> VerbLemmas:
    return VerbLemmas(nlp, name, not_verb, scorer)


def add_verb_lemmas(nlp: Language, paradigms: dict[str, list[str]], after: str) -> VerbLemmas:
    """Add the component named ``verb_lemmas`` after the pipe `after`, with `paradigms`
    (as scripts/train_pipelines.py packages a pipeline)."""
    component = nlp.add_pipe(FACTORY, name="verb_lemmas", after=after)
    component.set_paradigms(paradigms)
    return component
