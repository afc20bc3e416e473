# cli: what the command line prints (besides the report). See messages.ftl for the conventions.

## verify
cli-verify-clock-back = ⚠ entry { $seq } is timed before the entry preceding it: the clock went backwards
cli-verify-intact-signed = ✔ { $file }: intact — { $entries } audit entries, chain verified, values equal the replay; signed by { $by } at { $at } ("{ $meaning }"), content sha256 { $hash }
cli-verify-intact-unsigned = ✔ { $file }: intact — { $entries } audit entries, chain verified, values equal the replay; not signed (content sha256 { $hash })
cli-verify-altered = ✖ { $file }: the record was altered outside trialscreen
cli-verify-result = result: { $meaning } (exit { $code })
cli-verify-status-intact = intact
cli-verify-status-altered = altered (chain, replay, seal or signature fails)
cli-verify-status-unreadable = unreadable
cli-verify-status-rolled-back = rolled back (older than the last save this computer recorded)
cli-verify-status-protocol-changed = protocol changed (a pinned protocol's content no longer matches)
cli-verify-status-identity = identity not established
cli-verify-status-legacy = legacy or template file

## What several commands share
cli-site-protocol-not-loaded = ⚠ site protocol { $file } was not loaded: { $problem }
cli-bundled-protocols-defect = the bundled protocols do not load (a defect of this build)
cli-site-vocabulary-not-used = { $error }; the site's vocabulary is not used
cli-protocol-folder-unreadable = cannot read the protocol folder { $folder }
cli-protocol-folder-not-a-file = it is { $kind }; remove it from the protocol folder
cli-not-utf8 = cannot read { $path } as UTF-8 text
cli-cannot-write = cannot write { $path }
cli-cannot-be-evaluated = { $path } cannot be evaluated
cli-cannot-be-used = { $path } cannot be used
cli-removed-temporary = trialscreen: removed { $path }, a temporary file left by an interrupted save
cli-edit-does-not-verify = { $path } does not verify ({ $problems }); run `{ $command }` and resolve it first
cli-ledger-unreadable = the witness ledger { $path } cannot be read
cli-edit-unverifiable = { $path }: { $problems }; nothing was changed. Run `{ $command }` and find the file's latest version
cli-ledger-not-recorded = trialscreen: ⚠ { $path } is saved and sealed, but this computer's witness ledger could not record it: { $problem }
cli-unknown-language = "{ $lang }" is not a language trialscreen speaks: { $en } or { $zh }
cli-output-is-input = { $path } is an input file; choose another output file
cli-passphrase-stdin-needed = give your signing passphrase on standard input and say so with { $flag } (it is never taken as an argument, where others could read it)
cli-no-signing-identity = there is no signing identity for { $name } on this computer ({ $folder }); create one with: { $command }

## sign, amend, summary, log
cli-sign-unknown-statement = "{ $id }" is not a signature statement (one of: { $ids })
cli-sign-acknowledge = { $refusal } ({ $flag })
cli-signed = ✔ signed { $file } as { $by } (key { $key }); saved and sealed
cli-sign-refused-template = not signed: { $why }. To sign it, open it in trialscreen as a template and save it as a new session first
cli-sign-refused-unsealed = not signed: { $why }. To sign it, compare it with its printed copy, open it in trialscreen and save it, which seals it on this computer; then sign
cli-amended = ✔ { $file } reopened for amendment; the earlier signature stays in the audit trail
cli-amend-refused = not amended: { $finding }; find the file's sealed version
cli-summary-does-not-verify = ⚠ { $file } does not verify; the summary says so
cli-summary-written = ✔ summary of { $code } written to { $output }
cli-folder-unreadable = cannot read the folder { $folder }
cli-log-written = ✔ { $count } rows written to { $output }
cli-log-cache-problem = note: { $problem }

## check-protocol
cli-check-name-files = name the protocol files to check, or a site folder with { $flag }
cli-check-site-folder = Site folder { $folder }
cli-check-protocol-folder = Protocol folder { $folder }
cli-check-no-vocabulary-file = {"  "}– { $file }: none (the bundled vocabulary only)
cli-check-vocabulary-added = ✔ { $file }: added to the bundled vocabulary
cli-check-also-in = { $file }: protocol { $id } version { $version } is also in { $other }
cli-check-identical-bundled = { $file }: identical to the bundled { $id } v{ $version } ({ $count } criteria, sha256 { $hash })
cli-check-identical-site = { $file }: identical to the site { $id } v{ $version } ({ $count } criteria, sha256 { $hash })
cli-check-differs-bundled = { $file }: claims protocol { $id } version { $version }, which is already loaded (bundled: { $from }), but its content differs: give it a new version or a new id
cli-check-differs-site = { $file }: claims protocol { $id } version { $version }, which is already loaded (site: { $from }), but its content differs: give it a new version or a new id
cli-check-file-described = { $file }: { $described }
cli-check-described = { $id } v{ $version }, { $count } criteria, sha256 { $hash }

## calc
cli-calc-unknown-calculator = unknown calculator "{ $name }"; the calculators are: { $known }
cli-calc-not-key-value = { $calculator }: "{ $arg }" is not { $form }
cli-calc-duplicate-input = { $calculator }: "{ $key }" is given more than once
cli-calc-unknown-input = { $calculator }: unknown input "{ $key }"; it takes { $accepted }
cli-calc-missing-input = { $calculator }: missing input "{ $key }" ({ $expected })
cli-calc-number = { $calculator }: "{ $key }={ $value }" is not valid: { $advice }
cli-calc-malformed-input = { $calculator }: "{ $key }={ $value }" is not valid: expected { $expected }
cli-calc-infinite = { $calculator }: the result is too large to compute (it overflows to infinity); check the inputs
cli-calc-no-number = no number
cli-calc-list-usage = Calculators: { $usage }
cli-calc-list-numbers = Numbers use a decimal point; units follow the number without a space ({ $examples }).
cli-calc-instrument-heading = { $name }: { $label } — each item { $form }; an item not given is not assessed, which makes the score a range
cli-calc-item = {"  "}{ $key }={ $answers }  { $label } [{ $points }]
cli-calc-item-unverified = {"  "}{ $key }={ $answers }  { $label } [{ $points }; unverified against the official form]
cli-calc-input = {"  "}{ $key }={ $form }  { $help }
cli-calc-input-optional = {"  "}{ $key }={ $form }  { $help } (optional)
cli-calc-range-note = {" "}(a range: items not assessed)
cli-calc-contribution = { $label }: { $points }.
cli-calc-classification = Classification: { $classification }.
cli-calc-category = Category: { $category }.
cli-calc-published-score = Score by the published rule for the answers given: { $score }.
cli-calc-unassessed = Not assessed and could change the result: { $items }.

## evaluate (the lines around the shared view's words)
cli-evaluate-does-not-verify = ⚠ The audit trail does not verify: this file was changed outside trialscreen (run `{ $command }`).
cli-evaluate-cohort = Cohort: { $cohort }

## --help: what each command and option is for (English is the clap definition itself)
help-trialscreen = Screening workstation for clinical-trial investigators: live eligibility evaluation, overrides, audit trail, printable summary.
help-open = Opens a session file in the workstation window.
help-evaluate = Evaluates a session file against its protocols and prints every criterion.
help-check-protocol = Checks protocol files: syntax, unknown items, units, duplicate ids, undecidable rules.
help-vocabulary = Lists every name a protocol rule may use: items, drugs, classes, units, instruments.
help-new-protocol = Writes a commented skeleton protocol that passes check-protocol, to fill in from a trial's source.
help-verify = Verifies a session: audit trail, seal, electronic signatures (with the site roster), this computer's ledger and protocol pins. Exit 0 intact, 1 altered, 2 unreadable, 3 rolled back, 4 protocol changed, 5 identity not established, 6 legacy or template file.
help-sign = Signs a session electronically (your signing identity's passphrase on standard input); it is then read-only.
help-amend = Reopens a signed session for an amendment, signed with your passphrase (the signature stays in the trail).
help-summary = Writes the printable screening summary of a session as a { $pdf } file.
help-log = Writes the screening log of a folder of session files as CSV and prints the counts. Exit 0 when every file was read, 1 when some could not be (they are listed).
help-calc = Runs one clinical calculator: `{ $example }`.
help-signer = Signing identities on this computer: `{ $create }`, `{ $list }`.
help-signer-create = Creates your signing identity: a key pair whose private key is encrypted under your passphrase. Once per person and computer.
help-signer-list = Lists the signing identities on this computer, with their key fingerprints.
help-arg-site = A site folder: { $units }, { $dictionary } and { $drugs } add units, items, drugs and classes to the bundled ones; { $protocols } are the site's protocols.
help-arg-protocols = A folder of site protocol files ({ $pattern }) to load beside the bundled ones.
help-arg-lang = The language of the words printed: { $en } or { $zh } (default: { $variables }; the window: View → Language). JSON keeps its keys and values.
help-arg-json = Print JSON instead of text.
help-arg-vocabulary-what = What to list; everything when omitted.
help-arg-new-protocol-id = The new protocol's id: lower case letters, digits and hyphens ("{ $id_example }").
help-arg-new-protocol-output = Where to write it; `{ $default }` in the current folder when omitted. An existing file is never overwritten.
help-arg-roster = The site roster (who holds which signing key, which installations are recognised); by default { $file } in the per-user data folder.
help-arg-sign-by = The investigator signing, as named in their signing identity.
help-arg-sign-meaning = What the signature means, in your own words (unless { $flag } is given).
help-arg-sign-statement = A listed statement instead: { $ids } (each signs only the verdicts it states).
help-arg-sign-acknowledge = Acknowledge every criterion still missing or awaiting judgment (listed when refused without it); the record keeps what was acknowledged.
help-arg-signing-passphrase = Read the signing passphrase from standard input (one line).
help-arg-amend-by = Who amends, as named in their signing identity.
help-arg-amend-reason = Why the signed record must change.
help-arg-summary-output = The PDF to write.
help-arg-log-output = The CSV to write: one row per session file and protocol.
help-arg-log-pdf = Also write the counts as a { $pdf } page.
help-arg-calc-list = List every calculator and its inputs.
help-arg-calc-name = The calculator, as `{ $command }` names it.
help-arg-calc-inputs = Inputs as { $form }.
help-arg-calc-json = Print JSON: { $fields }.
help-arg-signer-name = Your name as it is to appear under your signatures and in the site roster.
help-arg-signer-passphrase = Read the passphrase from standard input (one line).

## signer, new-protocol, open
cli-signer-terminal = standard input is a terminal, where the passphrase would show as you type it; pipe it in instead, e.g. from a password manager: `{ $example }`
cli-signer-passphrase-stdin-needed = give the passphrase on standard input and say so with { $flag } (it is never taken as an argument, where others could read it)
cli-signer-created = ✔ Signing identity created for { $name }
cli-signer-fingerprint = key fingerprint
cli-signer-public-key = public key
cli-signer-file = file
cli-signer-give-public-key = Give the public key to the site so it lists it under your name in the roster. Signing asks for the passphrase every time; it cannot be recovered if forgotten.
cli-signer-none = No signing identity on this computer ({ $folder }). Create one with: { $command }
cli-signer-created-at = created { $at }
cli-passphrase-unreadable = the passphrase could not be read from standard input
cli-passphrase-too-long = the passphrase is longer than { $max } bytes
cli-passphrase-none = no passphrase on standard input
cli-passphrase-lines = standard input holds more than one line; give the passphrase alone, on one line
cli-passphrase-not-utf8 = the passphrase is not UTF-8 text
cli-new-protocol-bad-id = "{ $id }" is not a protocol id: use lower case letters, digits and hyphens
cli-new-protocol-loaded = a protocol with the id "{ $id }" is already loaded
cli-new-protocol-exists = { $path } exists; choose another file (it is never overwritten)
cli-new-protocol-defect = the skeleton does not compile (a defect of this build)
cli-new-protocol-written = ✔ { $path } written: fill it in from the trial's source, then run `{ $command }`
cli-window-failed = the workstation window could not start: { $error }

## vocabulary (the headings; the rows are ids and the vocabulary's own words)
cli-vocabulary-items = ITEMS (id — kind [units] — label — section)
cli-vocabulary-drugs = DRUGS (id — name — classes — also found as)
cli-vocabulary-classes = CLASSES (id — label — agents)
cli-vocabulary-units = UNITS (code in files — as shown — dimension)
cli-vocabulary-instruments = INSTRUMENTS (id — name — item keys)
cli-vocabulary-no-other-names = no other names
cli-calc-creatinine-converted = Creatinine { $value } { $umol } ÷ { $factor } = { $converted } { $mgdl } (the NKDEP/KDIGO factor).
cli-calc-prednisone-title = Prednisone equivalent
cli-calc-prednisone-rule = Prednisone-equivalent dose = dose × 5 / the agent's dose equivalent to 5 { $mg } prednisone (oral/IV).
cli-calc-prednisone-sum = { $dose } { $mg } × 5 / { $equivalent } { $mg } = { $value } { $mg }.
cli-calc-converted-title = Converted
cli-calc-a-unit = a unit such as { $units }

## calc: each formula's summary and each input's help (English is the catalogue's own)
calc-input-creatinine = serum creatinine in { $mgdl } or { $umol }, e.g. { $example }
calc-input-age = decimal age in years, e.g. { $example }
calc-input-sex = sex
calc-input-height = height in { $cm }, e.g. { $example }
calc-input-weight = body weight in { $kg }, e.g. { $example }
calc-input-weight-basis = which body weight was given (default { $default })
calc-input-dose = the dose of the glucocorticoid, e.g. { $example }
calc-input-equivalent-dose = its dose equivalent to 5 { $mg } prednisone, from the drug catalogue ({ $methylprednisolone })
calc-input-value = the value; with its unit unless { $from } is given, e.g. { $example }
calc-input-from = the unit of value, e.g. { $example }
calc-input-to = the unit wanted, e.g. { $example }
calc-input-analyte = needed between { $umol } or { $mmol } and mass units
calc-input-excluding = items the protocol leaves out of the score ({ $sle } also takes { $serology } or { $laboratory })
calc-input-only = score only these domains (a protocol's subset)
calc-summary-ckd-epi = eGFR by { $ckd_epi } creatinine (race-free), adults from 18, { $per_area }
calc-summary-schwartz = eGFR by bedside { $schwartz }, children, { $per_area }
calc-summary-ckid = eGFR by { $ckid } creatinine, ages 1 to under 26, { $per_area }
calc-summary-cockcroft = creatinine clearance by { $cockcroft }, adults, { $per_minute }
calc-summary-prednisone = prednisone-equivalent dose, { $mg }: dose × 5 / equivalent dose
calc-summary-convert = converts a value between units
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-commands = Commands
help-flag-help = Print help
help-flag-version = Print version
help-arg-file = The session file.
help-arg-folder = The folder of session files.
help-usage = Usage: { $usage }

## calc: a classification decided
cli-calc-classified = classified
cli-calc-not-classified = not classified
cli-calc-entry-not-met = entry criterion not met: the criteria do not apply
cli-calc-excluded = excluded: an exclusion of the criteria applies
cli-calc-undetermined = undetermined: unassessed items could change the result
