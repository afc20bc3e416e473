# errors: what a file, protocol or record refuses, in the window and on the command line. See messages.ftl for the conventions.

## The audit trail (verify)
error-audit-no-trail = the audit trail is empty
error-audit-sequence = entry { $seq }: sequence number should be { $expected }
error-audit-entry-altered = entry { $seq } was altered after it was written (its hash does not match)
error-audit-chain-broken = entry { $seq } does not follow the entry before it (the chain is broken)
error-audit-old-value = entry { $seq }: the old value of { $what } is not what the trail had
error-audit-not-created-first = the first entry is not the session's creation
error-audit-value-altered = { $what } differs from what the audit trail records
error-audit-signature-mismatch = the signature does not cover the current content
error-audit-signature-altered = the signature differs from the one the audit trail recorded
error-audit-electronic-signature = entry { $seq }: { $problem }
error-audit-not-electronic = entry { $seq } records a signature without an electronic signature, which this format always has

## The seal, the signatures, the roster and the ledger (verify)
error-finding-sealed = sealed at sequence { $sequence } by installation key { $fingerprint }
error-finding-sealed-listed = sealed at sequence { $sequence } by installation key { $fingerprint } ("{ $label }" in the site roster)
error-finding-sealed-unlisted = sealed at sequence { $sequence } by installation key { $fingerprint }, which the site roster does not list
error-finding-seal-broken = the seal of installation key { $fingerprint } does not match the trail's head (sequence { $sequence }): entries were removed or changed after the last save, or the seal was copied from another file
error-finding-template = bundled example { $name }: a template, not a record (no seal)
error-finding-legacy = legacy file (session format { $format }, written before seals): intact as far as a legacy file can show; nothing shows whether entries were cut from its end
error-finding-no-seal = no seal: a template, or a file whose seal was removed; nothing shows whether entries were cut from its end
error-finding-signature-established = entry { $seq }: electronic signature of { $by }, key { $fingerprint }: the key belongs to { $by }
error-finding-signature-other-key = entry { $seq }: electronic signature of { $by }, key { $fingerprint }: the site roster lists { $by }, but not with this key
error-finding-signature-key-of-other = entry { $seq }: electronic signature of { $by }, key { $fingerprint }: the site roster gives this key to { $holder }, not to { $by }
error-finding-signature-unknown = entry { $seq }: electronic signature of { $by }, key { $fingerprint }: the site roster lists neither { $by } nor this key
error-finding-signature-no-roster = entry { $seq }: electronic signature of { $by }, key { $fingerprint } (whose key it is needs the site roster)
error-finding-typed-signature = signed by { $by } as a typed name (an older format): no electronic signature shows who signed
error-finding-no-roster = no site roster: who sealed and who signed cannot be established; name one with { $flag }
error-finding-no-roster-because = no site roster ({ $why }): who sealed and who signed cannot be established; name one with { $flag }
error-finding-rolled-back = this file is older than its last save on this computer (sequence { $recorded } recorded, file has { $file }); that save was at { $at }
error-finding-diverged = the trail differs from what this computer saved at sequence { $sequence } ({ $at }): it was rewritten from there
error-finding-saved-here-as = this computer sealed a save of this session (same creation entry) as session { $session } at sequence { $sequence }: this copy was relabelled or had its seal removed
error-finding-witnessed = holds the last save this computer recorded for it (sequence { $sequence }, { $at })
error-finding-not-witnessed = this computer has no record of saving this session
error-finding-ledger = the witness ledger: { $problem }
error-finding-ledger-unreadable = it could not be read ({ $problem })
error-finding-ledger-damaged = { $count } damaged line(s) were skipped and not trusted

## Reading a session file
error-session-too-large = { $size } bytes is larger than the { $max } bytes a session file may have
error-session-syntax = line { $line }, column { $column }: { $message }
error-session-newer-format = line { $line }, column { $column }: format_version { $found } is newer than this build reads ({ $supported }); open it with a newer trialscreen
error-session-unknown-protocol = line { $line }, column { $column }: protocol "{ $id }" version { $version } is not in this build or the site's protocol folder
error-session-unknown-cohort = line { $line }, column { $column }: cohort "{ $cohort }" is not a cohort of protocol "{ $id }"
error-session-unknown-item = line { $line }, column { $column }: item "{ $item }" is not in the data dictionary
error-session-wrong-kind = line { $line }, column { $column }: item "{ $item }" holds a { $found } value; the dictionary says it is a { $expected } item
error-session-wrong-unit = line { $line }, column { $column }: item "{ $item }" cannot be entered in { $unit }
error-session-unknown-option = line { $line }, column { $column }: "{ $option }" is not an option of item "{ $item }"
error-session-unknown-agent = line { $line }, column { $column }: agent "{ $agent }" is not in the drug catalogue
error-session-unknown-criterion = line { $line }, column { $column }: a decision names criterion "{ $criterion }" of "{ $protocol }", which that protocol does not have
error-session-no-protocol = the session lists no protocol
error-session-text = line { $line }, column { $column }: { $error }
error-session-not-of-its-format = line { $line }, column { $column }: a file of session format { $format } has no { $what }; the file was relabelled as an older format

