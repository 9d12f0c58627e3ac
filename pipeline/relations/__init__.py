"""pipeline.relations.engine"""
