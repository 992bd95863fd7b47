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


def relayed_claim_document(body: str, speaker: str, via: str) -> Document:
    """A Dutch document of one sentence in which person `speaker` 'zegt' something, passed on
    by the organisation `via`."""
    cue = body.index("zegt")
    attribution = Attribution(
        SourceRef(speaker, "person"),
        "indirect",
        TextSpan("zegt", cue, cue + 4),
        via=[SourceRef(via, "organization")],
        confidence=0.7,
    )
    return Document(language="nl", statements=[Statement(0, 0, 0, len(body), body, [attribution])])
