"""`claimtrack events`: group statements from many articles as accounts of one event."""

from __future__ import annotations

import json

import click

from claimtrack.cli.database import open_command_database
from claimtrack.cli.options import database_option
from claimtrack.compare.event_suggestions import accept_suggestion
from claimtrack.store.event_suggestions import (
    list_suggestions,
    reject_suggestion,
)
from claimtrack.store.events import (
    EventNotFound,
    add_articles,
    add_statements,
    create_event,
    remove_articles,
    remove_statements,
)
from claimtrack.store.reads.events import all_events, get_event

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
article_option = click.option(
    "--article", "article_ids", type=int, multiple=True, help="Article id (all its statements)."
)
statement_option = click.option(
    "--statement", "statement_ids", type=int, multiple=True, help="Single statement id."
)


def _echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _describe_event(event: dict) -> str:
    """'"Title" (2024-05), 2 articles, 14 statements, participants: A, B'."""
    articles = len(event["articles"])
    participants = ", ".join(p["name"] for p in event["participants"]) or "none yet"
    return (
        f"\u201c{event['title']}\u201d ({event['date'] or 'no date'}), "
        f"{articles} article{'' if articles == 1 else 's'}, "
        f"{event['statement_count']} statements, participants: {participants}"
    )


@click.group("events")
def events_cmd() -> None:
    """Events: create them, add or remove articles, review suggested events."""


@events_cmd.command("create")
@click.argument("title")
@click.option("--date", help="When it happened: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--description", help="What happened, in a sentence.")
@click.option("--participant", "participants", multiple=True, help="Participant (source name).")
@article_option
@statement_option
@json_option
@database_option
def create_command(
    title, date, description, participants, article_ids, statement_ids, as_json, db_path
) -> None:
    """Create an event called TITLE and say what was made (--json: the whole event)."""
    db = open_command_database(db_path)
    try:
        event_id = create_event(
            db, title, date, description, participants, article_ids, statement_ids
        )
        event = get_event(db, event_id)
    except (ValueError, LookupError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        db.close()
    if as_json:
        _echo_json(event)
        return
    click.echo(f"created event {event_id}: {_describe_event(event)}")
    if not event["articles"]:
        click.echo(f"add articles with: claimtrack events add {event_id} --article ARTICLE_ID")


@events_cmd.command("add")
@click.argument("event_id", type=int)
@article_option
@statement_option
@json_option
@database_option
def add_command(event_id, article_ids, statement_ids, as_json, db_path) -> None:
    """Add articles (all their statements) or single statements to EVENT_ID."""
    if not article_ids and not statement_ids:
        raise click.UsageError("give --article or --statement")
    db = open_command_database(db_path)
    try:
        added = add_articles(db, event_id, article_ids) + add_statements(
            db, event_id, statement_ids
        )
    except LookupError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        db.close()
    if as_json:
        click.echo(json.dumps({"event_id": event_id, "added_statements": added}))
    else:
        click.echo(f"added {added} statements to event {event_id}")


@events_cmd.command("remove")
@click.argument("event_id", type=int)
@article_option
@statement_option
@json_option
@database_option
def remove_command(event_id, article_ids, statement_ids, as_json, db_path) -> None:
    """Take articles or single statements out of EVENT_ID."""
    if not article_ids and not statement_ids:
        raise click.UsageError("give --article or --statement")
    db = open_command_database(db_path)
    try:
        removed = remove_articles(db, event_id, article_ids) + remove_statements(
            db, event_id, statement_ids
        )
    except EventNotFound as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        db.close()
    if as_json:
        click.echo(json.dumps({"event_id": event_id, "removed_statements": removed}))
    else:
        click.echo(f"removed {removed} statements from event {event_id}")


@events_cmd.command("list")
@json_option
@database_option
def list_command(as_json, db_path) -> None:
    """List the events, most recent first."""
    db = open_command_database(db_path)
    try:
        events = list(all_events(db))
    finally:
        db.close()
    if as_json:
        _echo_json(events)
        return
    if not events:
        click.echo("no events yet; create one with: claimtrack events create TITLE --article ID")
        return
    for event in events:
        click.echo(
            f"{event['id']:>5}  {event['date'] or '-':<10}  {event['title']}  "
            f"({event['article_count']} articles, {event['statement_count']} statements)"
        )


@events_cmd.command("show")
@click.argument("event_id", type=int)
@json_option
@database_option
def show_command(event_id, as_json, db_path) -> None:
    """Show one event with its participants and articles."""
    db = open_command_database(db_path)
    try:
        event = get_event(db, event_id)
    finally:
        db.close()
    if event is None:
        raise click.ClickException(f"no event with id {event_id}")
    if as_json:
        _echo_json(event)
        return
    click.echo(f"{event['title']} ({event['date'] or 'no date'})")
    if event["description"]:
        click.echo(event["description"])
    click.echo("participants: " + (", ".join(p["name"] for p in event["participants"]) or "-"))
    for article in event["articles"]:
        click.echo(
            f"  article {article['id']}: {article['title'] or '(untitled)'} "
            f"[{article['publisher'] or 'unknown publisher'}, {article['date'] or '-'}] "
            f"{article['statements']} statements"
        )


@events_cmd.command("suggestions")
@click.option("--all", "show_all", is_flag=True, help="Include accepted and rejected ones.")
@json_option
@database_option
def suggestions_command(show_all, as_json, db_path) -> None:
    """List proposed events (articles that seem to report the same occurrence)."""
    db = open_command_database(db_path)
    try:
        suggestions = list_suggestions(db, None if show_all else "open")
    finally:
        db.close()
    if as_json:
        _echo_json(suggestions)
        return
    if not suggestions:
        click.echo("no suggestions" if show_all else "no open suggestions")
        return
    for s in suggestions:
        articles = ", ".join(str(a) for a in s["article_ids"])
        click.echo(
            f"{s['id']:>5}  [{s['status']}] {s['date'] or '-'}  {s['title']}  articles {articles}"
        )
        if s["reason"]:
            click.echo(f"       {s['reason']}")


@events_cmd.command("accept")
@click.argument("suggestion_id", type=int)
@json_option
@database_option
def accept_command(suggestion_id, as_json, db_path) -> None:
    """Accept suggestion SUGGESTION_ID: create (or extend) the event and say which."""
    db = open_command_database(db_path)
    try:
        event_id = accept_suggestion(db, suggestion_id)
        event = get_event(db, event_id)
    except (LookupError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        db.close()
    if as_json:
        _echo_json(event)
    else:
        click.echo(
            f"accepted suggestion {suggestion_id} as event {event_id}: {_describe_event(event)}"
        )


@events_cmd.command("reject")
@click.argument("suggestion_id", type=int)
@json_option
@database_option
def reject_command(suggestion_id, as_json, db_path) -> None:
    """Reject suggestion SUGGESTION_ID."""
    db = open_command_database(db_path)
    try:
        reject_suggestion(db, suggestion_id)
    except (LookupError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        db.close()
    if as_json:
        click.echo(json.dumps({"id": suggestion_id, "status": "rejected"}))
    else:
        click.echo(f"rejected suggestion {suggestion_id}")
