"""`claimtrack sources`: check the stored sources (audit) and drop one that is no party."""

from __future__ import annotations

import json

import click

from claimtrack.cli.database import open_command_database
from claimtrack.cli.options import database_option
from claimtrack.store.source_audit import audit_sources, drop_source


@click.group("sources")
def sources_cmd() -> None:
    """Check stored sources: suspect names, titles kept in names, near-duplicates."""


@sources_cmd.command("audit")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per suspect.")
@click.option("--limit", type=int, default=0, help="Show at most this many (0: all).")
@database_option
def audit_cmd(as_json: bool, limit: int, db_path: str | None) -> None:
    """List suspect sources, most claims first, each with its reason and what to do.

    Reasons: junk_name (a pronoun, number, date, interjection, markup, title
    without a name or description stored as a source: drop it), title_in_name
    ("Fed Chair Ben S. Bernanke": merge it into the person, or rename it),
    near_duplicate ("US President Joe Biden" next to "Joe Biden": merge),
    lone_name ("Bush" while several Bushes are stored: merge by hand),
    name_variant ("George Bush" next to George W. and George H. W. Bush),
    cut_name ("Hampshire" always written "New Hampshire": rename or merge)
    and description ("Crowds" only ever opening a sentence: drop it).
    Merge with the admin page /sources/merge or the API; drop with
    `claimtrack sources drop SLUG`.
    """
    db = open_command_database(db_path)
    try:
        suspects = audit_sources(db)
        total = db.execute("SELECT count(*) FROM sources").fetchone()[0]
    finally:
        db.close()
    shown = suspects[:limit] if limit > 0 else suspects
    if as_json:
        for suspect in shown:
            click.echo(json.dumps(suspect, ensure_ascii=False))
        return
    for suspect in shown:
        for reason in suspect["reasons"]:
            target = reason.get("target")
            what = (
                f"{reason['action']} into {target['name']} ({target['slug']})"
                if target
                else (reason["action"])
            )
            click.echo(
                f"{suspect['slug']}\t{suspect['name']}\t{suspect['claims']} claims\t"
                f"{reason['code']}: {reason['detail']}\t→ {what}"
            )
    click.echo(f"{len(suspects)} suspect sources of {total}", err=True)


@sources_cmd.command("drop")
@click.argument("slug")
@database_option
def drop_cmd(slug: str, db_path: str | None) -> None:
    """Remove the source SLUG as no party: its claims keep the name as unresolved speakers."""
    db = open_command_database(db_path)
    try:
        row = db.execute("SELECT id, name FROM sources WHERE slug = ?", [slug]).fetchone()
        if row is None:
            raise click.ClickException(f"no source with slug {slug!r}")
        changed = drop_source(db, row[0])
    finally:
        db.close()
    click.echo(f"dropped {row[1]}: {changed} claims now have an unresolved speaker")
