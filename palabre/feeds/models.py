"""Models of palabre.feeds."""
