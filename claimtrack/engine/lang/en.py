"""English: the profile read from `data/en/`, plus the lexicon and cue model learned from PolNeAR
(the model is read when an English text first needs it)."""

from __future__ import annotations

from claimtrack.engine.cue_model import lazy_cue_model
from claimtrack.engine.lang.learned import load_learned_cues
from claimtrack.engine.lang.loader import load_profile_data

PROFILE = load_profile_data(
    "en", learned_cues=load_learned_cues("en"), cue_model=lazy_cue_model("en")
)
