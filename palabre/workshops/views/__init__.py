"""Pages of the workshops app, by moment: before (workshops, agenda), during, after, toolbox."""
