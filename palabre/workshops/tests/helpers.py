"""Small helpers shared by this app's tests."""

import html


def text(response) -> str:
    """The page as a person reads it (entities such as &#x27; turned back into characters)."""
    return html.unescape(response.content.decode())
