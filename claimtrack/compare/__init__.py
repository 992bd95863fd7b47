"""Comparing accounts of one event: topic alignment across languages, and where they conflict.

The pure logic (lexicon, alignment, stance, dates) knows nothing of Flask;
`compare_event` reads one stored event and compares two sources' accounts.
"""

import gc

from claimtrack.compare.align import align_accounts

_word_lists_frozen = False


def compare_event(db, event_id: int, side_a: str, side_b: str) -> dict:
    """Compare two sources' accounts of a stored event (see event_comparison.compare_event)."""
    from claimtrack.compare.event_comparison import compare_event as _compare_event

    comparison = _compare_event(db, event_id, side_a, side_b)
    _freeze_word_lists()
    return comparison


def _freeze_word_lists() -> None:
    # the dictionary, WordNet and cue lists loaded by the first comparison live as long as
    # the process: out of the collector's sight, a later comparison's collections no longer
    # walk their hundred thousand objects (about a twentieth of a large event's time)
    global _word_lists_frozen
    if not _word_lists_frozen:
        _word_lists_frozen = True
        gc.freeze()


__all__ = ["align_accounts", "compare_event"]
