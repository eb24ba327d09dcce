"""store/dialect.py: the rewrite of standard shortestPath for FalkorDB."""
import pytest

from orgkg.graph.store.dialect import falkordb_index, for_falkordb, for_neo4j, neo4j_constraint


@pytest.mark.parametrize("cypher, expected", [
    ("MATCH p = shortestPath((a)-[*..6]-(b)) RETURN p",
     "CALL algo.SPpaths({sourceNode: a, targetNode: b, relDirection: 'both', maxLen: 6, pathCount: 1}) "
     "YIELD path AS p RETURN p"),
    ("MATCH path=shortestPath((x)-[:SUPERVISES|PART_OF*1..4]->(y))",
     "CALL algo.SPpaths({sourceNode: x, targetNode: y, relDirection: 'outgoing', maxLen: 4, pathCount: 1, "
     "relTypes: ['SUPERVISES', 'PART_OF']}) YIELD path AS path"),
    ("MATCH p = shortestPath((x)<-[*..3]-(y))",
     "CALL algo.SPpaths({sourceNode: x, targetNode: y, relDirection: 'incoming', maxLen: 3, pathCount: 1}) "
     "YIELD path AS p"),
    ("MATCH (n) WHERE $name IN n.names RETURN n", "MATCH (n) WHERE $name IN n.names RETURN n"),
])
def test_store_dialect_rewrites_shortest_path_for_falkordb(cypher, expected):
    assert for_falkordb(cypher) == expected
    assert for_neo4j(cypher) == cypher


def test_store_dialect_index_statements():
    assert falkordb_index("Organization") == "CREATE INDEX FOR (n:`Organization`) ON (n.id)"
    assert neo4j_constraint("Person") == \
        "CREATE CONSTRAINT orgkg_person_id IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE"


def test_store_dialect_rewritten_path_runs_on_falkordb(falkor, make_kg):
    falkor.load(make_kg())
    rows = falkor.query("MATCH (a:Person), (b:Organization {name: '中国科学技术协会'}) "
                        "MATCH p = shortestPath((a)-[*..6]-(b)) RETURN length(p)").rows
    assert rows == [[2]]
