"""Imported by the worker pool's fork server (batch.py): the extraction code, and the
finders' word lists and patterns built once there, so that every worker forked from
it starts with them instead of building them on its first file."""
from orgkg.extractors.extract import extract_file  # noqa: F401  (what the workers run)
from orgkg.extractors.recognise.pipeline import warm

warm()
