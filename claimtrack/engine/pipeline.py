"""Access to the spaCy pipelines, loaded once per language per process."""

from __future__ import annotations

import gc
import logging
import re
import threading
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

# Dutch newspaper quotes are written ,,...'' and often glued to a colon: "Smit:,,Het dak"
QUOTE_INFIXES = (
    r":(?=(?:,,|[„\"“‘']))",  # the shipped pipelines' own colon rules, kept
    r"(?<=:)(?:,,|[„\"“‘'])",
    r"(?<=\w):(?=[,„“\"'‘])",
    r"(?<=[:\w]),,(?=\w)",
    r"(?<=\w)''(?=\w)",
    r"(?<=[”\"’'])(?=[―—–])",
    r"(?<=\w),(?=,,)",
    r"(?<=,),,(?=\w)",
)

# Sentences per nlp.pipe batch. The parser and the NER advance the parse states of a
# whole batch together, so one- or two-line sentence Docs cost per word about what
# whole articles cost only in batches of a few hundred (scripts/bench_extract.py);
# Extractor.analyse_bodies streams the sentences of many articles through one pipe.
BATCH_SIZE = 256

log = logging.getLogger(__name__)
_lock = threading.Lock()
_pipelines: dict[str, Language] = {}


def _load(language: str) -> Language:
    try:
        from claimtrack.engine.nlp import load_pipeline
    except ImportError:
        load_pipeline = None
    if load_pipeline is not None:
        try:
            return load_pipeline(language)
        except (OSError, RuntimeError) as error:
            log.warning("no trained %s pipeline (%s); using a blank tokenizer", language, error)
    return spacy.blank(language)


def adapt_tokenizer(nlp: Language) -> Language:
    """Split quote marks glued to words and colons so cues and names stay separate tokens.

    The shipped pipelines' tokenizers have these rules already (set at load, they would
    make spaCy rebuild every special case); other pipelines get them here.
    """
    infixes = list(nlp.Defaults.infixes or ()) + list(QUOTE_INFIXES)
    wanted = compile_infix_regex(infixes)
    current = getattr(nlp.tokenizer.infix_finditer, "__self__", None)
    if not (
        isinstance(current, re.Pattern)
        and current.pattern == wanted.pattern
        and current.flags == wanted.flags
    ):
        nlp.tokenizer.infix_finditer = wanted.finditer
    return nlp


def get_pipeline(language: str) -> Language:
    """Return the shared pipeline for `language`, loading it on first use."""
    with _lock:
        if language not in _pipelines:
            _pipelines[language] = adapt_tokenizer(_load(language))
            _settle()
        return _pipelines[language]


def _settle() -> None:
    """Move the objects alive now, a loaded pipeline's tens of thousands among them, out
    of the cyclic garbage collector's reach (gc.freeze after a collection).

    They live as long as the process, yet every full collection would walk them again
    (scripts/bench_extract.py --compare measures what it saves). Objects freed later by
    reference counting are still freed; only a cycle among them would not be.
    """
    gc.collect()
    gc.freeze()


def has_parser(nlp: Language) -> bool:
    """True when the pipeline assigns dependency arcs."""
    return "parser" in nlp.pipe_names


def parse_sentences(nlp: Language, body: str, sentences: Iterable) -> Iterator[Doc]:
    """One parsed Doc per sentence (anything with .start/.end offsets into `body`).

    The engine and the cue model's training both parse through here, so the
    model is trained on exactly the Docs it will score.
    """
    return parse_texts(nlp, (body[s.start : s.end] for s in sentences))


def parse_texts(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """One parsed Doc per sentence text, in order (a parse does not depend on the other
    texts of its batch)."""
    return nlp.pipe(texts, batch_size=BATCH_SIZE)
