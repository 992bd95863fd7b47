"""Attach attributions to statements (placeholder until the rules land)."""

from __future__ import annotations


def attribute_article(body, paragraphs, statements, profile, nlp, publisher):
    """Fill `statement.attributions` for every statement of one article."""
    return None
