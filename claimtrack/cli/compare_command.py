"""`claimtrack compare`: two sources' accounts of one event, side by side."""

from __future__ import annotations

import json
import shutil
import textwrap

import click

from claimtrack.cli.database import open_command_database
from claimtrack.cli.options import database_option
from claimtrack.compare import compare_event
from claimtrack.store.events import EventNotFound

STATUS_MARKS = {"both": "both", "only_a": "only A", "only_b": "only B", "conflict": "CONFLICT"}


@click.command("compare")
@click.argument("event_id", type=int)
@click.option(
    "--side",
    "sides",
    multiple=True,
    required=True,
    help='A source whose account to compare (twice), e.g. --side "White House".',
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@database_option
def compare_cmd(event_id, sides, output_format, as_json, db_path) -> None:
    """Compare two accounts of event EVENT_ID: what both say, what only one says, and conflicts."""
    if len(sides) != 2:
        raise click.UsageError("give exactly two --side options")
    db = open_command_database(db_path)
    try:
        comparison = compare_event(db, event_id, sides[0], sides[1])
    except EventNotFound as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        db.close()
    if as_json or output_format == "json":
        click.echo(json.dumps(comparison, ensure_ascii=False, indent=2))
    else:
        click.echo(render_table(comparison))


def render_table(comparison: dict, width: int | None = None) -> str:
    """The comparison as two text columns, one block per row."""
    width = width or min(shutil.get_terminal_size((120, 20)).columns, 160)
    column = max(20, (width - 3) // 2)
    side_a, side_b = comparison["sides"]
    event = comparison["event"]
    lines = [f"{event['title']} ({event['date'] or 'no date'}): {side_a} vs {side_b}", ""]
    for warning in comparison.get("warnings", []):
        note = (
            f"warning: no statement of this event has {warning['name']} in its chain "
            "(as speaker, via or publisher), so every row is one-sided"
        )
        if warning["suggestions"]:
            note += "; did you mean " + " or ".join(repr(s) for s in warning["suggestions"]) + "?"
        lines.append(note)
    summary = comparison.get("summary")
    if summary:
        lines.append(
            f"rows: {summary['conflict']} conflict, {summary['both']} both, "
            f"{summary['only_a']} only {side_a}, {summary['only_b']} only {side_b}"
        )
    lines.append(f"{side_a:<{column}} | {side_b}")
    lines.append("=" * width)
    for row in comparison["rows"]:
        lines.append(f"[{STATUS_MARKS[row['status']]}] {row['topic']}")
        if row["status"] == "conflict":
            for side_key in ("a", "b"):
                for statement in row[side_key]:
                    for start, end in statement.get("marks", []):
                        lines.append(f"  differs: \u00bb{statement['text'][start:end]}\u00ab")
        if row["reason"]:
            lines.extend(textwrap.wrap(f"  why: {row['reason']}", width))
        left = _cell(row["a"], column)
        right = _cell(row["b"], column)
        for i in range(max(len(left), len(right))):
            a = left[i] if i < len(left) else ""
            b = right[i] if i < len(right) else ""
            lines.append(f"{a:<{column}} | {b}")
        lines.append("-" * width)
    return "\n".join(lines)


def _cell(statements: list[dict], column: int) -> list[str]:
    if not statements:
        return ["(nothing)"]
    lines = []
    for statement in statements:
        who = statement["speaker"] or statement["article"]["publisher"] or "narration"
        if statement["via"]:
            who += " via " + ", ".join(statement["via"])
        text = f"#{statement['id']} ({who}): {statement['text']}"
        lines.extend(textwrap.wrap(text, column) or [""])
    return lines
