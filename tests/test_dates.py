"""Relative dates in a text are resolved against the article's date, when it is precise enough."""

from claimtrack.compare.dates import date_range, days_apart, resolve_relative_date


def test_weekday_means_the_most_recent_such_day_before_publication():
    # 15 April 2021 was a Thursday; the Tuesday before it is the 13th
    assert (
        resolve_relative_date("On Tuesday, the leaders spoke.", "2021-04-15", "en") == "2021-04-13"
    )
    assert resolve_relative_date("De leiders spraken dinsdag.", "2021-04-15", "nl") == "2021-04-13"


def test_weekday_of_the_publication_day_itself_is_that_day():
    assert resolve_relative_date("On Tuesday they met.", "2021-04-13", "en") == "2021-04-13"


def test_today_and_yesterday():
    assert resolve_relative_date("The minister said today that", "2022-03-01", "en") == "2022-03-01"
    assert resolve_relative_date("Gisteren belde de premier", "2022-03-01", "nl") == "2022-02-28"


def test_a_weekday_in_a_month_dated_article_cannot_be_resolved():
    assert resolve_relative_date("meldt het ministerie dinsdag", "2021-04", "nl") is None


def test_explicit_day_and_month_take_the_year_of_the_article():
    assert resolve_relative_date("Op 13 april sprak hij", "2021-04", "nl") == "2021-04-13"
    assert resolve_relative_date("On March 3, the talks began", "2021-03-05", "en") == "2021-03-03"


def test_an_explicit_date_after_publication_belongs_to_the_year_before():
    assert resolve_relative_date("On December 30, they spoke", "2022-01-02", "en") == "2021-12-30"


def test_no_date_expression_or_no_article_date_gives_none():
    assert resolve_relative_date("The talks were constructive.", "2021-04-13", "en") is None
    assert resolve_relative_date("On Tuesday they met.", None, "en") is None
    assert resolve_relative_date("On Tuesday they met.", "13/04/2021", "en") is None


def test_the_first_date_expression_counts():
    text = "Yesterday the envoy arrived; on Monday he will leave."
    assert resolve_relative_date(text, "2021-06-10", "en") == "2021-06-09"


def test_date_ranges_and_distances_respect_precision():
    assert date_range("2021-02") == (date_range("2021-02-01")[0], date_range("2021-02-28")[0])
    assert days_apart("2021-04", "2021-04-13") == 0
    assert days_apart("2021-04-10", "2021-04-13") == 3
    assert days_apart("2021-03", "2021-04-05") == 5
    assert days_apart("2021-04-10", "garbage") is None
