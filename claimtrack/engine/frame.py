"""The Frame: what one cue contributes in one sentence (token ranges)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token


@dataclass
class Frame:
    """One cue in a sentence, with token ranges for its source and content."""

    type: str
    cue: tuple[int, int]  # token range [start, end) of the cue words
    source: tuple[int, int] | None = None  # token range of the source mention
    content: tuple[int, int] | None = None  # token range of the content
    inverted: bool = False  # the cue follows its content ("..., meldt X")
    anaphoric: bool = False  # "Dat heeft hij gezegd": the content is earlier text
    unknown_source: bool = False  # passive hearsay ("er wordt beweerd dat")
    opinion: bool = False
    score: float = 0.8
    antecedent: tuple[int, int] | None = None  # "X, who said": `source` is "who", this is X

    def cue_tokens(self, doc: Doc) -> list[Token]:
        return list(doc[self.cue[0] : self.cue[1]])
