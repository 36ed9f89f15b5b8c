"""Commands: evaluate (to come)."""
