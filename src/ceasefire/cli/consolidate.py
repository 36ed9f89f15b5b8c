"""Commands: consolidate (to come)."""
