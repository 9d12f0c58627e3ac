"""pipeline.present"""
