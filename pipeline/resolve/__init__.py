"""Who is who in one document: clusters of mentions (``clusters``), acronym definitions
(``acronyms``); the component is ``component.Resolver``."""
