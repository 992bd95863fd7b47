"""Admin pages: log in with the token, edit and merge sources, import an article.

Every write goes through `admin_required` (token configured, session logged
in, CSRF token checked). Failures are shown on the form; nothing already
stored is touched by a failed write.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from claimtrack.db import get_db
from claimtrack.engine.document import SOURCE_KINDS
from claimtrack.extraction_worker import ExtractionFailed
from claimtrack.http_importer import http_importer
from claimtrack.ingest.article import ArticleRejected
from claimtrack.login_limits import limit_token_guessing
from claimtrack.request_checks import parse_row_id
from claimtrack.store.reads.sources import source_by_slug
from claimtrack.store.source_edits import (
    SourceEditRejected,
    add_alias,
    remove_alias,
    set_source_kind,
)
from claimtrack.web import security
from claimtrack.web.blueprint import bp
from claimtrack.web.importing import import_article_bytes


@bp.route("/login", methods=["GET", "POST"])
@limit_token_guessing
def login():
    """Log in with the admin token (the page says so when writes are disabled)."""
    target = security.safe_next(request.values.get("next"))
    error = None
    if request.method == "POST":
        security.check_csrf()
        if security.token_matches(request.form.get("token", "")):
            security.log_in()
            return redirect(target)
        error = "That token is not right." if security.writes_enabled() else None
    status = 401 if error else 200
    return render_template("login.html", next=target, error=error), status


@bp.route("/logout", methods=["POST"])
def logout():
    """Log out (a POST with the CSRF token, so no other site can log you out)."""
    security.check_csrf()
    security.log_out()
    return redirect(url_for("web.home"))


def _source_or_404(slug: str) -> dict:
    found = source_by_slug(get_db(), slug)
    if found is None:
        abort(404, description=f"There is no source '{slug}'.")
    return found


@bp.route("/sources/<slug>/edit", methods=["GET", "POST"])
@security.admin_required
def edit_source(slug: str):
    """Change a source's kind, add or remove aliases."""
    db = get_db()
    source = _source_or_404(slug)
    if request.method == "POST":
        action = request.form.get("action")
        try:
            if action == "kind":
                set_source_kind(db, source["id"], request.form.get("kind", ""))
                flash("Kind saved.")
            elif action == "add_alias":
                add_alias(
                    db,
                    source["id"],
                    request.form.get("alias", ""),
                    request.form.get("language") or None,
                )
                flash("Alias added.")
            elif action == "remove_alias":
                alias_id = parse_row_id(request.form.get("alias_id", ""))
                if alias_id is None:
                    abort(400, description="No alias chosen.")
                remove_alias(db, source["id"], alias_id)
                flash("Alias removed.")
            else:
                abort(400, description="Unknown action.")
        except SourceEditRejected as error:
            return render_template(
                "edit_source.html", source=source, kinds=SOURCE_KINDS, error=str(error)
            ), 422
        return redirect(url_for("web.edit_source", slug=slug))
    return render_template("edit_source.html", source=source, kinds=SOURCE_KINDS, error=None)


@bp.route("/articles/<rowid:article_id>/kind", methods=["POST"])
@security.admin_required
def article_kind(article_id: int):
    """Make an article a statement (its publisher's own words) or a report, re-crediting it."""
    from claimtrack.store.publisher_voice import ArticleKindRejected, set_article_kind

    try:
        changed = set_article_kind(get_db(), article_id, request.form.get("kind", ""))
    except ArticleKindRejected as error:
        abort(400, description=str(error))
    except LookupError:
        abort(404, description=f"There is no article {article_id}.")
    flash(
        f"Saved: this article is a {changed['kind']}; {changed['credited']} sentences credited to"
        f" its publisher, {changed['uncredited']} taken back."
    )
    return redirect(url_for("web.article", article_id=article_id))


@bp.route("/sources/audit")
@security.admin_required
def sources_audit():
    """Suspect sources with their reason, and what to do: merge or drop."""
    from claimtrack.store.source_audit import AUDIT_REASONS, audit_sources

    return render_template(
        "sources_audit.html", suspects=audit_sources(get_db()), reasons=AUDIT_REASONS
    )


@bp.route("/sources/<slug>/drop", methods=["POST"])
@security.admin_required
def drop_source_page(slug: str):
    """Remove a source that is no party; its claims keep the name as unresolved speakers."""
    from claimtrack.store.source_audit import drop_source

    source = _source_or_404(slug)
    changed = drop_source(get_db(), source["id"])
    flash(f"Dropped “{source['name']}”: {changed} claims now have an unresolved speaker.")
    return redirect(url_for("web.sources_audit"))


@bp.route("/sources/merge", methods=["GET", "POST"])
@security.admin_required
def merge_sources_page():
    """Merge one source into another (e.g. "Witte Huis" into "White House")."""
    from claimtrack.store.sources import merge_sources

    db = get_db()
    keep_slug = request.values.get("keep", "").strip()
    drop_slug = request.values.get("drop", "").strip()
    error = None
    if request.method == "POST":
        keep, drop = source_by_slug(db, keep_slug), source_by_slug(db, drop_slug)
        if keep is None or drop is None:
            error = "Choose two existing sources (by their slug)."
        elif keep["id"] == drop["id"]:
            error = "A source cannot be merged into itself."
        else:
            moved = merge_sources(db, keep["id"], drop["id"])
            flash(
                f"Merged “{drop['name']}” into “{keep['name']}”: "
                f"{moved.get('attributions', 0)} claims and {moved.get('via', 0)} relays moved."
            )
            return redirect(url_for("web.source", slug=keep["slug"]))
    status = 422 if error else 200
    return render_template(
        "merge_sources.html", keep=keep_slug, drop=drop_slug, error=error
    ), status


@bp.route("/import", methods=["GET", "POST"])
@security.admin_required
def import_article():
    """Import one article from an uploaded file or pasted text, then show it."""
    fields = {
        name: (request.form.get(name) or "").strip() or None
        for name in ("title", "publisher", "date", "language", "text")
    }
    if request.method == "POST":
        upload = request.files.get("file")
        if upload and upload.filename:
            data, name = upload.read(), upload.filename
        elif fields["text"]:
            # browsers send pasted text with CRLF line ends
            data, name = fields["text"].replace("\r\n", "\n").encode("utf-8"), None
        else:
            return _import_form(fields, "Choose a file or paste the article text."), 422
        try:
            result = import_article_bytes(
                get_db(),
                data,
                name,
                title=fields["title"],
                publisher=fields["publisher"],
                date=fields["date"],
                language=fields["language"] or "auto",
                importer=http_importer(),
            )
        except ArticleRejected as error:
            return _import_form(fields, error.reason), 422
        except ExtractionFailed as error:
            return _import_form(fields, str(error)), 503
        if result.status == "unchanged":
            flash(
                f"This article was already stored as article #{result.article_id}; nothing changed."
            )
        else:
            flash(f"Imported as article #{result.article_id}: {result.statements} statements.")
        return redirect(url_for("web.article", article_id=result.article_id))
    return _import_form(fields, None)


def _import_form(fields: dict, error: str | None):
    return render_template("import.html", fields=fields, error=error)
