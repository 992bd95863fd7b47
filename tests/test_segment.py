"""Segmentation: sentences with exact offsets, paragraphs, headings and footers left out."""

from __future__ import annotations

from claimtrack.engine.extract import get_extractor
from claimtrack.engine.lang import get_profile
from claimtrack.engine.language import detect_language
from claimtrack.engine.quotes import find_quotes
from claimtrack.engine.segment import segment

DUTCH_ARTICLE = (
    "# publisher: Testkrant\n# language: nl\n# date: 2024-03-05\n# title: Overleg over de dijken\n\n"
    "De minister van Infrastructuur, Anna de Wit, opende dinsdag het overleg. Zij sprak met dr. Jansen.\n"
    "Vervolgoverleg\n"
    "Het waterschap wil de dijken ophogen. Dat kost volgens de provincie 12,5 miljoen euro.\n\n"
    "Lees ook: Waarom de dijken te laag zijn\n"
)


def sentences(text: str, language: str = "nl") -> list[str]:
    paragraphs = segment(text, get_profile(language))
    return [text[s.start : s.end] for p in paragraphs for s in p.sentences]


def test_statements_have_exact_offsets_into_the_whole_file():
    doc = get_extractor().extract(DUTCH_ARTICLE)
    assert [st.text for st in doc.statements] == [
        "De minister van Infrastructuur, Anna de Wit, opende dinsdag het overleg.",
        "Zij sprak met dr. Jansen.",
        "Het waterschap wil de dijken ophogen.",
        "Dat kost volgens de provincie 12,5 miljoen euro.",
    ]
    for st in doc.statements:
        assert DUTCH_ARTICLE[st.start : st.end] == st.text


def test_heading_and_footer_are_not_statements_and_single_newlines_split_paragraphs():
    doc = get_extractor().extract(DUTCH_ARTICLE)
    assert not any("Vervolgoverleg" in st.text or "Lees ook" in st.text for st in doc.statements)
    assert [st.paragraph for st in doc.statements] == [0, 0, 1, 1]


def test_metadata_header_fills_document_fields():
    doc = get_extractor().extract(DUTCH_ARTICLE, path="x.txt")
    assert (doc.language, doc.publisher, doc.date, doc.path) == (
        "nl",
        "Testkrant",
        "2024-03-05",
        "x.txt",
    )


def test_old_style_date_prefix_is_not_part_of_the_first_sentence():
    text = " date 2020-01 Het kabinet is gevallen. De premier trad af."
    doc = get_extractor().extract(text)
    assert doc.date == "2020-01"
    assert doc.statements[0].text == "Het kabinet is gevallen."
    assert text[doc.statements[1].start : doc.statements[1].end] == "De premier trad af."


def test_closing_quote_after_a_space_stays_with_its_sentence():
    text = ",, Het was zwaar. We gaan door. '' De trainer knikte."
    assert sentences(text) == [",, Het was zwaar.", "We gaan door. ''", "De trainer knikte."]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Mr. J. Smith met Sen. Brown on Jan. 5 in Washington. They talked."
    assert sentences(text, "en") == [
        "Mr. J. Smith met Sen. Brown on Jan. 5 in Washington.",
        "They talked.",
    ]


def test_quotes_of_every_style_are_found():
    text = "„Eén” en ,,twee'' en “three” en \"four\" en 'vijf' maar Rabo's fiets."
    inner = [text[q.inner_start : q.inner_end] for q in find_quotes(text)]
    assert inner == ["Eén", "twee", "three", "four", "vijf"]


def test_language_detection():
    assert detect_language("De regering heeft gezegd dat het niet kan.") == "nl"
    assert detect_language("The government said that it was not possible.") == "en"


def test_empty_body_gives_no_statements():
    assert get_extractor().analyse_body("", language="nl").statements == []


def test_an_endless_sentence_is_cut_at_spaces_into_bounded_pieces_without_losing_text():
    from claimtrack.engine.segment import MAX_SENTENCE_CHARS

    text = "de dijkgraaf zegt dat het water stijgt en dat de boeren wachten " * 800
    pieces = sentences(text)
    assert len(pieces) > 1
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(not p.startswith(" ") and not p.endswith(" ") for p in pieces)
    assert " ".join(pieces) == text.strip()


def test_one_enormous_word_is_cut_into_pieces_too():
    from claimtrack.engine.segment import MAX_SENTENCE_CHARS

    text = "Hij riep " + "o" * 50_000 + "."
    pieces = sentences(text)
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_a_huge_paragraph_becomes_several_and_each_keeps_its_own_quotations():
    from claimtrack.engine.segment import MAX_PARAGRAPH_CHARS

    sentence = "De burgemeester zei: „We gaan de brug vernieuwen.” "
    text = sentence * (3 * MAX_PARAGRAPH_CHARS // len(sentence))
    paragraphs = segment(text, get_profile("nl"))
    assert len(paragraphs) >= 3
    assert all(p.end - p.start <= MAX_PARAGRAPH_CHARS for p in paragraphs)
    for paragraph in paragraphs:
        assert paragraph.quotes
        assert all(paragraph.start <= q.start and q.end <= paragraph.end for q in paragraph.quotes)
    assert sum(len(p.sentences) for p in paragraphs) == text.count("De burgemeester")


def test_abbreviations_are_still_recognised_at_the_end_of_a_long_paragraph():
    text = "De raad vergaderde lang. " * 400 + "Daarna sprak dr. Visser de zaal toe."
    assert sentences(text)[-1] == "Daarna sprak dr. Visser de zaal toe."


def test_a_plural_with_an_apostrophe_ends_its_sentence_and_small_dotted_letters_do_not():
    from claimtrack.engine.lang import get_profile
    from claimtrack.engine.segment import segment

    text = (
        "De school kocht twintig nieuwe camera's. Er komen o.m. nieuwe tafels. "
        "Zijn broer werkt in de V.S. Daar verdient hij meer."
    )
    profile = get_profile("nl")
    sentences = [text[s.start : s.end] for p in segment(text, profile) for s in p.sentences]
    assert sentences == [
        "De school kocht twintig nieuwe camera's.",
        "Er komen o.m. nieuwe tafels.",
        "Zijn broer werkt in de V.S.",
        "Daar verdient hij meer.",
    ]
