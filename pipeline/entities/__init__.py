"""Entities: the entity component (``component``) over the model's entities and rule patterns
(joined in ``merge``), then the fixes by family in the order ``families`` gives (``spans``,
``names``, ``places``, ``sports``, ``document``), each over :class:`EntitySpan` values
(``entity_span``); country tables (``countries``), recasing of all-caps lines (``recase``)."""
