"""Extraction over many files: on all cores of one machine, or on a Dask cluster.

Analysis is a pure function of an article's text, so it runs anywhere; the
database is written by one process only (the importer), in input order, so
the result does not depend on how the work was spread.
"""
