"""Internal training's pages, one module per area, each with its own ``urlpatterns``."""
