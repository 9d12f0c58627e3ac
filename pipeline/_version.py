"""The version of newsrel: one place, read by the package, the records and pyproject.toml."""

__version__ = "0.1.0"
