"""Relations between entity mentions from the rules of ``models/relation_rules.jsonl`` (``rules``,
matched by ``matching``, turned into relations by ``engine``), each making a type of
``models/relation_types.json`` (``types``); the component is ``component.RelationRules``."""
