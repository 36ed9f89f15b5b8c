from ceasefire.cli import run

run()
