"""Commands: serve (to come)."""
