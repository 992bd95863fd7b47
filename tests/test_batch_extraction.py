"""Extraction spread over worker processes or a Dask cluster gives what one process gives."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from claimtrack.batch.allocator import allocator_tuned
from claimtrack.store import open_database

ARTICLES = {
    "a-haven.txt": (
        "# title: Havenstaking\n# publisher: De Kustkrant\n# date: 2025-03-04\n\n"
        "De havenbond heeft dinsdag een staking aangekondigd. Dat heeft voorzitter Ria de Vos"
        " gezegd.\n\n„We leggen maandag het werk neer”, zei De Vos. Volgens de directie is de"
        " staking onnodig. De bond zou al weken met acties hebben gedreigd.\n"
    ),
    "b-ferry.json": json.dumps(
        {
            "title": "Ferry back in service",
            "body": "The ferry will sail again on Friday, the operator said.\n\n"
            '"Repairs are finished," spokeswoman Dana Price told reporters. '
            "Passengers reportedly waited for three days.",
            "publisher": "Coast Courier",
            "date": "2025-03",
        }
    ),
    "c-brug.txt": (
        " date 2025-04 De gemeente sluit de brug over de Velde. Dat meldt wethouder Karin"
        " van den Berg.\n\nDe aannemer zegt dat de schade groter is dan gedacht.\n"
    ),
    "d-leeg.txt": "",
    "e-market.txt": (
        "The council said the market will move to the harbour. According to the mayor, "
        'traders were consulted.\n\n"Nobody asked us," said trader Omar Haddad.\n'
    ),
    "f-haven-kopie.txt": None,  # same content as a-haven.txt: stored once
}


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "archief"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(ARTICLES["a-haven.txt"] if text is None else text, "utf-8")
    return root


def rows_of(db_path) -> dict[str, list]:
    """Every stored row but the import timestamps, table by table."""
    connection = sqlite3.connect(db_path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name"
            )
        ]
        dump = {}
        for table in tables:
            columns = [
                f'"{row[1]}"'
                for row in connection.execute(f"PRAGMA table_info({table})")
                if row[1] not in ("imported_at", "created_at")
            ]
            dump[table] = connection.execute(
                f"SELECT {', '.join(columns)} FROM {table} ORDER BY {', '.join(columns)}"
            ).fetchall()
        return dump
    finally:
        connection.close()


def outcome_lines(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_with_two_workers_prints_the_same_bytes(cli_runner, folder):
    one = cli_runner("extract", str(folder))
    two = cli_runner("extract", "--jobs", "2", str(folder))
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    assert len(one.stdout.splitlines()) == len(ARTICLES)
    speakers = {
        attribution["speaker"]["name"]
        for line in one.stdout.splitlines()
        for statement in json.loads(line)["statements"]
        for attribution in statement["attributions"]
    }
    assert {"Ria de Vos", "Dana Price", "Omar Haddad"} <= speakers


def test_import_with_two_workers_stores_the_same_rows(cli_runner, folder, tmp_path):
    serial, parallel = tmp_path / "serial.db", tmp_path / "parallel.db"
    one = cli_runner("import", "--json", "--db", str(serial), str(folder))
    two = cli_runner("import", "--json", "--jobs", "2", "--db", str(parallel), str(folder))
    assert one.exit_code == two.exit_code == 1
    assert outcome_lines(two) == outcome_lines(one)
    statuses = [line["status"] for line in outcome_lines(one)]
    assert statuses == ["imported", "imported", "imported", "error", "imported", "unchanged"]
    assert rows_of(parallel) == rows_of(serial)
    assert len(rows_of(serial)["articles"]) == 4


def test_import_records_are_stored_without_analysis_and_give_the_same_rows(
    cli_runner, folder, tmp_path, monkeypatch
):
    records = cli_runner("extract", "--for-import", str(folder))
    shard = tmp_path / "records.jsonl"
    shard.write_text(records.stdout, encoding="utf-8")
    direct, bulk = tmp_path / "direct.db", tmp_path / "bulk.db"
    cli_runner("import", "--db", str(direct), str(folder))

    def no_models(*args, **kwargs):
        raise AssertionError("import --from-jsonl must not analyse")

    monkeypatch.setattr("claimtrack.engine.extract.Extractor.analyse_body", no_models)
    loaded = cli_runner("import", "--json", "--from-jsonl", "--db", str(bulk), str(shard))
    assert loaded.exit_code == 1  # the empty file's record is an error
    assert [line["status"] for line in outcome_lines(loaded)] == [
        "imported",
        "imported",
        "imported",
        "error",
        "imported",
        "unchanged",
    ]
    assert rows_of(bulk) == rows_of(direct)


def test_broken_record_lines_are_reported_and_the_rest_stored(cli_runner, folder, tmp_path):
    records = cli_runner("extract", "--for-import", str(folder / "a-haven.txt")).stdout
    shard = tmp_path / "records.jsonl"
    shard.write_text(
        '{"path": "x", "body": \n' + "[1, 2]\n" + records + '{"format_version": 1}\n', "utf-8"
    )
    result = cli_runner("import", "--from-jsonl", str(shard))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    assert f"{shard}:1" in errors[0] and "not a JSON object" in errors[0]
    assert f"{shard}:4" in errors[2] and "not an import record" in errors[2]
    assert "imported 1, unchanged 0, failed 3" in result.stdout


def test_a_tampered_record_is_refused_whole(cli_runner, db_path, folder, tmp_path):
    [record] = outcome_lines(cli_runner("extract", "--for-import", str(folder / "c-brug.txt")))
    record["statements"][0]["start"] += 3  # offsets no longer select the text
    shard = tmp_path / "records.jsonl"
    shard.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = cli_runner("import", "--from-jsonl", str(shard))
    assert result.exit_code == 1
    assert open_database(db_path)["articles"].count == 0


def test_dask_and_shards_go_together(cli_runner, folder):
    result = cli_runner("extract", "--dask", "tcp://127.0.0.1:1", str(folder))
    assert result.exit_code == 2 and "--dask and --shards" in result.output


@pytest.mark.slow
def test_a_dask_cluster_writes_shards_that_import_like_the_files(cli_runner, folder, tmp_path):
    distributed = pytest.importorskip("distributed")
    shards = tmp_path / "shards"
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        result = cli_runner(
            "extract",
            "--dask",
            cluster.scheduler_address,
            "--shards",
            str(shards),
            "--shard-files",
            "2",
            str(folder),
        )
        tuned = client.run(allocator_tuned)
    assert result.exit_code == 0, result.output
    # the nanny fixed glibc's thresholds; the workers' tasks raised them again
    assert list(tuned.values()) == [True, True]
    written = sorted(p.name for p in shards.iterdir())
    assert written == ["shard-00000.jsonl", "shard-00001.jsonl", "shard-00002.jsonl"]
    local = cli_runner("extract", "--for-import", str(folder)).stdout
    assert "".join((shards / name).read_text("utf-8") for name in written) == local

    direct, bulk = tmp_path / "direct.db", tmp_path / "bulk.db"
    cli_runner("import", "--db", str(direct), str(folder))
    loaded = cli_runner("import", "--from-jsonl", "--db", str(bulk), str(shards))
    assert "imported 4, unchanged 1, failed 1" in loaded.stdout
    assert rows_of(bulk) == rows_of(direct)


def _tuned_in_fresh_process(environment: dict[str, str]) -> str:
    code = (
        "from claimtrack.batch.allocator import tune_allocator, allocator_tuned;"
        "print(allocator_tuned(), tune_allocator())"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_allocator_thresholds_are_raised_only_where_the_environment_fixed_them():
    """Dask's nanny sets MALLOC_TRIM_THRESHOLD_, which pins glibc's mmap threshold low; a
    process started without it keeps glibc's own moving thresholds untouched."""
    plain = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    assert _tuned_in_fresh_process(plain) == "False False"
    assert _tuned_in_fresh_process({**plain, "MALLOC_TRIM_THRESHOLD_": "65536"}) == "False True"


