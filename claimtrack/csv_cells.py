"""CSV cell values that spreadsheets read as text, never as formulas."""

from __future__ import annotations

FORMULA_STARTS = frozenset("=+-@\t\r")


def csv_cell(value: object) -> object:
    """Return `value` ready for a CSV cell: None becomes "", and text a spreadsheet
    would run as a formula ("=HYPERLINK(...)", "+1", "@SUM") gets a leading apostrophe.
    """
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value