## Saving and opening a session file
error-store-io = cannot write { $path }: { $error }
error-store-serialize = the session could not be written as RON: { $detail }
error-store-read-back = the written file did not read back identically ({ $detail }); the previous file is untouched
error-store-not-sealable = the session cannot be sealed: { $detail }
error-store-signed-older-format = this session was signed in session format { $format } and is kept exactly as signed; to change it, amend it (which brings it to this format)
error-store-installation-key = the session was not saved: this computer's installation key could not be read or created: { $detail }
error-store-open-io = cannot read { $path }: { $error }
error-store-not-regular = { $path } is { $kind }, not a session file; it was not read
error-store-too-large = { $path }: { $size } bytes is larger than the { $max } bytes a session file may have; it was not read
error-store-not-text = { $path } is not UTF-8 text; it was left as it is
error-store-invalid = { $path }: { $error }; the file was left as it is

## Text fields
error-plain-text-empty = { $what } is empty
error-plain-text-misleading = { $what } contains { $character }, which can make a terminal or a printout show other text than is stored; type it without
error-plain-text-too-long = { $what } is { $length } characters long; at most { $max } are allowed

## Electronic signatures
error-e-signing-trail-mismatch = the electronic signature names a trail other than the one before it
error-e-signing-signer-name = the signer's name is not one a signature can carry ({ $detail })
error-e-signing-content-mismatch = the content hash stored with the signature is not that of the content it was made over
error-e-signing-no-session-id = the session has no session id, which an electronic signature names
error-e-signing-meaning = not signed: { $detail }

## Changes to a session
error-audit-signed = the session is signed and read-only: amend it first, giving a reason
error-audit-reason-required = a reason is required for { $detail }
error-audit-actor-required = who is making the change must be named
error-audit-nothing-to-withdraw = there is no { $kind } on { $criterion } to withdraw
error-audit-not-signed = the session is not signed, so there is nothing to amend
error-audit-signer-required = the signature needs the signer's name
error-audit-nothing-to-attest = "{ $detail }" holds no list to attest
error-audit-not-screened-for = the session is not screened for protocol "{ $detail }"
error-audit-not-migrated = the session is of format { $detail }: it must be migrated to this format before it is signed or amended
error-audit-signature-does-not-hold = the electronic signature does not hold: { $detail }
error-audit-no-session-id = the session has no session id yet: save it first, then sign
error-migrate-migrate-error = cannot migrate { $what }

## Files
error-kind-fifo = a FIFO (named pipe)
error-kind-char-device = a character device
error-kind-block-device = a block device
error-kind-socket = a socket
error-kind-folder = a folder
error-kind-symlink = a symbolic link
error-kind-regular = a regular file
error-kind-not-regular = not a regular file
error-file-atomic-write-io = cannot write { $path }: { $error }
error-file-atomic-write-changed = { $path } was changed by another program since you opened it; it was not replaced
error-file-atomic-write-not-regular = { $path } is { $kind }; it was not replaced
error-file-atomic-write-broken-link = { $path } is a symbolic link to { $target }, which does not exist; nothing was written
error-file-atomic-write-read-back = the temporary file did not read back as written; { $path } is untouched
error-file-bounded-read-io = cannot read { $path }: { $error }
error-file-bounded-read-not-regular = { $path } is { $kind }, not a regular file; it was not read
error-file-bounded-read-too-large = { $path }: { $size } bytes is larger than the { $max } bytes such a file may have; it was not read
error-file-lock-held = { $target } is open in another trialscreen window or being changed by another command (its lock file { $lock } is held); close it there or wait, then try again
error-file-lock-unusable = cannot lock { $target } (lock file { $lock }): { $reason }
error-file-private-io = cannot use { $path }: { $error }
error-file-private-not-regular = { $path } is { $kind }, not a regular file; it was not used

