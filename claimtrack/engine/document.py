"""The engine's result types, and their rendering in the extraction contract.

The JSON shape is fixed by the `claimtrack extract` contract
(format_version 1): see `to_contract()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FORMAT_VERSION = 1

SOURCE_KINDS = ("person", "organization", "group", "unknown")
ATTRIBUTION_TYPES = ("direct", "indirect", "mixed", "according_to", "reportative", "nominal")


@dataclass
class TextSpan:
    """A piece of the document text with its character offsets (text[start:end])."""

    text: str
    start: int
    end: int

    def to_contract(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class SourceRef:
    """A resolved source: canonical `name`, and the mention in this sentence if any."""

    name: str
    kind: str = "unknown"
    mention: str | None = None
    start: int | None = None
    end: int | None = None
    affiliation: str | None = None  # e.g. "NAVO" for Jens Stoltenberg

    def to_contract(self) -> dict[str, Any]:
        data = {
            "name": self.name,
            "mention": self.mention,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
        }
        if self.affiliation:
            data["affiliation"] = self.affiliation
        return data


@dataclass
class Attribution:
    """Who makes a claim (speaker), the words that say so (cue), and the claim (content)."""

    speaker: SourceRef
    type: str
    cue: TextSpan | None = None
    content: TextSpan | None = None
    via: list[SourceRef] = field(default_factory=list)
    confidence: float = 0.5

    def to_contract(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_contract(),
            "cue": self.cue.to_contract() if self.cue else None,
            "content": self.content.to_contract() if self.content else None,
            "type": self.type,
            "via": [v.to_contract() for v in self.via],
            "confidence": round(float(self.confidence), 3),
        }


@dataclass
class Statement:
    """One sentence of the body, with the attributions it carries (none = narration)."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str
    attributions: list[Attribution] = field(default_factory=list)

    def to_contract(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "attributions": [a.to_contract() for a in self.attributions],
        }


@dataclass
class Document:
    """The engine's analysis of one text; offsets index into the text it was given."""

    language: str
    statements: list[Statement]
    publisher: str | None = None
    date: str | None = None
    title: str | None = None
    path: str | None = None

    def to_contract(self) -> dict[str, Any]:
        """Render as one JSON Lines object of the `claimtrack extract` contract."""
        return {
            "path": self.path,
            "format_version": FORMAT_VERSION,
            "language": self.language,
            "publisher": self.publisher,
            "date": self.date,
            "statements": [s.to_contract() for s in self.statements],
        }


def document_from_contract(record: dict[str, Any]) -> Document:
    """Rebuild a Document from its contract object (the inverse of Document.to_contract).

    Offsets are taken as they are: a record printed with body offsets gives a
    Document whose offsets index into the body.
    """
    return Document(
        language=record["language"],
        statements=[_statement_from(s) for s in record["statements"]],
        publisher=record.get("publisher"),
        date=record.get("date"),
        title=record.get("title"),
        path=record.get("path"),
    )


def _statement_from(data: dict[str, Any]) -> Statement:
    return Statement(
        index=data["index"],
        paragraph=data["paragraph"],
        start=data["start"],
        end=data["end"],
        text=data["text"],
        attributions=[_attribution_from(a) for a in data["attributions"]],
    )


def _attribution_from(data: dict[str, Any]) -> Attribution:
    return Attribution(
        speaker=_source_from(data["speaker"]),
        type=data["type"],
        cue=_span_from(data.get("cue")),
        content=_span_from(data.get("content")),
        via=[_source_from(v) for v in data.get("via", [])],
        confidence=data["confidence"],
    )


def _source_from(data: dict[str, Any]) -> SourceRef:
    return SourceRef(
        name=data["name"],
        kind=data.get("kind", "unknown"),
        mention=data.get("mention"),
        start=data.get("start"),
        end=data.get("end"),
        affiliation=data.get("affiliation"),
    )


def _span_from(data: dict[str, Any] | None) -> TextSpan | None:
    return None if data is None else TextSpan(data["text"], data["start"], data["end"])
