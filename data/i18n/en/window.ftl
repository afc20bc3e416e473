# window: the dialogs, notices, the session browser, the treatment table and the instrument checklists. See messages.ftl for the conventions.
