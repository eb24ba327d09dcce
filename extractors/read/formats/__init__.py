"""Per-format readers: bytes or a file -> the text that offsets count in.

Each reader raises ``InputError(path, reason)`` with one plain reason.
"""
