"""pipeline.matchers"""
