"""Running the pure record functions (suggestions, exporters) on many machines."""
