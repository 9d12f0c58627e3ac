"""pipeline.entities.fixes"""
