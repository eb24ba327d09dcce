"""The package's exceptions.

    OrgkgError
     ├── InputError        a file that cannot be read or parsed (names the file)
     ├── SchemaError       a type or relation the schema does not allow
     ├── StoreError        the graph store failed or is unreachable
     │    ├── QueryError   a Cypher query was rejected (message and position)
     │    │    └── UnresolvedName   a name that matches no node, or several
     │    └── EmptyGraph   the store holds nothing yet
     └── EngineError       the embedded engine could not be started or stopped

The CLI turns each into a ``click.ClickException`` with the message as it is.
"""


class OrgkgError(Exception):
    """Base of all errors the package raises on purpose."""


class InputError(OrgkgError):
    def __init__(self, path, reason):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class SchemaError(OrgkgError):
    pass


class StoreError(OrgkgError):
    pass


class QueryError(StoreError):
    pass


class EngineError(OrgkgError):
    pass


class UnresolvedName(QueryError):
    """A name given to a query that matches no node, or several (``matches``
    lists them then). The CLI prints the message and exits with code 3."""
    exit_code = 3

    def __init__(self, name, matches, message):
        self.name = name
        self.matches = list(matches)
        super().__init__(message)


class EmptyGraph(StoreError):
    """The store holds no graph at all, so no name can match."""
