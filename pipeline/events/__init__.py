"""Events from the rules of ``models/event_rules.jsonl``: rule files in ``rules``; ``engine`` runs
``triggers``, ``frames`` (with ``roles``, ``scopes`` and ``status``) and ``merge``; the component
is ``component.EventRules``."""
