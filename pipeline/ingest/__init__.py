"""Reading inputs: files, folders and JSONL (``files``), cleaning (``clean``), the layout of each
text (``layout``: headline, dateline, outlet, sentence starts) and its publication date
(``published``). Everything here works on text, before spaCy."""
