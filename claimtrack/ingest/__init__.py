"""Reading article files (.txt, .json, .html) into ParsedArticle records.

Parsing is pure: no database and no NLP here. Every problem with an input
file is raised as ArticleRejected with a one-line, user-facing reason.
"""

from claimtrack.ingest.article import ArticleRejected, ParsedArticle
from claimtrack.ingest.files import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    ArticleFileScan,
    find_article_files,
    parse_bytes,
    parse_file,
    scan_article_files,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "ArticleFileScan",
    "ArticleRejected",
    "ParsedArticle",
    "find_article_files",
    "parse_bytes",
    "parse_file",
    "scan_article_files",
]
