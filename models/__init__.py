"""newsrel's data: pipeline config and rule files (installed as ``pipeline.models``)."""
