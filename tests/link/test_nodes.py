"""Which clusters of a record become nodes for cross-document linking."""

from __future__ import annotations

from pipeline.link.nodes import entity_nodes
from pipeline.link.rules import load_link_rules
from pipeline.schema import Cluster
from tests.link.builders import Cl, record


def test_unnamed_entity_is_no_linking_node() -> None:
    rec = record(
        "d1", "Acme Corp opened a plant. The company hired 300 people.", [Cl("ORG", "Acme Corp")]
    )
    # a chain of descriptions that reaches no name (coreference's unnamed entities)
    rec.clusters.append(Cluster(id="E2", label="ORG", name="The company", mentions=[]))
    nodes = entity_nodes(rec, load_link_rules(), 0, 0)
    assert [n.name for n in nodes] == ["Acme Corp"]
