"""Dask worker preload: load the language models when the worker starts.

    dask worker tcp://HOST:8786 --nworkers 4 --nthreads 1 --preload claimtrack.batch.dask_worker

A worker without it loads the models on its first extraction task (a few
seconds per worker, inside the first job's time); with it, a long-lived
worker is ready before any job arrives.
"""

from __future__ import annotations

from claimtrack.batch.allocator import tune_allocator
from claimtrack.engine.extract import Body, get_extractor

# one sentence per language the shipped pipelines serve: analysing them loads the
# pipeline, the word lists and (for English) the cue model
WARM_UP = (
    Body('"We zijn er klaar voor," zei de minister.', "nl"),
    Body('"We are ready," the minister said.', "en"),
)


def load_models() -> None:
    """Load every language model the extraction uses, in this process."""
    for result in get_extractor().analyse_bodies(list(WARM_UP)):
        if isinstance(result, Exception):
            raise result


def dask_setup(worker=None) -> None:
    """Called by `dask worker --preload claimtrack.batch.dask_worker` as the worker starts."""
    tune_allocator()
    load_models()
