#!/usr/bin/env python3
"""Import article files into the claimtrack database (same as `claimtrack import`).

Usage: python scripts/import_articles.py [--publisher NAME] [--title TITLE] [--language nl|en|auto]
                                         [--json] [--quiet] [--db PATH] PATH...
"""

from claimtrack.cli.import_command import import_cmd

if __name__ == "__main__":
    import_cmd(prog_name="import_articles.py")