## Protocol and vocabulary files
error-library-syntax = { $file }:{ $line }:{ $column }: { $message }
error-library-too-large = { $file }: { $size } bytes is larger than the { $max } bytes a data file may have
error-library-site = { $file }, line { $line }, column { $column }: { $message }
error-library-knowledge = { $file }: { $error }
error-library-duplicate-version = { $file }: protocol { $id } version { $version } is already loaded from { $other }

## The per-user data folder and the summary cache
error-user-data-no-data-folder = no per-user data folder: set XDG_DATA_HOME (or HOME) to an absolute folder where trialscreen may keep its files
error-summary-cache-absent = no summary cache yet
error-summary-cache-unreadable = the summary cache could not be read: { $detail }
error-summary-cache-damaged = the summary cache is damaged: { $detail }
error-summary-cache-stale = the summary cache is of another build, library or day
error-summary-cache-not-vouched = the summary cache was not signed by this installation, or was changed since

## Calculators
error-calculators-kidney-not-positive = { $input } must be a positive number (got { $value })
error-calculators-kidney-age-outside-method = { $method } applies to ages { $range }; the age given is { $age_years } years
error-calculators-kidney-missing = { $method } needs { $input }
error-calculators-mod-unknown-item = { $instrument } has no item "{ $key }"
error-calculators-mod-invalid-answer = { $instrument }: "{ $key }" does not take { $answer }
error-calculators-mod-inconsistent = { $instrument }: "{ $key }" { $reason }
error-calculators-mod-excluding-not-supported = { $instrument } does not allow leaving items out of its score
error-calculators-steroids-invalid-dose = dose must be a number of mg, zero or more (got { $detail })
error-calculators-steroids-invalid-equivalent-dose = equivalent dose must be a positive number of mg (got { $detail })
error-library-protocol-problems = { $file }: protocol { $protocol } has { $count } problem(s):
error-library-problem-at = line { $line }, column { $column }: { $problem }

## The advice under a field (numbers and dates as typed)
error-open-inconsistent = { $path }: { $error }; the file was left as it is
error-new-no-participant = enter the participant code
error-new-no-investigator = enter the investigator's name: every change is recorded under it
error-new-no-protocol = choose at least one protocol
error-new-no-cohort = choose the cohort for { $protocol }
error-new-unknown-protocol = protocol { $protocol } is not loaded
error-lists-a-protocol-twice = the session lists a protocol more than once, so it contradicts itself and is read-only: save a copy with Save as… and correct the copy
error-open-read-only = this file is open read-only: { $why }
error-sign-not-saved = nothing was signed, since the session could not be saved: { $error }
error-passphrases-differ = the two passphrases differ; type the same passphrase twice
error-sign-through-dialogs = sign and amend with Sign… and Amend…, which save at once
error-not-trusted = the file as opened is not trusted ({ $why })
error-no-session-open = no session is open
error-no-identity = there is no signing identity for { $name } on this computer: create one with { $menu }
input-titer-starts-with-one = a titer starts with 1: (1:80, 1:160, …)
input-titer-form = write the titer as 1:80, 1:160, … or negative
input-titer-colon = write the titer with a colon: 1:{ $dilution }
input-titer-as = write the titer as 1:{ $dilution }
input-titer-of-positive = give the titer of a positive result: 1:80, 1:160, …
input-half-width = type it in half-width characters: { $text }
input-not-a-number = not a number
input-decimal-point = use a decimal point: { $number }
input-remove-spaces = remove the spaces: { $number }
input-censored = type the number without < or >: a result below or above the lab's limit needs the exact value or a judgment
input-unit-typed = type the number only ({ $number }) and pick the unit beside the field
input-year-mistyped = the year { $year } looks mistyped
input-not-a-calendar-date = { $date } is not a calendar date
input-date-ambiguous = write the date as { $format }: { $typed } could be { $one } or { $other }
input-date-reorder = write the date as { $format }: { $date }
input-date-format = write the date as { $format }, e.g. { $example }
input-date-in-future = { $date } is in the future (today is { $today })
input-born-after-screening = born { $date } after the screening date ({ $screening })
input-born-too-long-ago = born { $date }: more than { $years } years ago
input-unit-not-allowed = { $label } is not entered in { $unit }: use { $allowed }
input-unit-slip = { $label } { $entered } is implausible — did you mean { $unit }?
input-out-of-range = { $label } { $entered } is outside the plausible range { $min }–{ $max }
input-sample-after-today = the sample date { $date } is after today ({ $today }): enter the date the sample was taken
input-date-problem = date: { $problem }
input-uln-not-positive = the ULN must be above 0
input-uln-problem = ULN: { $problem }
input-value-needed = enter the { $label } value: a ULN or a date alone is not a result
input-uln-of = { $label } ULN
input-titer-needed = enter the titer: a date alone is not a result
input-result-needed = choose the result: a date alone is not a result
error-audit-what-reference-dates = the reference dates
error-audit-what-participant-code = the participant code
error-audit-what-investigator = the investigator
error-audit-what-protocols = the protocols
error-audit-what-signature = the signature
error-audit-what-an-attestation = an attestation
error-audit-what-format-the-session-was-migrated-from = the format the session was migrated from
error-audit-what-overrides-and-judgments = the overrides and judgments
error-audit-what-attestations = the attestations
error-audit-what-file-format-version = the file format version
error-audit-what-session-id = the session id
error-audit-what-item = item "{ $item }"
error-audit-what-decision = the decision on { $protocol } { $criterion }
error-audit-what-value = the value of "{ $item }"

