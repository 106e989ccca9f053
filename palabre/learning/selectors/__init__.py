"""Internal training's selectors, one module per area: needs, trainings, quiz, sessions, follow-ups."""
