"""Small helpers shared by several Palabre apps (not a Django app)."""
