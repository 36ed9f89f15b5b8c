"""The documentation that is generated from the code is current."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_command_reference_matches_the_commands():
    r = subprocess.run([sys.executable, str(REPO / "scripts" / "cli_reference.py"), "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_readme_names_exactly_the_two_setup_commands_and_ci_runs_the_second():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/demo.sh" in readme and "bash scripts/test.sh" in readme
    ci = [line for line in (REPO / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert ci == ["exec bash scripts/test.sh"]
