"""Models of palabre.projects."""
