"""Models of palabre.announcements."""
