"""Small helpers shared by the adoptions tests."""

import html
import json


def text(response) -> str:
    """What a page or API answer says, with HTML entities and JSON escapes turned back."""
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return html.unescape(response.content.decode())
