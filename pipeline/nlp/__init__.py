"""The one ``nlp`` object: built from ``models/pipeline.json`` (``build``), newsrel's factories
registered in one place (``components``), every ``Doc._``/``Span._`` slot with its one writer
(``extensions``), layout sentence starts (``sentences``) and long documents in chunks (``chunking``)."""
