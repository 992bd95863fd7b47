"""How stored text is put on a page: isolated from its surroundings, links only to the web.

Names, titles, publishers and quoted text come from articles anybody can
import. Two things keep them from changing the page around them:

- `isolate` wraps a value in `<bdi>`, so right-to-left text or a stray
  direction override in it cannot reorder the words next to it (the
  element is `unicode-bidi: isolate` with its own direction);
- the `web_address` test is true only for http:// and https:// addresses,
  so a stored `javascript:` or `data:` address is never made a link.
"""

from __future__ import annotations

from flask import Flask
from markupsafe import Markup

from claimtrack.ingest.fields import is_web_address


def isolate(value) -> Markup:
    """`value` escaped inside `<bdi>` (nothing for None or an empty string)."""
    if value is None or value == "":
        return Markup("")
    return Markup("<bdi>{}</bdi>").format(value)


def web_address(value) -> bool:
    """True for a string holding an absolute http:// or https:// address."""
    return isinstance(value, str) and is_web_address(value.strip())


def install(app: Flask) -> None:
    """Make `|isolate` and `is web_address` available to every template of `app`."""
    app.jinja_env.filters["isolate"] = isolate
    app.jinja_env.tests["web_address"] = web_address
