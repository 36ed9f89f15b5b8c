"""Every extraction evaluation in one table: each figure of issue 3 next to its goal."""

from __future__ import annotations

import click

from ceasefire.eval.runner import FieldScore


@click.command()
@click.option("--data", "data_dir", type=click.Path(file_okay=False), default=None, help="The gold data folder (default ../shared/data).")
@click.option("--limit", type=int, default=None, help="At most N records per set (ACLED: per part).")
@click.option("--jobs", type=int, default=2, show_default=True, help="Processes for extraction.")
def command(data_dir, limit, jobs) -> None:
    """FA-KES, ACLED and ISAF: every per-field figure with its goal (met or not)."""
    from ceasefire.eval import acled, fakes, isaf

    rows: list[tuple[str, FieldScore]] = []
    rows += [("FA-KES", s) for s in fakes.evaluate(data_dir, limit, jobs)]
    scores, _per_class, _n = acled.evaluate(data_dir, limit, jobs)
    rows += [("ACLED", s) for s in scores if s.goal is not None]
    rows += [("ISAF", s) for s in isaf.evaluate(data_dir, limit, jobs) if s.goal is not None]
    click.echo(f"{'set':<8} {'field':<32} {'value':>6}  {'n':>5}  goal")
    for name, s in rows:
        verdict = "met" if s.value >= s.goal else "NOT met"
        click.echo(f"{name:<8} {s.name:<32} {s.value:6.3f}  {s.scored:>5}  >= {s.goal:.2f} {verdict}")
    met = sum(s.value >= s.goal for _, s in rows)
    click.echo(f"{met} of {len(rows)} goals met")
