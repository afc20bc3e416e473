# cli: see messages.ftl for the conventions.
