"""The `claimtrack` command line.

Each command group lives in its own module under `claimtrack.cli` and is
added to `main` here.
"""

from __future__ import annotations

import importlib

import click

from claimtrack import __version__

# module name -> attribute holding the click command or group
COMMAND_MODULES = {
    "import_command": "import_cmd",
    "extract_command": "extract_cmd",
    "serve_command": "serve_cmd",
    "demo_command": "demo_cmd",
    "events_command": "events_cmd",
    "compare_command": "compare_cmd",
}


@click.group()
@click.version_option(__version__, prog_name="claimtrack")
def main() -> None:
    """claimtrack: who said what, who passed it on, and where the accounts disagree."""


for _module, _attr in COMMAND_MODULES.items():
    try:
        _mod = importlib.import_module(f"claimtrack.cli.{_module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"claimtrack.cli.{_module}":
            raise
        continue
    main.add_command(getattr(_mod, _attr))
