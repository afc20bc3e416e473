# window: the dialogs, notices, the session browser, the treatment table and the instrument checklists. See messages.ftl for the conventions.

## Shared in the dialogs
dialog-ok = OK
dialog-passphrase = Passphrase

## Save as
saveas-title = Save the screening as
saveas-folder = Folder
saveas-choose-folder = Choose folder…
saveas-file-name = File name
saveas-enter-name = enter a file name
saveas-no-slash = a file name cannot contain / or \ (choose the folder with Choose folder…)
saveas-exists = { $path } already exists: choose another name

## Unsaved changes
unsaved-title = Unsaved changes
unsaved-text = { $name } has changes that are not saved.
unsaved-discard = Discard changes

## Recovery
recovery-title = Unsaved work was found
recovery-text = { $app } stopped before these changes were saved.
recovery-never-saved = { $code } (never saved)
recovery-journalled = journalled { $time }
recovery-restore = Restore
recovery-restore-name = Restore { $name }
recovery-discard = Discard
recovery-discard-name = Discard { $name }
recovery-later = Decide later

## Re-screen
rescreen-same-version = { $title } version { $version } will be evaluated with the site vocabulary loaded now: the meaning of an item, drug, class or unit it uses changed since screening.
rescreen-newer = { $title } will be evaluated under version { $newer } instead of version { $screened }. Version { $newer } corrects these readings:
rescreen-same-consequence = Overrides and judgments whose facts changed go out of date and are to be decided again. The re-screen is recorded in the audit trail.
rescreen-newer-consequence = Overrides and judgments recorded under version { $screened } go out of date and are to be decided again. The re-screen is recorded in the audit trail.
rescreen-button = Re-screen

## Withdraw
withdraw-override-title = Withdraw the override on { $criterion }
withdraw-judgment-title = Withdraw the judgment on { $criterion }
withdraw-override-text = The override stays in the audit trail with the reason for withdrawing it.
withdraw-judgment-text = The judgment stays in the audit trail with the reason for withdrawing it.
withdraw-reason = Reason for withdrawing
withdraw-button = Withdraw

## Amend
amend-title = Amend the signed screening
amend-text = The signature no longer covers the session once it is reopened; it stays in the audit trail.
amend-by = Amended by
amend-reason = Reason for the amendment
amend-button = Reopen for amendment

## Sign
sign-title = Sign the screening
sign-refused = ✖ Cannot be signed now: { $why }
sign-saves = Signing saves the session at once. It is then read-only; a later change needs an amendment with a reason.
sign-by = Signed by
sign-meaning-heading = What your signature means
sign-own-words = In my own words:
sign-own-words-field = Meaning of the signature
sign-not-decided = Not decided ({ $count }): signing states that you acknowledge them.
sign-acknowledge = I acknowledge that these criteria are not decided
sign-button = Sign and save
sign-meaning-eligible = Eligibility assessment complete: the participant is eligible for the protocols above
sign-meaning-screen-failure = Screen failure confirmed: the participant is not eligible for the protocols above
sign-meaning-reviewed-undecided = Screening reviewed: eligibility is not yet decided; what is undecided is acknowledged below
sign-meaning-reviewed = I confirm the eligibility assessment above
sign-acknowledged = { $statement }. Acknowledged as not decided: { $criteria }
sign-acknowledged-separator = {"; "}

## Signing identity
identity-title = Create a signing identity
identity-text = Your signatures are made with a key kept on this computer, encrypted under your passphrase (at least { $min } characters). It is asked for at every signature and cannot be recovered if forgotten.
identity-name = Name
identity-passphrase-again = Passphrase again
identity-create = Create
identity-created = Signing identity created for { $name }: key { $fingerprint }. Give the site this public key for its roster: { $key }

## Print
print-title = Print the screening summary
print-unsaved = ⚠ The session has unsaved changes: the summary shows them, but its file name and hash are those of the unsaved session. Save first to print what is on disk.
print-paper = Paper
print-letter = US Letter
print-written-to = The PDF is written to { $path }
print-write = Write PDF
print-open = Open in viewer
print-sending = Sending to the printer…
print-send = Send to printer
print-written = ✔ Written: { $path }
print-sent = sent to the printer
print-refused = the print system refused it ({ $status })
print-unreachable = the print system could not be reached: { $error }
print-no-viewer = no viewer could be started ({ $error }); the PDF is at { $path }
print-cannot-create = cannot create { $folder }: { $error }
print-no-session = no session is open

