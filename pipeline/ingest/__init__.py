"""pipeline.ingest.files"""
