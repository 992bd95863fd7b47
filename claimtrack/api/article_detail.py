"""The API's rendering of one stored article, usable outside a request (the import worker)."""

from __future__ import annotations

import sqlite_utils

from claimtrack.present.schemas import ARTICLE_DETAIL
from claimtrack.store.reads.articles import get_article


def stored_article_detail(db: sqlite_utils.Database, article_id: int) -> dict:
    """One stored article with its body and statements, as GET /api/v1/articles/<id> shows it."""
    return ARTICLE_DETAIL.dump(get_article(db, article_id))
