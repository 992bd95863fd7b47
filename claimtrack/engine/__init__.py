"""The extraction engine: text in, statements and attributions out.

Pure Python plus spaCy: no Flask, no SQLite, so the same code serves
`claimtrack extract`, the importer, tests and batch workers.
"""
