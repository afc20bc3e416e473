# window: see messages.ftl for the conventions.
