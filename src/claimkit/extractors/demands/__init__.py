"""The demands extractor (placeholder while it is being written)."""
