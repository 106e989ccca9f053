"""Recognition's API v1 routes (picked up by palabre/api.py through ``routers``)."""

from palabre.recognition.api import (
    attestations,
    contributors,
    directory,
    featured,
    presenters,
    thanks,
)

routers = {
    "/thanks": thanks.router,
    "/contributors": contributors.router,
    "/featured": featured.router,
    "/directory": directory.router,
    "/attestations": attestations.router,
    "/presenters": presenters.router,
}