## A site's vocabulary files
error-site-clash = { $what } "{ $id }" is already defined in { $file }; a site adds names and never redefines a bundled one: choose another id
error-site-bundled-class = agent "{ $agent }" can join only a class this site defines, not "{ $class }": a bundled class keeps its bundled members
error-site-not-bundled-agent = "{ $agent }" is not a bundled agent; list a site agent's classes with the agent itself

## The restore prompt: what a recovered session changed
recovery-history-differs = the saved file's history differs from the recovered one
recovery-empty = (empty)
recovery-created = session { $code } created
recovery-dates = dates: screening { $screening_old } → { $screening_new }, consent { $consent_old } → { $consent_new }, enrollment { $enrollment_old } → { $enrollment_new }
recovery-participant-code = participant code: { $old } → { $new }
recovery-investigator = investigator: { $old } → { $new }
recovery-protocols = protocols: { $protocols }
recovery-decided = { $kind } { $protocol } on { $criterion }: { $reason }
recovery-withdrawn = { $kind } on { $protocol } { $criterion } withdrawn
recovery-signed = signed by { $by } ({ $meaning })
recovery-amended = reopened for amendment; the signature of { $by } no longer applies
recovery-attested = { $item } attested complete
recovery-migrated = migrated from session format { $from } to { $to }
recovery-override = override
recovery-judgment-passes = judgment (passes)
recovery-judgment-fails = judgment (fails)

