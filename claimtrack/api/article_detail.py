"""The API's rendering of one stored article, usable outside a request (the import worker)."""

from __future__ import annotations

import sqlite_utils

from claimtrack.api.schemas import ARTICLE_DETAIL
from claimtrack.store import api_queries


def stored_article_detail(db: sqlite_utils.Database, article_id: int) -> dict:
    """One stored article with its body and statements, as GET /api/v1/articles/<id> shows it."""
    return ARTICLE_DETAIL.dump(api_queries.get_article(db, article_id))
