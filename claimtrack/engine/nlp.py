"""Load the spaCy pipelines the engine parses Dutch and English with.

By default these are the pipelines shipped in ``claimtrack/models/<lang>/``
(trained on Universal Dependencies by ``scripts/train_pipelines.py``). A user
who has an official spaCy pipeline installed can choose it instead through an
environment variable holding a package name or a path:

    CLAIMTRACK_SPACY_NL=nl_core_news_md
    CLAIMTRACK_SPACY_EN=/opt/models/en_core_web_sm

Whichever pipeline is used, ``load_pipeline`` puts the component
``quote_sentence_starts`` in front of its parser: a closing quote glued to
sentence-final punctuation (``...gegaan.''``, ``...said."``) never starts the
next sentence, and an opening quote is never a sentence on its own.
"""

from __future__ import annotations

import functools
import itertools
import os
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

# the shipped pipelines' config names these registered parts
from claimtrack.engine import tokenizer as _tokenizer  # noqa: F401
from claimtrack.engine import verb_lemmas as _verb_lemmas  # noqa: F401

SHIPPED_MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
PIPELINE_ENV_VARS = {"nl": "CLAIMTRACK_SPACY_NL", "en": "CLAIMTRACK_SPACY_EN"}
SUPPORTED_LANGUAGES = tuple(PIPELINE_ENV_VARS)

SENTENCE_END = frozenset({".", "!", "?", "…", "..."})
CLOSING_QUOTES = frozenset({"''", "”", "’", '"', "'", "»", "›"})
OPENING_QUOTES = frozenset({",,", "„", "“", "‘", "‚", '"', "'", "«", "‹"})
QUOTE_COMPONENT = "quote_sentence_starts"


class PipelineUnavailable(RuntimeError):
    """The configured spaCy pipeline cannot be loaded."""


def pipeline_location(language: str) -> str:
    """Return the package name or path the pipeline for ``language`` is loaded from."""
    if language not in PIPELINE_ENV_VARS:
        raise ValueError(
            f"no spaCy pipeline for language {language!r}; "
            f"supported: {', '.join(SUPPORTED_LANGUAGES)}"
        )
    chosen = os.environ.get(PIPELINE_ENV_VARS[language], "").strip()
    return chosen or str(SHIPPED_MODELS_DIR / language)


@Language.component(QUOTE_COMPONENT)
def keep_quotes_in_their_sentence(doc: Doc) -> Doc:
    """Set sentence starts around quote marks before the parser runs.

    - a closing quote right after ``.``/``!``/``?`` (no space between) stays
      with the sentence it closes;
    - an opening quote (after a space, glued to the next word) that follows
      ``.``/``!``/``?`` starts a sentence, and the word after it does not.
    The parser respects these marks when it splits sentences.
    """
    for previous, current in itertools.pairwise(doc):
        if previous.text in OPENING_QUOTES and opens_quote(previous):
            current.is_sent_start = False
            before = doc[previous.i - 1] if previous.i > 0 else None
            if before is not None and before.text in SENTENCE_END and before.whitespace_:
                previous.is_sent_start = True
        elif (
            current.text in CLOSING_QUOTES
            and previous.text in SENTENCE_END
            and not previous.whitespace_
        ):
            current.is_sent_start = False
    return doc


def opens_quote(quote: Token) -> bool:
    """A quote mark glued to the next word and preceded by a space (or nothing)."""
    if quote.whitespace_ or quote.i + 1 >= len(quote.doc):
        return False
    return quote.i == 0 or bool(quote.doc[quote.i - 1].whitespace_)


def add_quote_rules(nlp: Language) -> None:
    """Insert the quote component before whatever sets sentence boundaries."""
    if QUOTE_COMPONENT in nlp.pipe_names:
        return
    for boundary_setter in ("parser", "senter"):
        if boundary_setter in nlp.pipe_names:
            nlp.add_pipe(QUOTE_COMPONENT, before=boundary_setter)
            return


@functools.cache
def load_pipeline(language: str) -> Language:
    """Load (once per process and language) the spaCy pipeline for ``language``.

    Raises ValueError for an unsupported language and PipelineUnavailable when
    the configured package or path cannot be loaded.
    """
    location = pipeline_location(language)
    try:
        nlp = spacy.load(location)
    except OSError as exc:
        raise PipelineUnavailable(
            f"cannot load the {language} spaCy pipeline from {location!r} "
            f"(set {PIPELINE_ENV_VARS[language]} to an installed pipeline or a path): {exc}"
        ) from exc
    if nlp.lang != language:
        raise PipelineUnavailable(f"{location!r} is a {nlp.lang!r} pipeline, not {language!r}")
    add_quote_rules(nlp)
    return nlp
