"""Page chrome left in body text by scrapers and extractors: lines that are not news."""

from __future__ import annotations

import re

_CHROME = re.compile(
    r"^(this content is not available in your region"
    r"|access to the comments( comments)?"
    r"|comments?"
    r"|share( this)?( article)?"
    r"|advertisement"
    r"|read more"
    r")\s*$",
    re.I,
)


def is_chrome(line: str) -> bool:
    """True for a line that is page furniture, not part of the report."""
    return bool(_CHROME.match(line.strip()))


def strip_chrome(text: str) -> str:
    """The text without chrome lines."""
    return "\n".join(line for line in text.split("\n") if not is_chrome(line))
