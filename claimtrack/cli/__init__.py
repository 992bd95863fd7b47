"""The `claimtrack` command line.

Each command (or command group) lives in its own module under
`claimtrack.cli` and is added to `main` here.
"""

from __future__ import annotations

import click

from claimtrack import __version__
from claimtrack.cli.compare_command import compare_cmd
from claimtrack.cli.demo_command import demo_cmd
from claimtrack.cli.events_command import events_cmd
from claimtrack.cli.extract_command import extract_cmd
from claimtrack.cli.import_command import import_cmd
from claimtrack.cli.serve_command import serve_cmd


@click.group()
@click.version_option(__version__, prog_name="claimtrack")
def main() -> None:
    """claimtrack: who said what, who passed it on, and where the accounts disagree."""


for _command in (import_cmd, extract_cmd, serve_cmd, demo_cmd, events_cmd, compare_cmd):
    main.add_command(_command)
