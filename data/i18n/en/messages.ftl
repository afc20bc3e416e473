# trialscreen's words in English. One message per id; placeholders are { $name }.
# The Chinese file (../zh-CN/messages.ftl) has the same ids and placeholders: the suite's
# `every_message_exists_in_both_languages_with_the_same_placeholders` checks it.

## Criterion status (the word beside every icon: colour never carries meaning alone)
status-met = met
status-not-met = not met
status-not-excluded = not excluded
status-excluded = excluded
status-missing = missing
status-judgment = judgment needed
status-not-applicable = not applicable
status-overridden = met by override

## Verdicts
verdict-eligible = ELIGIBLE
verdict-eligible-available = ELIGIBLE ON THE AVAILABLE CRITERIA
verdict-ineligible = INELIGIBLE
verdict-incomplete = INCOMPLETE

## Criterion kinds
kind-inclusion = inclusion
kind-exclusion = exclusion
heading-inclusion = Inclusion criteria
heading-exclusion = Exclusion criteria

## Menus
menu-file = File
menu-new-screening = New screening
menu-open = Open…
menu-open-recent = Open recent
menu-no-recent = No recent sessions
menu-open-example = Open example
menu-sessions = Sessions…
menu-save = Save
menu-save-as = Save as…
menu-print = Print…
menu-close-session = Close session
menu-quit = Quit
menu-session = Session
menu-sign = Sign…
menu-amend = Amend…
menu-create-identity = Create signing identity…
menu-view = View
menu-theme-light = Light
menu-theme-dark = Dark
menu-theme-system = Follow the system
menu-zoom-in = Zoom in
menu-zoom-out = Zoom out
menu-zoom-reset = Actual size
menu-protocols = Protocols…
menu-language = Language

## The printout
pdf-title = Screening summary
pdf-participant-code = Participant code
pdf-investigator = Investigator
pdf-screening-date = Screening date
pdf-consent-date = Consent date
pdf-enrollment-date = Enrollment / first dose
pdf-printed = Printed
pdf-session-file = Session file
pdf-status = Status
pdf-criterion = Criterion
pdf-deciding-values = Deciding values, decisions; source text
pdf-source = Source
pdf-interpretation = Interpretation
pdf-page = Page { $page } of { $pages }

## The board's filter and the still-needed line
filter-all = All
filter-not-met = Not met
filter-missing = Missing
filter-judgment = Judgment
filter-overridden = Overridden
filter-out-of-date = Out of date
still-needed-count = Still needed ({ $count })
still-needed-nothing = nothing
still-needed-hint = Would help decide { $criteria } criteria; click to go to the field
and-more = and { $more } more

## The visit section of the form
visit-heading = Visit
visit-participant-code = Participant code
visit-investigator = Investigator
visit-screening-date = Screening date
visit-consent-date = Consent date
visit-enrollment-date = Planned enrollment or first dose
visit-protocols = Protocols

## Explanations: the words around the deciding values
explain-question = needs the investigator's judgment: { $question }
explain-judged = judged: { $question }
explain-not-entered = { $what } not entered
explain-no-exposure = no matching treatment in the history
explain-no-history = treatment history not entered
explain-no-consent-date = consent date not entered
answer-yes = yes
answer-no = no
answer-unknown = answered unknown
answer-never = never
answer-ongoing = ongoing
answer-ongoing-since = ongoing since { $date }
answer-date-unknown = yes, date unknown
exposure-unchanged-since = , unchanged since { $date }
exposure-ongoing = , ongoing
exposure-last-dose = , last dose { $date }
exposure-dates-missing = { " " }(dates or dose not entered)
frequency-once-daily = once daily
frequency-twice-daily = twice daily
frequency-three-times-daily = three times daily
frequency-four-times-daily = four times daily
frequency-weekly = weekly
frequency-every-two-weeks = every 2 weeks
frequency-every-four-weeks = every 4 weeks
frequency-monthly = monthly
response-inadequate = inadequate response
response-intolerant = intolerance
response-adequate = adequate response

## Form fields
option-yes = Yes
option-no = No
option-unknown = Unknown
field-date = date
field-clear = Clear
explain-age = age
explain-at = { " " }at { $anchor }
explain-at-date = { " " }at { $anchor } ({ $date })
anchor-screening = screening
anchor-consent = consent
anchor-enrollment = enrollment / first dose
unit-years = { $n } years
unit-months = { $n } months
unit-points = { $n } points

## The start view
start-intro = Screening workstation: enter a patient once, see every criterion of the selected protocols.
start-open-session = Open a session
start-recent = Recent sessions
start-sessions-folder = Sessions folder
start-examples = Worked examples (open as templates)
start-cohort = Cohort
start-screening = Start screening
hint-participant-code = screening code, never a name
hint-date = YYYY-MM-DD
hint-not-yet-known = not yet known
hint-name = name

## Dialogs
dialog-cancel = Cancel
dialog-close = Close
dialog-reason = Reason
dialog-investigator-name = Investigator's name
override-title = Override { $criterion }: { $title }
override-not-needed = This criterion no longer fails: no override is needed.
override-conditions = The protocol's conditions
override-refused = The protocol does not allow this override: { $why }
override-answer-all = Answer every question to record the override.
override-give-reason = Give the reason to record the override.
override-record = Record override
judgment-title = Decide { $criterion }: { $title }
judgment-interpretation = Interpretation: { $interpretation }
judgment-record = Record judgment

## The header
header-participant = Participant { $code }
header-example = example: saving asks for a new file
header-screening = screening { $date }
header-consent = consent { $date }
header-enrollment = enrollment { $date }
header-enrollment-unknown = enrollment not yet known
filter-f8 = F8: next undecided
filter-f8-at = F8: next undecided (at { $protocol } { $criterion })

## Units written as words (a symbol such as mg/dL is the same in every language)
unit-word-years = years
unit-word-months = months
unit-word-points = points
unit-word-titer = titer
