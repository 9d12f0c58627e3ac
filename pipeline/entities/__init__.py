"""Entities: the entity component (``component``) over the model's entities and rule patterns, and
the fixes by family; country and place tables (``countries``), recasing of all-caps lines
(``recase``)."""
