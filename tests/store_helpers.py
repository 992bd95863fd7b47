"""Documents built by hand for store tests: no language model involved."""

from __future__ import annotations

from claimtrack.engine.document import Attribution, Document, SourceRef, Statement, TextSpan


def one_claim_document(
    body: str, speaker: str, kind: str = "person", mention: str | None = None
) -> Document:
    """An English document of one sentence in which `speaker` (written as `mention`, by
    default its own name) 'said' something."""
    mention = mention or speaker
    start = body.index(mention)
    cue = body.index("said")
    attribution = Attribution(
        SourceRef(speaker, kind, mention, start, start + len(mention)),
        "indirect",
        TextSpan("said", cue, cue + 4),
        confidence=0.7,
    )
    return Document(language="en", statements=[Statement(0, 0, 0, len(body), body, [attribution])])
