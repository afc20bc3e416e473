# report: see messages.ftl for the conventions.
