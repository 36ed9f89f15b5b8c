"""Commands: watch (to come)."""
