"""pipeline.events.engine"""
