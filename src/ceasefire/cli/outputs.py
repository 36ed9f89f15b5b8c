"""Commands: outputs (to come)."""
