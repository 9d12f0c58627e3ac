"""pipeline.resolve.clusters"""
