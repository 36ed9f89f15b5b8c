"""Commands: geo (to come)."""
