"""A weekday said of what is to come resolves forward, not to the week before; one after
"last" / "vorige" to the week before. Every sentence here is written for these tests."""

from __future__ import annotations

from claimtrack.compare.align import align_accounts
from claimtrack.compare.dates import resolve_relative_date

WEDNESDAY = "2025-06-04"


def test_next_or_coming_weekday_is_the_first_such_day_after_publication():
    assert resolve_relative_date("Next Tuesday the council meets.", WEDNESDAY, "en") == "2025-06-10"
    assert resolve_relative_date("Volgende dinsdag vergadert de raad.", WEDNESDAY, "nl") == (
        "2025-06-10"
    )
    assert resolve_relative_date("Dinsdag aanstaande beslist de rechter.", WEDNESDAY, "nl") == (
        "2025-06-10"
    )
    # "next Wednesday" in a Wednesday paper is a week on, not that day
    assert resolve_relative_date("We vote next Wednesday.", WEDNESDAY, "en") == "2025-06-11"


def test_a_weekday_in_a_future_clause_is_one_to_come():
    assert resolve_relative_date("The pool will reopen on Friday.", WEDNESDAY, "en") == "2025-06-06"
    assert resolve_relative_date("De raad zal maandag besluiten.", WEDNESDAY, "nl") == "2025-06-09"
    # the future is in another clause: the weekday is still the one just past
    text = "The roof fell in on Monday, and repairs will start soon."
    assert resolve_relative_date(text, WEDNESDAY, "en") == "2025-06-02"
    # "a Sunday pass" names a kind of pass, not when: the weekday keeps its plain reading
    text = "Holders of a Sunday pass will be refunded."
    assert resolve_relative_date(text, WEDNESDAY, "en") == "2025-06-01"


def test_last_weekday_is_the_one_before_even_on_that_weekday():
    text = "Last Wednesday the roof collapsed."
    assert resolve_relative_date(text, WEDNESDAY, "en") == "2025-05-28"
    assert resolve_relative_date("Afgelopen maandag brak de dijk.", WEDNESDAY, "nl") == (
        "2025-06-02"
    )


def test_a_day_announced_and_later_reported_is_no_conflict():
    # announced on a Wednesday for Friday; reported on the Saturday as having happened on Friday
    a = [{"id": 1, "text": "The pool will reopen on Friday after the repairs.", "language": "en"}]
    b = [{"id": 2, "text": "The pool reopened on Friday after the repairs.", "language": "en"}]
    a[0]["article"] = {"id": 1, "date": WEDNESDAY}
    b[0]["article"] = {"id": 2, "date": "2025-06-07"}
    [row] = align_accounts("Council", a, "Operator", b)
    assert row["a"] and row["b"]
    assert row["status"] == "both", row["reason"]
