"""pipeline.nlp.build"""
