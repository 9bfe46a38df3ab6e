"""Resolve source mentions into one Source per real speaker (placeholder)."""
