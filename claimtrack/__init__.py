"""claimtrack: who said what, who passed it on, and where the accounts disagree.

The package is split so that the extraction engine (`claimtrack.engine`) can be
used without Flask or SQLite; the web app lives in `claimtrack.app`.
"""

__version__ = "0.1.0"