## Protocols
protocols-title = Protocols
protocols-protocol = Protocol
protocols-version = Version
protocols-criteria = Criteria
protocols-source = Source
protocols-bundled = bundled
protocols-site = site: { $file }
protocols-site-vocabulary = Site vocabulary
protocols-vocabulary-added = ✔ { $file }: added to the bundled vocabulary
protocols-not-loaded = Site files that did not load

## Problems and notices
problem-example-title = The example could not be opened
problem-no-example = there is no example { $file }
problem-read-only-title = This file is open read-only
problem-read-only = It cannot be changed, saved or signed here, so that its seal cannot vouch for what was cut or rewound. Find the file's latest version; `{ $command }` says the same.
problem-open-title = The session could not be opened
problem-not-saved-title = The session was not saved
problem-not-saved-advice = The session is still open, and its recovery journal keeps the changes. Save it elsewhere with Save as…
problem-journal-title = A recovery journal cannot be read
problem-journal-left = It was left as it is:
notice-journal-cannot-write = The recovery journal cannot be written: { $error }
notice-stale = Removed { $count } temporary file(s) left by an interrupted save (the session file itself is complete): { $files }
notice-site-problems = { $count } site protocol file(s) did not load; the other trials are available. See View → Protocols…
notice-saved = Saved to { $path }
notice-signed = Signed and saved to { $path }
notice-amended = Reopened for amendment and saved to { $path }
notice-journal-left = ; the recovery journal could not be removed ({ $left })
notice-ledger-problem = ; ⚠ this computer's witness ledger could not record the save ({ $problem }), so a later rollback to the version before cannot be seen here
notice-journal-not-removed = The recovery journal could not be removed: { $error }
notice-not-saved = not saved (see the message)
notice-no-file-dialog = No file dialog could be shown on this desktop (no desktop portal or { $tool }). Browse with File → Sessions…, or start with `{ $command }`.

## File dialogs
filedialog-filter = { $app } session
filedialog-open-title = Open a screening session
filedialog-folder-title = Choose a folder

## The header and the sessions window
header-amend = Amend…
header-sign = Sign…
header-signed = ✔ signed by { $by } at { $time }
header-contradicts = read-only: the session contradicts itself
header-read-only = ✖ read-only: { $why }
browser-window-title = Sessions

## The session browser
browser-choose-folder-name = Choose the sessions folder…
browser-refresh = Refresh
browser-filter = Filter
browser-filter-hint = code, protocol, verdict, date
browser-filter-name = Filter sessions
browser-reading-count = Reading the folder: { $read } of { $listed } session files…
browser-reading = Reading the folder…
browser-cache-problem = ⚠ { $problem }; the files themselves were read
browser-empty = No session files in this folder yet.
browser-counts = Screening log counts
browser-participant = Participant
browser-screening-date = Screening date
browser-file = File
browser-page = Sessions { $first }–{ $last } of { $count }
browser-previous = Previous
browser-previous-name = Previous sessions
browser-next = Next
browser-next-name = Next sessions
browser-sort-participant = Sort by participant
browser-sort-date = Sort by screening date
browser-sort-file = Sort by file
browser-verdicts = Verdicts
browser-signed = signed
browser-open = Open
browser-open-name = Open { $file }

## The treatment history
treatment-attest = Attest complete
treatment-attest-hint = Record, under your name, that the treatment history lists every treatment
treatment-none = No treatment entered.
treatment-remove = Remove
treatment-remove-name = Remove { $name }
treatment-start = start
treatment-start-name = { $name } start
treatment-last-dose = last dose
treatment-last-dose-name = { $name } last dose
treatment-ongoing-name = { $name } ongoing
treatment-dose = dose
treatment-dose-name = { $name } dose
treatment-unit-name = { $name } dose unit
treatment-frequency-name = { $name } frequency
treatment-since = unchanged since
treatment-since-name = { $name } dose unchanged since
treatment-response = response
treatment-not-entered = not entered
treatment-response-name = { $name } response
treatment-keep-dates = Keep these dates
treatment-dose-above-zero = a dose must be above 0
treatment-dose-invalid = dose: { $message }
treatment-add = Add a treatment
treatment-search-hint = search agent or brand
treatment-search-name = Search the drug catalogue
treatment-search-keys = ↑ ↓ choose a match, Enter adds it
treatment-no-match = No agent in the catalogue matches "{ $query }".
treatment-add-agent = Add { $agent }

