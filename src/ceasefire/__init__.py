"""ceasefire: a ceasefire and conflict monitor.

Reports (articles, bulletins, press releases, feeds) flow one way:
sources -> documents -> nlp -> extract -> resolve -> store -> consolidate -> analyse -> surfaces.
"""

__version__ = "0.1.0"
