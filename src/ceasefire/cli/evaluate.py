"""Command group: eval — accuracy against gold data written by others (../shared/data).

Each evaluation is a module of :mod:`ceasefire.eval` exposing a click command named ``command``.
"""

from __future__ import annotations

import importlib
import importlib.util

from ceasefire.cli import main

EVALUATIONS = ["fakes", "acled", "isaf", "geoparse", "dedup", "all"]


@main.group(name="eval")
def evaluate() -> None:
    """Score extraction against gold sets (FA-KES, ACLED, ISAF, geoparsing, dedup pairs)."""


for _name in EVALUATIONS:
    if importlib.util.find_spec(f"ceasefire.eval.{_name}") is not None:
        _module = importlib.import_module(f"ceasefire.eval.{_name}")
        if hasattr(_module, "command"):
            evaluate.add_command(_module.command, _name)
