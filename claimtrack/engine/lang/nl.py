"""Dutch: the profile read from the word lists in `data/nl/` (see `data/README.md`)."""

from __future__ import annotations

from claimtrack.engine.lang.loader import load_profile_data

PROFILE = load_profile_data("nl")
