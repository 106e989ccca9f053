"""Models of palabre.meetings."""
