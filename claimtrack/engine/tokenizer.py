"""The tokenizer of the shipped pipelines: read from the model, special cases built when needed.

spaCy's default tokenizer factory (``spacy.Tokenizer.v1``) first builds a tokenizer with
the language's own special cases (4,670 for Dutch, mostly abbreviations), then loading
the model replaces them all with the serialized ones, and changing any affix rule
afterwards (as the engine's quote rules did) rebuilds every special case once more:
three builds, most of the start-up time of a Dutch extraction.

The shipped models (``claimtrack/models/<lang>/config.cfg``) name
``claimtrack.SerializedTokenizer.v1`` instead: it starts empty, and the model's
``tokenizer`` file — the rules, prefixes, suffixes and infixes the engine uses, quote
rules included — fills it in one pass. Even that one pass costs most of a second for
Dutch, so `LazySpecialCases` builds a special case only when a text contains its string
(the first texts of a process), and all the rest at once after `EAGER_AFTER` texts.

Why the output cannot change: a special case acts on a text only where its string
stands in it — as a whole chunk or an affix-stripped part of one, or, through spaCy's
special-case matcher, as tokens separated by single spaces, which is why the test is
made on the text with its spaces removed (a superset). Building one does not depend on
which others exist; adding one clears spaCy's chunk cache. So a text is tokenized
exactly as with every special case in place.

Loading a shipped model needs this module imported (``claimtrack.engine.nlp`` does).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import srsly
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

SERIALIZED_TOKENIZER = "claimtrack.SerializedTokenizer.v1"
# after this many texts the remaining special cases are all built (once, about as long
# as loading them did), and texts are no longer searched for them
EAGER_AFTER = 256


class LazySpecialCases(Tokenizer):
    """A spaCy Tokenizer that builds the special cases read by `from_bytes` on demand.

    `rules`, `to_bytes`, `explain` and pickling see every rule (the pending ones are
    built first); rules given to the constructor or set later are built at once.
    """

    def __init__(self, *args, **kwargs) -> None:
        self._pending: dict[str, list[dict]] = {}
        self._prefixes: frozenset[str] = frozenset()
        self._texts_left = EAGER_AFTER
        self._lock = threading.RLock()
        super().__init__(*args, **kwargs)

    def __call__(self, string):
        if self._pending:
            self._build_for(string)
        return super().__call__(string)

    def _build_for(self, text: str) -> None:
        """Build the pending special cases whose string stands in `text` (spaces removed)."""
        with self._lock:
            self._texts_left -= 1
            if self._texts_left <= 0:
                self.build_all()
                return
            pending, prefixes = self._pending, self._prefixes
            squeezed = text.replace(" ", "")
            length = len(squeezed)
            found = set()
            for start in range(length):
                end = start + 1
                while end <= length:
                    piece = squeezed[start:end]
                    if piece not in prefixes:
                        break
                    if piece in pending:
                        found.add(piece)
                    end += 1
            for key in sorted(found):
                self.add_special_case(key, pending.pop(key))

    def build_all(self) -> None:
        """Build every pending special case now."""
        with self._lock:
            pending, self._pending, self._prefixes = self._pending, {}, frozenset()
            for key, substrings in sorted(pending.items()):
                self.add_special_case(key, substrings)

    def from_bytes(self, bytes_data, *, exclude=()):
        """Load as spaCy does, but keep the special cases pending (those holding
        whitespace, which the text search cannot find, are built at once)."""
        data = srsly.msgpack_loads(bytes_data)
        rules = data.get("exceptions") if "exceptions" not in exclude else None
        pending: dict[str, list[dict]] = {}
        if isinstance(rules, dict):
            pending = {k: v for k, v in rules.items() if k and not any(c.isspace() for c in k)}
            data["exceptions"] = {k: v for k, v in rules.items() if k not in pending}
            bytes_data = srsly.msgpack_dumps(data)
        with self._lock:
            self._pending, self._prefixes = {}, frozenset()
            super().from_bytes(bytes_data, exclude=exclude)
            self._pending = pending
            self._prefixes = frozenset(k[:n] for k in pending for n in range(1, len(k) + 1))
            self._texts_left = EAGER_AFTER
        return self

    def to_bytes(self, *, exclude=()):
        self.build_all()
        return super().to_bytes(exclude=exclude)

    def explain(self, text):
        self.build_all()
        return super().explain(text)

    def __reduce__(self):
        self.build_all()
        return super().__reduce__()

    @property
    def rules(self):
        self.build_all()
        return Tokenizer.rules.__get__(self)

    @rules.setter
    def rules(self, rules):
        with self._lock:
            self._pending, self._prefixes = {}, frozenset()
            Tokenizer.rules.__set__(self, rules)


@registry.tokenizers(SERIALIZED_TOKENIZER)
def create_serialized_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules of its own: everything comes from the model's file."""

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        return LazySpecialCases(nlp.vocab)

    return tokenizer_factory
