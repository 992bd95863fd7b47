"""HTML pages: the main article text and title, extracted with trafilatura.

Scripts, navigation and other boilerplate are dropped, and whatever looks
like markup in the extracted text is removed, so the stored body is plain text.
"""

from __future__ import annotations

import re

from claimtrack.ingest.article import ArticleRejected, ParsedArticle
from claimtrack.ingest.fields import clean_optional, is_valid_date, normalise_language

# Escaped markup in the page (&lt;script&gt;) comes out of extraction as real tags.
TAG_LIKE = re.compile(r"</?[A-Za-z!][^<>]*>")
HTML_LANG = re.compile(r"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2})", re.IGNORECASE)
SPACES = re.compile(r"[ \t\u00a0]+")


def parse_html_article(html: str, path: str | None = None) -> ParsedArticle:
    """Extract title and main text from an HTML page."""
    import trafilatura  # slow to import, and needed only when a page is read

    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        # only dates the page states; a wide search takes e.g. the copyright year
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = extracted.text if extracted is not None else None
    if not text or not text.strip():
        text = trafilatura.html2txt(html) or ""
    title = clean_optional(_plain(extracted.title)) if extracted is not None else None
    body = _paragraphs(_plain(text), title)
    if not body:
        raise ArticleRejected(path, "missing body: no article text found in the HTML")

    date = extracted.date if extracted is not None else None
    lang_match = HTML_LANG.search(html[:5000])
    language = normalise_language(lang_match.group(1)) if lang_match else "auto"
    return ParsedArticle(
        body=body,
        title=title,
        url=clean_optional(extracted.url) if extracted is not None else None,
        publisher=clean_optional(_plain(extracted.sitename)) if extracted is not None else None,
        language=language or "auto",
        date=date if date and is_valid_date(date) else None,
        source_path=path,
    )


def _plain(text: str | None) -> str:
    return TAG_LIKE.sub("", text or "")


def _paragraphs(text: str, title: str | None) -> str:
    """One paragraph per line in, blank-line separated paragraphs out; drop a repeated title."""
    lines = [SPACES.sub(" ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    return "\n\n".join(lines)
