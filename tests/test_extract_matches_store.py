"""What `claimtrack extract` prints for a file is what `claimtrack import` stores for it."""

from __future__ import annotations

import json

from claimtrack.store import open_database

ARTICLE = (
    "# title: Havenstaking\n"
    "# publisher: De Kustkrant\n"
    "# language: nl\n"
    "# date: 2024-05-06\n"
    "\n"
    "De havenbond heeft dinsdag een staking aangekondigd. Dat heeft voorzitter Anna Berg gezegd.\n"
    "\n"
    "„We leggen maandag het werk neer”, zei Berg. Volgens de directie is de staking onnodig,"
    " meldt persbureau NPB. De bond zou al weken met acties hebben gedreigd.\n"
)


def shifted(offset: int | None, by: int) -> int | None:
    return None if offset is None else offset + by


def stored_attributions(db_path):
    db = open_database(db_path)
    rows = db.execute(
        "SELECT a.body_offset, s.idx, at.speaker_name, at.type, at.cue_start, at.cue_end,"
        " at.content_start, at.content_end, at.id"
        " FROM attributions at JOIN statements s ON s.id = at.statement_id"
        " JOIN articles a ON a.id = s.article_id ORDER BY s.idx, at.position"
    ).fetchall()
    result = []
    for offset, idx, name, kind, cue_start, cue_end, content_start, content_end, at_id in rows:
        via = [
            v[0]
            for v in db.execute(
                "SELECT name FROM attribution_via WHERE attribution_id = ? ORDER BY position",
                [at_id],
            ).fetchall()
        ]
        result.append(
            (
                idx,
                name,
                kind,
                shifted(cue_start, offset),
                shifted(cue_end, offset),
                shifted(content_start, offset),
                shifted(content_end, offset),
                via,
            )
        )
    db.close()
    return result


def extracted_attributions(doc):
    result = []
    for statement in doc["statements"]:
        for a in statement["attributions"]:
            cue, content = a["cue"] or {}, a["content"] or {}
            result.append(
                (
                    statement["index"],
                    a["speaker"]["name"],
                    a["type"],
                    cue.get("start"),
                    cue.get("end"),
                    content.get("start"),
                    content.get("end"),
                    [v["name"] for v in a["via"]],
                )
            )
    return result


def test_stored_attributions_are_the_extracted_ones(cli_runner, tmp_path, db_path):
    path = tmp_path / "havenstaking.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    imported = cli_runner("import", "--json", str(path))
    assert imported.exit_code == 0, imported.output
    extracted = cli_runner("extract", "--format", "jsonl", str(path))
    assert extracted.exit_code == 0, extracted.output
    [doc] = [json.loads(line) for line in extracted.stdout.splitlines()]

    from_extract = extracted_attributions(doc)
    assert len(from_extract) >= 3  # at least the quote, the volgens clause and the hearsay
    assert stored_attributions(db_path) == from_extract
