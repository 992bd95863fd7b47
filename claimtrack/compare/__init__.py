"""Comparing accounts of one event: topic alignment across languages, and where they conflict.

The pure logic (lexicon, alignment, stance, dates) knows nothing of Flask;
`compare_event` reads one stored event and compares two sources' accounts.
"""

from claimtrack.compare.align import align_accounts


def compare_event(db, event_id: int, side_a: str, side_b: str) -> dict:
    """Compare two sources' accounts of a stored event (see event_comparison.compare_event)."""
    from claimtrack.compare.event_comparison import compare_event as _compare_event

    return _compare_event(db, event_id, side_a, side_b)


__all__ = ["align_accounts", "compare_event"]
