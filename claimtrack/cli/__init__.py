"""The `claimtrack` command line.

Each command (or command group) lives in its own module under
`claimtrack.cli` and is imported only when it runs, so `claimtrack extract`
does not pay for the web server, the store or the comparison code.
"""

from __future__ import annotations

import importlib

import click

from claimtrack import __version__

# command name -> "module:attribute", in the order `claimtrack --help` lists them
COMMANDS = {
    "import": "claimtrack.cli.import_command:import_cmd",
    "extract": "claimtrack.cli.extract_command:extract_cmd",
    "serve": "claimtrack.cli.serve_command:serve_cmd",
    "demo": "claimtrack.cli.demo_command:demo_cmd",
    "events": "claimtrack.cli.events_command:events_cmd",
    "compare": "claimtrack.cli.compare_command:compare_cmd",
    "sources": "claimtrack.cli.sources_command:sources_cmd",
}


class LazyCommands(click.Group):
    """A click group whose commands are imported when they are looked up."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[name].split(":")
        return getattr(importlib.import_module(module_name), attribute)


@click.group(cls=LazyCommands)
@click.version_option(__version__, prog_name="claimtrack")
def main() -> None:
    """claimtrack: who said what, who passed it on, and where the accounts disagree."""
