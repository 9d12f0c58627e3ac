"""Events from the rules of ``models/event_rules.jsonl`` (rule files: ``rules``; matching:
``engine``); the component is ``component.EventRules``."""
