"""Several annotators: assignment packages, merging, agreement and adjudication. No Qt."""
