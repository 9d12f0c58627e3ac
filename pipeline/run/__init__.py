"""Running extraction over many documents: batches (``jobs``, ``batch``), committed part files
(``parts``), progress, and the engines that run batches (``engines``: local processes, Dask)."""