## Form fields
field-date-name = { $item } date
field-keep-date = Keep this date
field-keep-typed = Keep { $value } as typed
field-use-unit = Use { $unit }
field-uln = ULN
field-uln-name = { $item } ULN
field-unit-name = { $item } unit
field-option-name = { $item }: { $option }
field-titer-hint = 1:80 or negative
event-never = Never
event-on-date = On a date
event-ongoing = Ongoing
event-date-unknown = Date unknown
event-since = since
event-since-name = { $item } since
method-name = { $item } method
method-unknown = by …?
method-by = by { $method }
method-hint = How the result was obtained: a criterion may count only one method

## Instrument checklists
checklist-score = score { $score }
checklist-score-range-one = score { $min }–{ $max } (1 item not assessed)
checklist-score-range = score { $min }–{ $max } ({ $count } items not assessed)
checklist-cannot-score = cannot be scored: { $error }
checklist-items = items
checklist-items-name = Items of { $item }
checklist-outside = { $item } { $value } { $unit } is outside { $min }–{ $max } { $unit }
checklist-invalid = { $item }: { $message }
checklist-unverified = unverified weight
checklist-unverified-hint = The weight of this item is not verified against the official form.
checklist-present = present
checklist-absent = absent
checklist-not-assessed = not assessed
checklist-classification = , { $words }
checklist-classified = classified
checklist-not-classified = not classified
checklist-entry-not-met = entry criterion not met: the criteria do not apply
checklist-excluded = excluded: an exclusion of the criteria applies
checklist-undetermined = undetermined: unassessed items could change the result

## The session browser's scan
browser-no-thread = the folder was read without a background thread: { $error }
browser-cache-not-written = the summary cache could not be written: { $error }
browser-cache-no-key = this installation's key could not be read, so no summary cache is kept: { $error }

## The criteria board's buttons and notes
board-withdraw = Withdraw…
board-override = Override…
board-decide = Decide…
board-study-information = Study information
board-none-shown = None shown under "{ $filter }".
board-none-in-source = None in the source document.
board-cohort = Cohort { $cohort }
board-source-hint = Click, or Enter, to show or hide the source text and its interpretation
board-source-name = Source text of { $protocol } { $criterion }
board-discretion = Discretion in the source: “{ $text }”

## The start view
start-date-invalid = { $field }: { $message }
start-enter-screening-date = enter the screening date
start-planned-enrollment = Planned enrollment
start-open-this = Open this session

## The visit section
visit-code-empty = the participant code cannot be empty
visit-enter-investigator = Enter the investigator's name: every change is recorded under it.
visit-choose-cohort = choose the cohort
visit-cohort-name = Cohort of { $protocol }

## Why a session cannot be signed now
refusal-read-only = this file is open read-only: { $why }
refusal-save-restored = save the restored session first (Save), then sign
refusal-save-to-file = save the session to a file first (Save as…); it is signed in its file
refusal-unsealed-legacy = a file of session format { $format } has no seal, so nothing shows that its trail is whole: compare it with its printed copy, save it (Save), which seals it on this computer, then sign
refusal-unsealed = this file has no seal, so nothing shows that its trail is whole: compare it with its printed copy, save it (Save), which seals it on this computer, then sign

## More form words
field-clear-name = Clear { $item }
field-clear-hint = Remove the answer (not entered)
override-recorded-not-allowed = recorded, but the protocol does not allow it: { $why }

## What opening a file found (app/workspace.rs)
integrity-trail-does-not-verify = the audit trail does not verify: { $problem }
integrity-unsealed-saving-seals = { $finding }. Saving it here seals it.

## The session browser's rows for files it could not read (app/session_browser.rs)
browser-not-read = { $problem }; it was not read
browser-the-file = the file
visit-screening-date-required = the screening date is required
judgment-choose-outcome = choose the outcome
titer-negative = negative
answer-not-entered = not entered
