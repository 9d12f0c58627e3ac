"""newsrel: entities, relations and events from English news, out as JSONL."""

__version__ = "0.1.0"
