"""Imported by the worker pool's fork server (batch.py): the extraction code, and every
word list and pattern it uses built once there, so that every worker forked from it
starts with them instead of building them on its first file."""
from orgkg.extractors.extract import extract_file, warm  # noqa: F401  (extract_file: what the workers run)

warm()
