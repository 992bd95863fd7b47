"""Rendering an article body with its attributed spans marked."""

from __future__ import annotations

from claimtrack.web.highlight import render_body


def statement(sid, idx, paragraph, start, text, attributions=()):
    return {
        "id": sid,
        "index": idx,
        "paragraph": paragraph,
        "start": start,
        "end": start + len(text),
        "text": text,
        "attributions": list(attributions),
    }


def span(text, start, end):
    return None if start is None else {"text": text, "start": start, "end": end}


def claim(speaker, chain_names, **spans):
    """An attribution in the read model's shape (store.reads.attributions)."""
    return {
        "speaker": {"source_id": None, "name": speaker, "slug": None, "mention": None},
        "type": "indirect",
        "cue": span(spans.get("cue_text"), spans.get("cue_start"), spans.get("cue_end")),
        "content": span(None, spans.get("content_start"), spans.get("content_end")),
        "via": [],
        "chain": [{"role": "speaker", "name": n, "slug": None} for n in chain_names],
    }


def test_headings_and_footers_between_statements_stay_as_their_own_paragraphs():
    body = "Eerste zin. Tweede zin.\nTussenkop\nDerde zin.\n\nLees ook: iets"
    statements = [
        statement(1, 0, 0, 0, "Eerste zin."),
        statement(2, 1, 0, 12, "Tweede zin."),
        statement(3, 2, 1, 34, "Derde zin."),
    ]
    paragraphs = [str(p.html) for p in render_body(body, statements, {})]
    assert len(paragraphs) == 4
    assert "Eerste zin." in paragraphs[0] and "Tweede zin." in paragraphs[0]
    assert paragraphs[1] == '<span class="narration">Tussenkop</span>'
    assert "Lees ook: iets" in paragraphs[3]


def test_cue_inside_content_is_marked_within_the_coloured_span():
    text = "Het zou goed gaan."
    attribution = claim(
        "Kremlin",
        ["Kremlin"],
        content_start=0,
        content_end=17,
        cue_start=4,
        cue_end=7,
        cue_text="zou",
    )
    html = str(
        render_body(text, [statement(1, 0, 0, 0, text, [attribution])], {"name:Kremlin": 3})[0].html
    )
    assert '<span class="attributed src-3"><mark class="cue">zou</mark></span>' in html
    assert '<span class="attributed src-3">Het </span>' in html
    assert html.count("Het") == 1 and html.count("goed gaan") == 1


def test_claim_without_content_span_colours_the_whole_sentence():
    text = "Volgens ingewijden is het zo."
    html = str(
        render_body(text, [statement(1, 0, 0, 0, text, [claim("unknown", ["unknown"])])], {})[
            0
        ].html
    )
    assert '<span class="attributed src-0">Volgens ingewijden is het zo.</span>' in html


def test_offsets_that_do_not_fit_the_body_fall_back_to_statement_text():
    statements = [statement(1, 0, 0, 0, "Eerste <zin>."), statement(2, 1, 1, 14, "Tweede zin.")]
    paragraphs = render_body("body that was edited since", statements, {})
    assert [str(p.html).count("narration") for p in paragraphs] == [1, 1]
    assert "Eerste &lt;zin&gt;." in str(paragraphs[0].html)