## Signing refusals (screening.rs, session/sign_meaning.rs)
pin-vocabulary-changed = the vocabulary protocol { $id } v{ $version } uses (its items, drugs, classes or units) changed meaning since this session was screened: the session pinned SHA-256 { $pinned }, the site folder loaded now gives { $loaded }; load the site folder it was screened with, or re-screen under the current vocabulary
pin-content-changed = protocol { $id } v{ $version } changed since this session was screened: the session pinned content SHA-256 { $pinned }, the file loaded now has { $loaded }
pin-not-loaded = protocol { $id } v{ $version } is not loaded (not in this build or the site's protocol folder), so its pinned content SHA-256 { $pinned } cannot be checked
sign-refused-undecided = not signed: { $count } criterion(s) are not decided ({ $criteria }); acknowledge them to sign
sign-refused-pin = not signed: { $problems }. A signature would cover an evaluation against a protocol other than the one screened under; load the protocol file it was screened under, or screen again under the current one
sign-meaning-unknown = "{ $id }" is not a signature meaning
sign-meaning-worded = the statement of "{ $id }" is "{ $statement }"
sign-meaning-needs-verdict = "{ $statement }" needs a verdict to state
sign-meaning-verdict-differs = "{ $statement }" cannot be signed: { $protocol } v{ $version } is { $verdict }, not { $required }

## What a refused text is (session/plain_text.rs, records/clean_text.rs)
text-kind-participant-code = the participant code
text-kind-name = the name
text-kind-meaning = the meaning of the signature
text-kind-reason = the reason
clean-text-signer-name = signer's name
clean-text-empty = the { $what } is empty
clean-text-too-long = the { $what } has { $length } characters; at most { $max } are allowed
clean-text-invisible = the { $what } contains the invisible or control character { $code } at position { $position }; type it again without it
clean-text-spacing = the { $what } has spaces around it or two spaces in a row; use single spaces between words

## Signing identities (records/identity.rs)
identity-wrong-passphrase = wrong passphrase for the signing identity of { $name } ({ $fingerprint }); nothing was signed. Type it again (it is case-sensitive).
identity-weak-passphrase = the passphrase must have at least { $min } characters and at most { $max } bytes
identity-name-taken = a signing identity for { $name } already exists on this computer (key { $fingerprint }); sign with it, or ask the site to retire it before creating another
identity-damaged = { $path } is not a trialscreen signing identity ({ $reason }); it was left as it is
identity-not-this = this identity is { $name } with key { $fingerprint }; the signature to make names someone or some key else

## A protocol's problems (engine/compile.rs)
protocol-duplicate-criterion = criterion id "{ $id }" is used twice
protocol-unknown-item = { $criterion }: item "{ $item }" is not in the data dictionary{ $hint }
protocol-wrong-kind = { $criterion }: item "{ $item }" is a { $found } item; this rule needs a { $expected } item
protocol-unit-mismatch = { $criterion }: item "{ $item }" cannot be compared in { $unit } (it is entered in { $allowed })
protocol-unknown-class = { $criterion }: "{ $class }" is not a drug class in the catalogue{ $hint }
protocol-agent-not-class = { $criterion }: "{ $agent }" is an agent, not a drug class; name its class here ({ $classes }), or use a rule on agents
protocol-unknown-cohort = { $criterion }: cohort "{ $cohort }" is not one of the protocol's cohorts{ $hint }
protocol-unknown-option = { $criterion }: "{ $option }" is not an option of item "{ $item }"{ $hint }
protocol-unknown-instrument-item = { $criterion }: "{ $answer }" is not an item of { $instrument }
protocol-what-rule = { $rule }
protocol-what-contradiction = a contradiction
protocol-what-choice = a choice
protocol-what-start = a start
protocol-what-dose-cap = a dose cap
protocol-what-combined = a combined treatment
protocol-what-change = a change
protocol-what-always = an always-met line
protocol-what-comparison = a comparison
protocol-what-method = a method
protocol-what-treatment-rule = a treatment rule
protocol-what-period = a period
protocol-what-judgment = a judgment
protocol-name-threshold = threshold
protocol-name-cap = cap
protocol-why-two-sides = it needs at least two sides
protocol-why-side-judgment = a side cannot ask for a judgment
protocol-why-no-option = no option of "{ $item }" is listed
protocol-why-start-any-time = a start at any time is every course: give a period
protocol-why-cap-not-dose = the cap { $cap } is not a dose
protocol-why-no-course = no course is listed
protocol-why-group-no-agent = a group asks for no agent
protocol-why-no-measure = no measure of change is listed
protocol-why-units-differ = baseline and current items are measured in different units
protocol-why-always-why = it does not say why it constrains nothing
protocol-why-parts = it has { $count } part(s) and needs at least { $needed }
protocol-why-not-a-number = the { $name } { $value } is not a number
protocol-why-always-true = { $label } { $cmp } { $threshold } { $unit } is true for every plausible value ({ $low } to { $high } { $unit })
protocol-why-always-false = { $label } { $cmp } { $threshold } { $unit } is false for every plausible value ({ $low } to { $high } { $unit })
protocol-why-methods = "{ $item }" lists more than 64 methods
protocol-why-no-class = no drug class is listed
protocol-why-zero-period = its length is zero
protocol-why-judgment-empty = it does not say what to decide
protocol-undecidable = { $criterion }: { $what } can never be decided: { $why }
protocol-missing-kidney-items = { $criterion }: the kidney-function items ({ $items }) are not all in the dictionary
protocol-missing-date-of-birth = { $criterion }: the rule needs the { $item } item, which the dictionary lacks
protocol-no-criteria = the protocol has no criteria
protocol-discretion-on-exclusion = { $criterion }: an exclusion cannot carry a discretion override
protocol-problems = protocol { $protocol } has { $count } problem(s):
did-you-mean = ; did you mean "{ $name }"?

## The dictionary and the drug catalogue (engine/knowledge.rs)
protocol-too-many = the protocol has more { $what } than the { $limit } one protocol can hold: split it into several protocols
protocol-part-judgments = judgments
protocol-part-notes = always-met lines
protocol-part-score-exclusions = distinct sets of score exclusions
knowledge-too-many = the data dictionary has { $count } { $what }; at most { $max } are supported
knowledge-part-test-kinds = test kinds
knowledge-part-contradictions = contradictions
knowledge-too-many-items = the data dictionary has { $count } items; at most { $max } are supported
knowledge-duplicate-item = the data dictionary defines item "{ $item }" twice
knowledge-unknown-section = item "{ $item }" is in section "{ $section }", which the dictionary does not define
knowledge-no-units = item "{ $item }" must allow at least one unit
knowledge-methods = item "{ $item }" lists methods: only a dated number item may, with at most { $max }
knowledge-too-many-classes = the drug catalogue has { $count } classes; at most { $max } are supported
knowledge-duplicate-drug = the drug catalogue defines "{ $id }" twice
knowledge-unknown-class = agent "{ $agent }" names class "{ $class }", which the catalogue does not define
knowledge-unknown-test-kind = item "{ $item }" names test kind "{ $kind }", which the dictionary does not define
knowledge-test-kind-not-choice = item "{ $item }" has a test kind but is not a choice item
knowledge-test-kind-option = test kind "{ $kind }" lists "{ $option }", which is not an option of its item "{ $item }"
knowledge-duplicate-test-kind = the dictionary defines test kind "{ $kind }" twice
knowledge-contradiction = contradiction "{ $id }": { $problems }

## How a kidney function was computed (calculators/kidney.rs; `calc` prints these lines)
kidney-result = { $method } = { $value }.
kidney-ckd-epi-formula = CKD-EPI 2021 creatinine equation ({ $source }, race-free): { $formula } × 1.012 if female.
kidney-ckd-epi-inputs = Scr { $scr }; { $sex }: κ { $kappa }, α { $alpha }, sex factor { $factor }; Scr/κ { $ratio }.
kidney-age-decimal = Age { $age } years (decimal).
kidney-schwartz-formula = Bedside { $name } equation ({ $source }), for children: { $formula }.
kidney-height-scr = Height { $height }; Scr { $scr }.
kidney-ckid-formula = { $name } creatinine equation ({ $source }): { $formula }, K by sex and age.
kidney-ckid-k = { $sex }, age { $age } years: K = { $rule } = { $k }.
kidney-ckid-adult-k = { $k } from 18 years
kidney-cg-formula = { $name } (1976): { $formula } × 0.85 if female; { $unit }, not indexed to body surface area.
kidney-cg-weight = Weight { $weight } ({ $basis }).
kidney-cg-inputs = Age { $age } years (decimal); { $sex }, sex factor { $factor }; Scr { $scr }.
kidney-branch-child = Age { $age } years is under 18: bedside { $name }.
kidney-branch-adult = Age { $age } years is 18 or over: CKD-EPI 2021.
kidney-sex-female = female
kidney-sex-male = male
kidney-weight-actual = actual body weight
kidney-weight-ideal = ideal body weight
kidney-weight-adjusted = adjusted body weight

## A protocol translation that does not fit its protocol (model/protocol_translation.rs)
translation-other-protocol = the translation is of { $found }, not of { $expected }
translation-unknown-criterion = criterion { $criterion } is not in the protocol
translation-missing-criterion = criterion { $criterion } has no translation
translation-missing-interpretation = criterion { $criterion }: the protocol gives an interpretation and the translation does not
translation-unknown-interpretation = criterion { $criterion }: the translation gives an interpretation the protocol does not have
translation-judgment-count = criterion { $criterion }: the protocol asks { $expected } judgment question(s), the translation has { $found }
translation-unknown-cohort = cohort { $cohort } is not in the protocol
translation-missing-cohort = cohort { $cohort } has no translation
translation-unknown-correction = the protocol makes no correction to criterion { $criterion }
translation-missing-correction = the correction to criterion { $criterion } has no translation
translation-repeated-correction = the protocol corrects criterion { $criterion } more than once; a translation keys corrections by criterion
translation-information-count = the protocol has { $expected } information line(s), the translation has { $found }
translation-missing-field = { $field }: the protocol has it and the translation does not
translation-unknown-field = { $field }: the translation has it and the protocol does not
translation-empty = { $field } is empty
translation-protocol-version = { $id } version { $version }

## A site's units file (model/site_units.rs)
site-units-bundled-place = the bundled units (`{ $command }` lists them)
site-units-unknown-unit = "{ $code }" is not a unit known here{ $hint }; define it earlier in { $file }
site-units-not-conversion = "{ $text }" is not a conversion: write a number and a unit, as "{ $example }"
site-units-bad-number = bad conversion "{ $text }": "{ $number }" is not an exact positive decimal number
site-units-dimension-id = dimension "{ $id }": an id is lower case letters, digits and _
site-units-dimension-bundled = dimension "{ $id }" is already defined in { $place }; a site adds names and never redefines a bundled one: use it, or choose another id
site-units-dimension-twice = dimension "{ $id }" is defined twice in this file
site-units-dimension-earlier = dimension "{ $id }" was defined differently by a site folder loaded earlier in this run
site-units-unit-earlier = unit "{ $code }" was defined differently by a site folder loaded earlier in this run
site-units-dimension-no-unit = dimension "{ $id }" has no unit: define its reference unit (a unit of it with no { $field })
site-units-analyte-bundled = analyte "{ $id }" is already defined in the bundled analytes; a site adds names and never redefines a bundled one: choose another id
site-units-analyte-earlier = analyte "{ $id }" was defined differently by a site folder loaded earlier in this run
site-units-code-ascii = unit code "{ $code }" must be ASCII with no spaces, so a file can be typed on any keyboard; put the typographic form in { $field }
site-units-this-site = this site's units
site-units-unit-defined = unit "{ $text }" is already defined in { $place } as "{ $code }"; a site adds units and never redefines one: use it, or choose another code
site-units-no-dimension = unit "{ $code }": there is no dimension "{ $dimension }"{ $hint }; define it under { $field }
site-units-other-dimension = unit "{ $code }" is a { $dimension }, but "{ $other }" is a { $other_dimension }: { $field } names a unit of the same dimension
site-units-out-of-range = bad conversion "{ $text }": the factor is out of range
site-units-needs-size = unit "{ $code }" is of the { $dimension } dimension, which has its reference unit: give its size, as { $example }
site-units-second-reference = unit "{ $code }": dimension "{ $dimension }" already has its reference unit; give this one's size, as { $example }
site-units-not-equivalence = "{ $text }" is not an equivalence: write it as "{ $example }"
site-units-same-dimension = "{ $text }": both units are a { $dimension }, which convert without an analyte

## Records: signatures, seals, keys, the roster and the ledger (records/)
esig-fingerprint-mismatch = the signature names key { $recorded } but was made with key { $actual }
esig-mismatch = the signature by key { $fingerprint } does not match this record: what it covers (content, trail, name, time, meaning or session) changed, or it was copied from another file
roster-format = { $path } is roster format { $format }; this build reads format { $supported }
roster-contradiction = { $path }: { $problem }; the roster was not used
ledger-head-hash = "{ $text }" is not a trail hash ({ $digits } lowercase hex digits)
session-id-spelling = "{ $text }" is not a session id ({ $digits } lowercase hex digits)
key-public-spelling = "{ $text }" is not a public key ({ $digits } lowercase hex digits)
key-not-on-curve = { $key } is not a valid { $algorithm } public key
key-weak = { $key } is a weak { $algorithm } public key and is refused
key-fingerprint-spelling = "{ $text }" is not a key fingerprint ({ $digits } lowercase hex digits)
key-signature-spelling = "{ $text }" is not a signature ({ $digits } lowercase hex digits)
key-randomness = the operating system's random number generator failed: { $problem }
installation-key-write = the installation key could not be written as { $format }: { $problem }
installation-key-damaged = { $path } is not a { $app } installation key ({ $reason }); it was left as it is. Move it aside only if this computer's seals need not be recognised again.
seal-mismatch = the seal of installation key { $fingerprint } does not match the trail's head (sequence { $sequence }): entries were removed or changed after the last save, or the seal was copied from another file

## What an instrument's score means (calculators/; calc prints these notes under a score)
instrument-rule-ss-2016 = Entry: at least one dryness question answered yes, or ESSDAI suspicion; exclusions: a prior diagnosis listed; a total ≥ { $threshold } classifies.
instrument-rule-ssc-2013 = The highest weight of each category counts; a total ≥ { $threshold } is definite { $disease }; skin thickening proximal to the MCP joints of both hands is sufficient.
instrument-rule-sle-2019 = Entry ANA ≥ 1:80; only the highest criterion of each domain counts; at least one clinical criterion is required; a total ≥ { $threshold } classifies.
instrument-sle-2019-no-clinical = No clinical criterion is present: immunologic criteria alone never classify.
instrument-rule-sledai2k = SLEDAI-2K: the sum of the weights of the descriptors present at the visit or in the { $days } days before ({ $protocol_days } days where the protocol says so); persistent rash, alopecia, mucosal ulcers and proteinuria count.
instrument-rule-mmt8 = Bilateral MMT-8: neck flexors once plus seven groups on both sides, { $range }.
instrument-rule-mmt8-unilateral = Unilateral MMT-8: neck flexors plus seven groups on one side (right by default, left where the right cannot be tested), { $range }.
instrument-rule-haq-di = Standard HAQ-DI: each category scores its highest item, raised to { $aided } by an aid, device or help; the sum of the categories divided by the number answered (at least { $least } of { $of }).
instrument-haq-di-published = Published rule: { $sum } / { $answered } categories answered = { $score }.
instrument-haq-di-too-few = Only { $answered } of { $of } categories answered: the published rule gives no score below { $least }.
instrument-rule-essdai = ESSDAI: the sum of domain weight × activity level.
instrument-essdai-activity = Activity: low < 5, moderate 5–13, high ≥ 14 ({ $source }).
instrument-essdai-subset = Activity categories apply to the full ESSDAI only, not to a subset of domains.
instrument-iim-with-biopsy = with muscle biopsy
instrument-iim-without-biopsy = without muscle biopsy
instrument-rule-iim-2017 = Weights { $weights }; probable IIM from a score of { $probable } (published cut-off, not the probability), definite from { $definite }.
instrument-iim-score = Score { $score } { $weights }: { $certainty }, probability { $probability } ({ $formula }).
instrument-iim-not = not IIM
instrument-iim-possible = possible IIM
instrument-iim-probable = probable IIM
instrument-iim-definite = definite IIM
instrument-iim-subgroup-open = The subgroup depends on items not yet assessed.
instrument-iim-biopsy-advised = No heliotrope rash, { $name }'s papules or { $name }'s sign: a muscle biopsy is advised before classifying (KI calculator).
instrument-bvas-persistent-column = Persistent column and section maxima (all abnormalities persistent).
instrument-bvas-new-column = New/worse column and section maxima.
instrument-bvas-creatinine-first = Serum creatinine scores only at the first assessment: not counted.
instrument-bvas-persistent-conflict = is ticked while "{ $item }", an item never persistent (*), is present
instrument-iim-biopsy-conflict = is absent while a biopsy finding is present
instrument-sle-complement-conflict = is present while "{ $other }" is absent
instrument-bvas-never-persistent = { $item } is never persistent, so the new/worse column applies.
instrument-list-separator = { ", " }
instrument-left-out = Left out of the score by the protocol: { $items }.
instrument-not-highest = { $item } is present but not counted: only the highest item of { $group } counts.
instrument-capped = { $group } adds up to { $raw }, capped at its maximum of { $cap }.
instrument-either-variant = "{ $item }" is not assessed: the range covers both ways of scoring, and the points shown are those of the lower one.
instrument-this-item = this item

## Instruments' names and categories (calculators/instrument_words.rs)
instrument-name-sle-2019 = 2019 EULAR/ACR SLE classification criteria
instrument-name-ssc-2013 = 2013 ACR/EULAR systemic sclerosis classification criteria
instrument-name-ss-2016 = 2016 ACR/EULAR Sjögren's syndrome classification criteria
instrument-name-iim-2017 = 2017 EULAR/ACR idiopathic inflammatory myopathy classification criteria
instrument-name-bvas-v3 = BVAS version 3
instrument-name-mmt8 = MMT-8 (bilateral, 0–150)
instrument-name-mmt8-unilateral = MMT-8 (unilateral, 0–80)
instrument-name-mrss = Modified { $name } skin score
instrument-category-low = low
instrument-category-moderate = moderate
instrument-category-high = high
instrument-category-juvenile-other = juvenile myositis other than JDM

## Kinds of item, as messages name them (model/dictionary.rs)
item-kind-number = number
item-kind-date = date
item-kind-yes-no = yes/no
item-kind-choice = choice
item-kind-titer = titer
item-kind-event = event
item-kind-instrument = instrument
item-kind-treatments = treatment history
item-kind-text = text
item-kind-event-or-date = event or date
item-kind-number-with-uln = number with ULN
item-kind-date-event-or-dated = date, event or dated result

## What a site's vocabulary adds (library/site.rs)
site-word-item = item
site-word-section = section
site-word-class = class
site-word-agent = agent
