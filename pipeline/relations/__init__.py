"""Relations between entity mentions from the rules of ``models/relation_rules.jsonl``
(``engine``); the component is ``component.RelationRules``."""
