"""Page chrome left in body text by scrapers and extractors: lines that are not news.

trafilatura keeps whatever sits in body paragraphs, and copy-pasted pages keep
everything. A line is chrome when it is, as a whole, one of:

- a region or consent notice ("This content is not available in your region",
  "We use cookies to ...", "Accept all cookies");
- a comments widget ("Access to the comments", "Comments", "12 comments",
  "Leave a comment");
- a share bar ("Share this article", "Facebook Twitter Email", "Tweet");
- a newsletter or app prompt ("Sign up for our newsletter", "Download our app");
- a link to another story ("Read more", "READ MORE: ...", "Related", "Related:
  ...", "More on this story", "Most read", "Watch: ...");
- a credit, copyright or navigation crumb ("Advertisement", "© 2016 Euronews",
  "All rights reserved", "Skip to main content", "Back to top");
- press-release furniture ("News release", "For further information, please
  contact ...", "ENDS").

Matching is on whole lines only, and long lines (over ``_MAX_CHROME_CHARS``) are
never chrome, so a report's own sentence that happens to contain "cookies" or
"read more" is kept. Bylines, date lines and repeated headlines are handled by
:mod:`ceasefire.sources.metadata`, which needs to keep what they say.
"""

from __future__ import annotations

import re

# Chrome is short: a sentence of a report is longer than any banner we drop.
_MAX_CHROME_CHARS = 240

_EXACT = re.compile(
    r"^(?:"
    r"this (?:content|video|page) is not available in your (?:region|country)"
    r"|access to the comments(?: comments)?"
    r"|(?:\d+ |no )?comments?(?: \(\d+\))?"
    r"|(?:leave|add|post|view|show|hide|read) (?:a |the |all )?comments?"
    r"|(?:share|share this|share this (?:article|story|page)|share on \w+|share:?|tweet|email|e-mail|print|whatsapp|copy link|copied)"
    r"|(?:(?:facebook|twitter|x|linkedin|whatsapp|telegram|email|e-mail|reddit|print|messenger|vk|copy link)[ ,|/]*){1,9}"
    r"|advertisement|advertising|sponsored(?: content)?|ad"
    r"|read more|read next|read also|see also|more on this story|more from [\w ]{1,30}|related|related (?:articles?|stories|content|topics|news|coverage)"
    r"|most (?:read|viewed|popular|shared)|trending(?: now)?|top stories|latest news|editor'?s picks?|recommended(?: for you)?"
    r"|skip to (?:main )?content|back to top|next article|previous article|loading(?:\.\.\.|…)?|menu|search|home|close"
    r"|listen to (?:this )?article|play video|watch video|video|photos?|gallery"
    r"|accept(?: all)? cookies|cookie (?:settings|policy|preferences)|manage (?:cookies|consent|preferences)|(?:i )?accept|reject all|agree"
    r"|newsletters?|subscribe|sign up|log ?in|sign in|register"
    r"|all rights reserved\.?"
    r"|(?:news|press|media) release|for immediate release|ends|-?\s*ends\s*-?|###"
    r")[\s.:!|›»>]*$",
    re.I,
)

# Lines that start like a teaser, a prompt or a notice; kept short by _MAX_CHROME_CHARS.
_PREFIX = re.compile(
    r"^(?:"
    r"read (?:more|also|next)\b\s*[:|»›>-]|see also\s*:|related\s*[:|»›>-]|watch\s*:|video\s*:|listen\s*:"
    r"|more\s*:|also read\s*:|recommended\s*:|must read\s*:"
    r"|(?:©|\(c\)|copyright\b)"
    r"|(?:sign up|subscribe|register) (?:for|to) (?:our|the|a)\b"
    r"|get (?:our|the) [\w ]{0,30}newsletter"
    r"|download (?:our|the) [\w ]{0,20}app"
    r"|follow (?:us|euronews|[\w ]{1,20}) on (?:facebook|twitter|x|instagram|telegram|youtube)"
    r"|click here\b|tap here\b"
    r"|for (?:further|more) information,? (?:please )?contact\b|media (?:contact|enquiries)\s*:"
    r"|we (?:and our partners )?use cookies|this (?:site|website) uses cookies|by (?:continuing|using) (?:to use )?(?:this|our) (?:site|website)"
    r"|you (?:need|have) to (?:enable|allow) (?:javascript|cookies)"
    r"|image (?:source|caption)\s*[:,]|photo(?:graph)? credit\s*:|getty images$"
    r")",
    re.I,
)


def is_chrome(line: str) -> bool:
    """True for a line that is page furniture, not part of the report."""
    s = line.strip()
    if not s or len(s) > _MAX_CHROME_CHARS:
        return False
    return bool(_EXACT.match(s) or _PREFIX.match(s))


def strip_chrome(text: str) -> str:
    """The text without chrome lines."""
    return "\n".join(line for line in text.split("\n") if not is_chrome(line))
