"""Recognition's API v1 routes (picked up by palabre/api.py through ``routers``)."""

from palabre.recognition.api import attestations, contributors, featured, thanks

routers = {
    "/thanks": thanks.router,
    "/contributors": contributors.router,
    "/featured": featured.router,
    "/attestations": attestations.router,
}
