"""The speed layer: spaCy matchers run only where a pattern can match (``windows``), dependency
rules gated per sentence (``gates``), the attribute ruler matching through an index
(``attributes``, ``ruler``) and the Doc text cache (``doctext``). ``NEWSREL_PLAIN_MATCHERS=1`` turns
all of it off (``switch``); the output is the same either way."""
