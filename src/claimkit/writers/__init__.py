"""Output formats for claims."""
