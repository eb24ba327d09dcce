"""Named spaCy components, one module per entity kind.

Each module has a plain ``find_*(text)`` function (what the tests call) and a
component registered with ``@Language.factory`` that stores its results as
labelled spans in ``doc.spans["orgkg"]``. Words and patterns come from the
data files in ``extractors/data`` (see ``lexicon.py``).
"""
