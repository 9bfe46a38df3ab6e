"""Attach times to claims (placeholder)."""
