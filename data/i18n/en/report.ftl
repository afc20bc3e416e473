# report: the one view of a screening (board, printout, text output), explanations, still-needed, the printout and the screening log. See messages.ftl for the conventions.
