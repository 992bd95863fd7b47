"""Text as it is stored: Unicode NFC, without control and invisible formatting characters.

Every article passes through here on import, whatever door it came in by
(file, folder, standard input, web form, API), so what is stored, searched
and compared is clean text:

- composed characters (NFC), so "é" typed two ways is one name;
- no terminal escape sequences (colour codes such as ESC [31m pasted from a
  terminal), whole, so their printable tail does not stick to the text;
- no C0/C1 control characters except tab, line feed and carriage return;
- no zero-width or soft-hyphen characters, which would split one name into
  two sources without anybody seeing why;
- no bidirectional embedding, override or isolate controls, which would
  reorder the text shown after them.

Lone surrogates (from JSON escapes such as ``"\\ud800"``) are not text at all:
they are refused, not silently dropped.
"""

from __future__ import annotations

import re
import unicodedata

INVISIBLE_OR_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 and C1 controls but tab, LF and CR
    "\u00ad"  # soft hyphen
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks, embeddings, isolates
    "\u200b-\u200d\u2060-\u2064\ufeff]"  # zero-width spaces and joiners, word joiner, BOM
)
# ECMA-48 control sequences: ESC [ or the one-character CSI, parameters, one final byte
TERMINAL_ESCAPE = re.compile("(?:\x1b\\[|\x9b)[0-?]*[ -/]*[@-~]")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """`text` in NFC with control and invisible formatting characters removed."""
    text = TERMINAL_ESCAPE.sub("", text)
    return INVISIBLE_OR_CONTROL.sub("", unicodedata.normalize("NFC", text))


def unencodable_reason(text: str) -> str | None:
    """Why `text` cannot be stored as UTF-8 (a lone surrogate), or None when it can."""
    found = LONE_SURROGATE.search(text)
    if found is None:
        return None
    return f"contains a lone surrogate \\u{ord(found.group()):04x} at character {found.start()}, which is not text"
