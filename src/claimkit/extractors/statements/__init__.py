"""The statements extractor (placeholder while it is being written)."""
