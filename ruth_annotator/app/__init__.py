"""The application layer: every use case of a project, with no Qt in it.

The window, the command line and the Dask recipe call these functions; they in turn use the
store (the only place with SQL), the pure model, the formats and the suggestion engine.
"""
