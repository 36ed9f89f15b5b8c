"""Commands: monitor (to come)."""
