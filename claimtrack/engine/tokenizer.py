"""The tokenizer of the shipped pipelines is read from the model, and built only once.

spaCy's default tokenizer factory (``spacy.Tokenizer.v1``) first builds a tokenizer with
the language's own special cases (4,670 for Dutch, mostly abbreviations), then loading
the model replaces them all with the serialized ones, and changing any affix rule
afterwards (as the engine's quote rules did) rebuilds every special case once more:
three builds of which two are thrown away, most of the start-up time of a Dutch
extraction.

The shipped models (``claimtrack/models/<lang>/config.cfg``) name
``claimtrack.SerializedTokenizer.v1`` instead: it starts empty, and the model's
``tokenizer`` file — the rules, prefixes, suffixes and infixes the engine uses, quote
rules included — fills it in one pass. Loading a shipped model therefore needs this
module imported (``claimtrack.engine.nlp`` does).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

SERIALIZED_TOKENIZER = "claimtrack.SerializedTokenizer.v1"


@registry.tokenizers(SERIALIZED_TOKENIZER)
def create_serialized_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules of its own: everything comes from the model's file."""

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return tokenizer_factory
