"""Internal training's services, one module per area: needs, trainings, quiz, sessions, follow-ups."""
