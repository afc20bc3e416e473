# errors: what a file, protocol or record refuses, in the window and on the command line. See messages.ftl for the conventions.
