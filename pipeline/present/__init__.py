"""Showing records: lookups over a record (``views``), pandas tables (``tables``), displaCy
(``displacy``), the terminal (``terminal``) and the HTML report (``report``)."""
