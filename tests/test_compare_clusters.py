"""A side's repeats of one claim, across its articles and languages, are one cluster; the
two sides' clusters pair one to one (claimtrack/compare/align.py)."""

from __future__ import annotations

from compare_helpers import together

from claimtrack.compare.align import align_accounts


def said(sid: int, article: int, index: int, text: str, language: str = "en") -> dict:
    """Statement `sid`, the `index`th of article `article`."""
    return {
        "id": sid,
        "text": text,
        "language": language,
        "index": index,
        "article": {"id": article},
    }


# the province's Dutch release (article 1) and an English paper relaying it (article 3);
# the contractor's English statement (article 2)
PROVINCE = [
    said(1, 1, 0, "De Lindebrug blijft tot 1 maart dicht voor al het verkeer.", "nl"),
    said(2, 1, 1, "De aannemer heeft de lagers verkeerd om geplaatst.", "nl"),
    said(3, 1, 2, "Het herstel kost de provincie 2,4 miljoen euro.", "nl"),
    said(
        4, 3, 0, "The province said the Lindebrug would stay closed to all traffic until 1 March."
    ),
    said(
        5,
        3,
        1,
        "According to the province, the contractor ignored the drawings and fitted the"
        " bearings back to front, which the contractor denies.",
    ),
    said(6, 3, 2, "The province said the repairs would cost 2.4 million euros."),
]
CONTRACTOR = [
    said(7, 2, 0, "We deny that our engineers ignored the drawings."),
    said(8, 2, 1, "We expect the Lindebrug to reopen to traffic in early February."),
    said(9, 2, 2, "The repairs will cost no more than 900,000 euros."),
]


def test_a_release_and_its_paraphrase_in_another_language_share_the_row():
    rows = align_accounts("Provincie", PROVINCE, "Aannemer", CONTRACTOR)
    assert together(rows, 2, 5)  # the release and the paper's English words for it
    assert together(rows, 2, 7)  # ... meet the contractor's answer as one row
    assert together(rows, 1, 4) and together(rows, 4, 8)


def test_two_statements_of_one_side_counting_one_thing_differently_stay_apart():
    a = [
        said(1, 1, 0, "Some 400 residents had to leave their homes on Sunday."),
        said(2, 2, 0, "About 40 residents were taken in by relatives, the council said."),
    ]
    b = [said(3, 3, 0, "We counted 1,200 residents who had to leave their homes.")]
    rows = align_accounts("Council", a, "Residents", b)
    assert not together(rows, 1, 2)
    assert together(rows, 1, 3)
