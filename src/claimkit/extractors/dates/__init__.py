"""The dates extractor (placeholder while it is being written)."""
