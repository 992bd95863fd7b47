"""Access to the spaCy pipelines, loaded once per language per process."""

from __future__ import annotations

import logging
import threading

import spacy
from spacy.language import Language

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
        except (OSError, IOError, ValueError) as error:
            log.warning("no trained %s pipeline (%s); using a blank tokenizer", language, error)
    return spacy.blank(language)


def get_pipeline(language: str) -> Language:
    """Return the shared pipeline for `language`, loading it on first use."""
    with _lock:
        if language not in _pipelines:
            _pipelines[language] = _load(language)
        return _pipelines[language]


def has_parser(nlp: Language) -> bool:
    """True when the pipeline assigns dependency arcs."""
    return "parser" in nlp.pipe_names
