"""Write docs/cli.md from the `ceasefire` command's own help, so the reference cannot lie.

    .venv/bin/python scripts/cli_reference.py          # rewrite docs/cli.md
    .venv/bin/python scripts/cli_reference.py --check  # exit 1 if docs/cli.md is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ceasefire.cli import main

OUT = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def _sections(cmd: click.Command, path: list[str]) -> list[str]:
    ctx = click.Context(cmd, info_name=" ".join(path), terminal_width=100, max_content_width=100)
    out = [f"{'#' * min(len(path) + 1, 4)} `{' '.join(path)}`", "", "```", cmd.get_help(ctx), "```", ""]
    if isinstance(cmd, click.Group):
        for name in sorted(cmd.list_commands(ctx)):
            out += _sections(cmd.get_command(ctx, name), path + [name])
    return out


def render() -> str:
    head = ["# Command reference", "", "Generated from the code by `scripts/cli_reference.py`; do not edit by hand.", ""]
    return "\n".join(head + _sections(main, ["ceasefire"])).rstrip() + "\n"


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run scripts/cli_reference.py", file=sys.stderr)
            sys.exit(1)
        sys.exit(0)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