def _loaded_pipelines() -> list[str]:
    from claimtrack.engine import pipeline

    return sorted(pipeline._pipelines)


def _tasks_run(dask_worker) -> int:
    return dask_worker.state.executed_count


@pytest.mark.slow
def test_preloaded_workers_share_one_shard_files_work(cli_runner, folder, tmp_path):
    """Workers started with the preload have the models before any job; a job whose output is
    one shard file is still spread over every worker, and gives what one process gives."""
    distributed = pytest.importorskip("distributed")
    shards = tmp_path / "shards"
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            preload=["claimtrack.batch.dask_worker"],
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert list(client.run(_loaded_pipelines).values()) == [["en", "nl"], ["en", "nl"]]
        result = cli_runner(
            "extract", "--dask", cluster.scheduler_address, "--shards", str(shards), str(folder)
        )
        tasks_per_worker = client.run(_tasks_run)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in shards.iterdir()) == ["shard-00000.jsonl"]
    local = cli_runner("extract", "--for-import", str(folder)).stdout
    assert (shards / "shard-00000.jsonl").read_text("utf-8") == local
    assert len(tasks_per_worker) == 2 and all(n > 0 for n in tasks_per_worker.values())


def _profiler_running(dask_worker) -> bool:
    return dask_worker.periodic_callbacks["profile"].is_running()


def _profiled_during_tasks(dask_worker) -> list[bool]:
    return dask_worker.__dict__.get("profiled_during_tasks", [])


@pytest.mark.slow
def test_workers_do_not_profile_while_a_job_runs_and_do_after_it(monkeypatch, folder, tmp_path):
    """A worker's profiler samples the running task's stack every 10 ms, which costs the
    parser dearly: paused for claimtrack's job, running again once it is done."""
    distributed = pytest.importorskip("distributed")
    from claimtrack.batch import dask_jobs

    analyse = dask_jobs.analyse_shard

    def recording(items, *args):
        worker = distributed.get_worker()
        running = worker.periodic_callbacks["profile"].is_running()
        worker.__dict__.setdefault("profiled_during_tasks", []).append(running)
        return analyse(items, *args)

    monkeypatch.setattr(dask_jobs, "analyse_shard", recording)
    paths = sorted(str(p) for p in folder.iterdir())
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert all(client.run(_profiler_running).values())
        dask_jobs.extract_on_dask(client, paths, tmp_path / "shards")
        during = next(iter(client.run(_profiled_during_tasks).values()))
        after = client.run(_profiler_running)
    assert during and not any(during)
    assert all(after.values())
