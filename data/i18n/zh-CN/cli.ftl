# cli: what the command line prints (besides the report). See messages.ftl for the conventions.
