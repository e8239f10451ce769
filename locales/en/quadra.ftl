# quadra's English texts. Every message here has an Italian twin in
# locales/it/quadra.ftl with the same placeholders (a test proves it).
# Amounts arrive already written the Italian way (1.234,56) in both languages.

## terminal rendering

# The word miette writes before the help line.
render-help = help

## check: summary lines and the table of many files

check-summary-counts = { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }, { $infos } { $infos ->
        [one] info
       *[other] infos
    }
check-infos-header = { $file }: { $n } review aid(s), info:
check-accepted = ; { $n } accepted in the baseline (hidden)
check-table-file = file
check-table-errors = errors
check-table-warnings = warnings
check-table-infos = infos
check-table-accepted = accepted
check-table-total = total

## totals

total-nothing-listed = nothing is listed under it
total-items-sum = { $column } { $declared }; { $n ->
        [one] the 1 item it totals amounts to { $computed }
       *[other] the { $n } items it totals sum to { $computed }
    }
total-detail-first = { $column }: declared { $declared }, computed { $computed } (difference { $difference })
total-detail-other = { $column }: { $declared }, against { $computed } (difference { $difference })
total-message = `{ $label }` does not equal the sum of what it totals; { $details }
total-label = declared total ({ $what })
total-label-empty = declared total, but { $what }
total-help = find the row whose amount is wrong (see the likely causes), or correct the total; every column of a total must equal the sum of the rows above it
total-summed-role = its amounts are exactly the excess of the sum: listed under the wrong total, or twice?
total-only-item = the only item summed{ $key }
total-first-item = first of the { $n } items summed{ $key }
total-last-item = last item summed{ $key }

## likely causes

hint-cause = likely cause: { $why }
hint-digit = likely cause: one mistyped digit? { $column } { $printed } here; with { $right } the figures agree
hint-declared-digit = likely cause: the declared { $declared } differs from the sum { $computed } in one digit: the declared figure itself may be mistyped

## codes

mp-what = { $key ->
        [none] { $section } row `{ $text }`
       *[other] chapter { $key }
    }
mp-regioni = { mp-what } is classified under missione-programma { $mp } ({ $name }), which only Regioni use
mp-regioni-label = programma for Regioni only
mp-no-programma = { mp-what } is classified under missione-programma { $mp }: missione { $missione } ({ $name }) has no programma { $programma }
mp-no-programma-label = no such programma
mp-no-missione = { mp-what } is classified under missione-programma { $mp }: there is no missione { $missione }
mp-no-missione-label = no such missione
mp-help = use a missione-programma of D.Lgs. 118/2011 Allegato 14 (the table is rules/missioni-programmi.toml); a wrong code also misplaces the chapter in 1.D / 2.C
dup-key-message = PEG key { $key } appears more than once in section { $section }
dup-key-label = repeated key
dup-key-help = a chapter is listed once per section: merge the rows or correct the key (a copy-paste slip doubles the chapter's amounts in every total)
dup-key-first = first row with key { $key }

## rules declared in TOML

rule-help-default = `quadra rules explain { $id }` says why this matters
agg-help-default = `quadra rules explain { $id }` says what must agree
agg-other-column = ; { $column }: { $left } against { $right } (difference { $difference })
agg-label-no-counterpart = no counterpart on the declared side
agg-label-declared = declared here ({ $summary })
agg-last-declared = last of the { $n } declared items
agg-only-summed = the only item summed on the other side
agg-first-summed = first of the { $n } items summed on the other side
agg-last-summed = last item summed on the other side
agg-who = { $key ->
        [none] `{ $text }`
       *[other] chapter { $key }
    }
agg-why-v = { agg-who } is marked V; without the V flag the figures agree
agg-why-not-v = { agg-who } is not marked V; with the V flag the figures agree
agg-why-group = { agg-who } is under { $group }; it may belong under another one
agg-why-difference = { agg-who } is summed and its amounts are exactly the difference
agg-near-group = { agg-who } is under { $other }; under { $group } the figures agree

## vincoli

side = { $side ->
        [revenue] revenue
       *[spending] spending
    }
confidence = { $level ->
        [declared] declared
        [high] high
        [medium] medium
       *[low] low
    }
unbalanced-detail = { $column }: revenue { $revenue }, spending { $spending } ({ $over ->
        [yes] uncovered
       *[no] unspent
    } { $difference })
unbalanced-over = spends more than its earmarked revenue
unbalanced-under = receives more earmarked revenue than it spends
unbalanced-over-label = group whose spending is not covered
unbalanced-under-label = group with unspent earmarked revenue
unbalanced-message = vincolo group of { $key } `{ $name }` ({ $revenue } revenue, { $spending } spending chapters) { $what }: { $details }
unbalanced-inferred = {" "}[group inferred, confidence { $confidence }: confirm it in the link file]
unbalanced-help-over = earmarked spending may only use its earmarked revenue: reduce the spending, find the revenue that finances it (or declare outside funding in the link file), or correct the group
unbalanced-help-under = earmarked revenue not spent stays bound to its purpose: check for a missing spending chapter or a wrong group
unbalanced-related = { side } { $key } ({ $amounts })
unbalanced-more = {" "}({ $n } more chapters in the group: `quadra links show`)
unmatched-message = V { side } chapter { $key } `{ $text }` is in no vincolo group ({ $amounts })
unmatched-label = V { side } in no group
unmatched-help-revenue = name the spending it finances in a group of the link file (`quadra links suggest` proposes groups)
unmatched-help-spending = name the earmarked revenue that finances it in a group of the link file (`quadra links suggest` proposes groups)
flag-message = { $side ->
        [revenue] revenue
       *[spending] spending
    } chapter { $key } `{ $text }` is not marked V, but its amounts are exactly those of V { $vside ->
        [revenue] revenue
       *[spending] spending
    } chapter { $vkey } ({ $amounts })
flag-label = not marked V
flag-help = identical amounts in every column usually mean that this chapter finances (or is financed by) the V chapter: mark it V, or say in the link file why not
flag-related = V { $vside ->
        [revenue] revenue
       *[spending] spending
    } chapter { $vkey } with the same amounts
coverage-detail = { $column }: V spending { $spending }, V revenue { $revenue } + outside funding { $outside } ({ $over ->
        [yes] uncovered
       *[no] unspent
    } { $difference })
coverage-over-message = the report's earmarked spending exceeds its earmarked revenue and declared outside funding; { $details }
coverage-under-message = the report's earmarked revenue exceeds its earmarked spending; { $details }
coverage-label = earmarked totals
coverage-help-over = to close it in { $column }, declare { $amount } of outside funding (fondo pluriennale vincolato, avanzo vincolato applicato) in the link file, or find the earmarked revenue that finances this spending
coverage-help-under = earmarked revenue not spent in the year must stay bound to its purpose (avanzo vincolato)

## parse diagnostics

parse-unrecognised = unrecognised line in section { $code } { $title }
parse-not-understood = not understood here
parse-out-of-place = item { $what }
parse-parent-missing = parent heading missing
parse-expected-above = expected { $expected } above this line
parse-too-many = { $n } more problems not listed (only the first { $max } are)
parse-too-many-label = listing stopped after this one
parse-too-many-help = fix the problems listed, or check that this file is really a Report Commissioni
parse-utf8 = line is not UTF-8 text
parse-utf8-label = invalid byte
parse-utf8-help = the report must be UTF-8 text; this line holds binary data or another encoding (re-extract with `pdftotext -enc UTF-8`)
parse-anno = `ANNO :` without a year
parse-anno-label = year expected after this
parse-anno-help = the budget year follows `ANNO :`, on the same line or the next one
parse-control = control character inside the line
parse-control-label = control character
parse-control-help = a report is plain text; this byte is debris of the extraction or of a damaged file, and the text around it may be wrong
parse-between = unrecognised line between sections
parse-between-help = expected a section header (`1.A        ENTRATE CORRENTI` ... `2.C ...`) or the narrative pages (`MISSIONE`)
parse-before-first = unrecognised line before the first section
parse-before-first-help = a report opens with its title (`Bilancio di Previsione 2022 - REPORT COMMISSIONI -`) and the header of section 1.A
parse-header-in-record = column-header words inside a record, not after a page break
parse-header-in-record-label = set aside as a column header
parse-header-in-record-help = if this line belongs to the description above, the description lacks it: check the row against the source PDF
parse-empty-section = section { $code } has no rows or totals
parse-empty-section-label = empty section
parse-empty-section-help = a section lists its rows and totals under its header; the file may be truncated here
parse-malformed = malformed amount `{ $text }`
parse-malformed-label = not an amount
parse-malformed-help = amounts are written the Italian way: dots between thousands, a comma and exactly two decimals, e.g. 1.234.240,00
parse-amount-count = { $what ->
        [total] total
        [vincolate-row] 1.C row
        [programma-row] programma row
       *[row] row
    } has { $n } amounts, expected { $expected }
parse-amount-count-label = { $n } amounts here
parse-amount-count-help = expected, in this order: { $columns }
parse-unexpected-among = unexpected text `{ $text }` among the amounts
parse-unexpected-before = unexpected text `{ $text }` before the amounts
parse-unexpected-label = not part of the layout
parse-total-no-amounts = total without amounts
parse-total-no-amounts-label = this total has no amounts
parse-total-no-amounts-help = a total of { $code } prints its amounts around its label
parse-no-amounts = { $what ->
        [total] total
       *[row] row
    } without amounts
parse-no-amounts-label = this { $what ->
        [total] total
       *[row] row
    } has no amounts
parse-no-amounts-help = the amounts ({ $columns }) follow the description, on its last line or on a line of their own
parse-1c-no-titolo = 1.C row without titolo
parse-1c-no-titolo-label = no titolo code and name
parse-1c-row-help = a 1.C row reads: V, two amounts, the titolo code and name, one amount
parse-not-titolo = `{ $text }` is not a titolo code and name
parse-not-titolo-label = titolo expected
parse-1d-row-help = a 1.D row reads: programma code and name, then three amounts
parse-2c-row-help = a 2.C row reads: four amounts, programma code and name, two amounts
parse-no-programma = programma row without a two-digit programma code
parse-no-programma-label = programma code expected
parse-row-help = a row reads: PEG key, description, V flag, amounts (and the missione-programma in spending sections)
parse-second-direzione = second Direzione heading `{ $code }` in section { $section }
parse-second-direzione-label = another Direzione
parse-second-direzione-help = a section holds one Direzione; a new Direzione starts a new report at its 1.A header
parse-peg-too-large = PEG number `{ $text }` is too large
parse-peg-too-large-label = not a PEG number
parse-peg-too-large-help = capitolo, articolo and sub-number are numbers of at most 9 digits
parse-pdc-fused = `{ $text }` cannot hold a sub-number and a 10-digit PDC code
parse-pdc-fused-label = sub-number and PDC expected here
parse-pdc-fused-help = in current sections the third number of the PEG key runs into the 10-digit PDC: `38 15 102010101000` is key 38 15 10, PDC 2010101000
parse-pdc-invalid = PDC code `{ $pdc }` { $why ->
        [zero] starts with titolo 0
       *[digits] is not ten digits
    }
parse-pdc-invalid-label = invalid PDC
parse-pdc-invalid-help = a PDC code has ten digits, the first being the titolo (1-9)
parse-second-total = second total `{ $label }` for the same level
parse-second-total-label = already totalled above
parse-second-total-help = each Tipologia/Macroaggregato, Titolo, Settore and Direzione has one total; a heading is probably missing above this total
parse-mp-missing = spending row without missione-programma
parse-mp-invalid = `{ $text }` is not a missione-programma
parse-mp-label = missione-programma expected
parse-mp-help = spending rows carry the missione and programma as two two-digit numbers, e.g. `12 04`, before the last amount
parse-expected-vincolate = expected in 1.C: a part heading (`ENTRATE CORRENTI`, `SPESE CORRENTI`), the Direzione name, a titolo row (`V` amounts, titolo code and name, amount) or a `Totale` line
parse-expected-missioni = expected: the titolo heading, the Direzione name, a missione heading (`12 DIRITTI SOCIALI...`), a programma row or a `Totale` line
parse-expected-tabella = expected a budget row (`CAPITOLO ARTICOLO NUMERO[PDC] DESCRIZIONE [V]amounts`), a total (`... Totale ...`), or a heading (`DIR..`, Settore, `...TITOLO`, `...TIPOLOGIA:`, `...MACROAGGR:`, `...CENTRO RESP:`)
parse-where-before-part = before the `ENTRATE CORRENTI` / `SPESE CORRENTI` heading
parse-expect-part = a part heading
parse-where-after-part-total = after this part's total
parse-expect-new-part = a new part heading
parse-where-before-missione = before any missione heading
parse-expect-missione = a missione heading such as `12 DIRITTI SOCIALI, POLITICHE SOCIALI E FAMIGLIA`
parse-where-after-same-total = after the total of the same level
parse-expect-new-missione = a new missione heading
parse-where-before-settore = before any Settore heading
parse-expect-settore = a Settore heading such as `51 AREA DIRITTI E INCLUSIONE`
parse-where-before-titolo = before any Titolo heading
parse-expect-titolo = a Titolo heading such as `2 TRASFERIMENTI CORRENTITITOLO`

## the audit report (quadra report)

report-summary = Checked by quadra { $version } · { $errors } error(s), { $warnings } warning(s), { $infos } info(s)
report-summary-accepted = {" "}· { $n } accepted in the baseline (not shown)
report-title = Audit report: { $file }
report-page-title = quadra audit report: { $file }
report-nav-reports = Reports
report-nav-findings = Findings
report-nav-vincoli = Vincolo groups
report-nav-missioni = Missioni
report-reports = Reports
report-findings = Findings
report-vincoli = Vincolo groups
report-missioni = Spending per missione-programma
report-col-section = Section
report-col-title = Title
report-col-rows = Rows
report-col-of-which-v = of which V
report-col-sum-of-rows = { $column } (sum of rows)
report-no-finding = No finding.
report-severity = { $severity ->
        [error] error
        [warning] warning
       *[info] info
    }
report-findings-count = { $n } finding(s)
report-col-line = Line
report-col-chapter = Chapter
report-col-finding = Finding
report-col-amounts = Amounts
report-col-lines = Lines of the report
report-help = help: { $help }
report-groups-count = { $n } group(s)
report-col-group = Group
report-col-confidence = Confidence
report-col-revenue = Revenue
report-col-spending = Spending
report-col-revenue-chapters = Revenue chapters
report-col-spending-chapters = Spending chapters
report-col-in-out-difference = in / out / difference
report-col-difference = { $column } difference
report-in-no-group = V chapters in no group:
report-graph-caption = Vincolo graph: revenue left, spending right; solid lines are declared or exact links, dashed ones circumstantial (hover a line for its evidence).
report-missioni-caption = Spending rows of 1.B and 2.B summed per missione-programma.
report-col-missione-programma = Missione-programma
report-unreadable = the report could not be read as intended
report-date = { $year }-{ $month }-{ $day }
report-record = The check
report-record-date = Date of the check
report-record-file = File checked
report-record-sha = SHA-256 of the file
report-record-version = quadra version
report-record-rules = Rule set
report-record-links = Link file
report-file-hash = { $file } (SHA-256 { $hash })
report-no-link-file = vincoli inferred, no link file
report-checks = Checks performed
report-col-rule = Rule
report-col-check = What it checks
report-col-outcome = Outcome
report-outcome-none = no finding
report-largest = Largest findings by amount
report-largest-none = No error or warning states a difference.
report-col-difference-abs = Difference
report-col-message = Finding
report-col-severity-rule = Severity and rule
report-builtin-rules = built-in rules/default.toml
report-accepted = Findings accepted in the baseline
report-accepted-none = No baseline, or no accepted finding of this document.
report-col-subject = Subject
report-col-justification = Justification
report-notes = Auditor's notes
report-signature = Place and date: ____________________   The auditor: ____________________ (signature)

## quadra rules

rules-col-id = ID
rules-col-family = FAMILY
rules-col-severity = SEVERITY
rules-col-kind = KIND
rules-col-summary = SUMMARY
rules-footer = { $n } rules. `quadra rules explain ID` explains one.
rules-meta = family: { $family }    severity: { $severity }    kind: { $kind }
rules-disabled = {"    "}(disabled)
rules-parameters = parameters: { $list }
rules-what = What it checks
rules-why = Why it matters
rules-example = Example
rules-not-given = (not given)
rules-unknown = no rule `{ $id }`{ $hint }; `quadra rules` lists them
rules-did-you-mean = {" "}(did you mean `{ $id }`?)
report-amount-name = { $column }, { $part ->
        [declared] declared
        [computed] computed
        [difference] difference
        [left] declared side
        [right] compared sum
        [revenue] revenue
        [spending] spending
        [outside] outside funding
       *[other] { $part }
    }

## command line: rule files, baselines, input

cli-more-problems = { $n } more problem(s) not shown
cli-rule-problems = { $n } problem(s) in the rule files; nothing was checked
cli-baseline-problems = { $n } problem(s) in the baseline { $file }; nothing was checked
cli-baseline-recorded = recorded { $n } finding(s) in { $file }; write a justification for each
cli-baseline-removed = removed { $n } stale { $n ->
        [one] entry
       *[other] entries
    } from { $file }
cli-baseline-stale = { $n } stale { $n ->
        [one] entry
       *[other] entries
    } in the baseline { $file } (`--prune` removes them)
cli-report-problems = { $file }: { $n } problem(s) reading the report
baseline-accepted-as = the baseline accepted this finding as `{ $message }`; review it again
baseline-accepted-with = the baseline accepted this finding with other amounts ({ $amounts }); review it again
baseline-stale = stale baseline entry: `{ $rule }` on `{ $subject }` in report { $report } matches no finding
baseline-stale-help = the finding is gone; `--prune` removes the entry
input-empty = the file is empty
input-binary = the file is binary data, not text
input-no-section = the file is not a Report Commissioni: no section header found
input-help = quadra reads the text of a Bilancio di Previsione - Report Commissioni (the text extracted from its PDF in reading order), whose sections start with headers such as `1.A        ENTRATE CORRENTI`
input-binary-label = binary data here
input-no-report-label = no report starts here

## quadra diff

diff-v-added = V flag added
diff-v-removed = V flag removed
diff-description = description `{ $from }` → `{ $to }`
diff-old = { $where } (old)
diff-chapters = chapters: { $added } added, { $removed } removed, { $changed } changed; totals and summaries: { $totals } changed
diff-findings = findings: { $introduced } introduced, { $resolved } resolved, { $changed } changed ({ $errors } new error(s))
diff-report = report { $report }
diff-chapter = chapter { $key } `{ $description }`
diff-findings-heading = findings
diff-was = was: { $amounts }
diff-status = { $status ->
        [introduced] introduced
        [resolved] resolved
        [changed] changed
        [added] added
       *[removed] removed
    }
diff-md-new-errors = ❌ **{ $n } new error finding(s)**
diff-md-no-new-error = ✅ no new error finding
diff-md-col-added = added
diff-md-col-removed = removed
diff-md-col-changed = changed
diff-md-chapters = chapters
diff-md-totals = totals and summaries
diff-md-findings-row = | findings | { $introduced } introduced | { $resolved } resolved | { $changed } |
diff-md-findings = Findings
diff-md-col-severity = severity
diff-md-col-rule = rule
diff-md-col-where = where
diff-md-col-message = message
diff-md-chapters-heading = Chapters
diff-md-totals-heading = Totals and summaries
diff-md-col-report = report
diff-md-col-section = section
diff-md-col-chapter = chapter
diff-md-col-total = total
diff-md-col-change = change
diff-md-more = … and { $n } more (run `quadra diff` for all)

## quadra links

links-suggest-1 = # Vincolo groups suggested by `quadra links suggest { $path }`.
links-suggest-2 = # Review every group against the documents that fund it: keep, split or
links-suggest-3 = # correct it, write in `justification` why it holds, then commit the file.
links-suggest-unlinked = # { $dir }: V chapters no evidence links (write their groups by hand):
links-suggest-cut = # { $dir }: the exact-sum search for { $key } stopped at its budget
links-side = { $side ->
        [revenue] revenue
       *[spending] spending
    }
links-line = line
links-header = { $dir }: { $groups } vincolo groups, { $revenue } V revenue and { $spending } V spending chapters in none
links-group = { $name } (confidence { confidence })
links-evidence = evidence: { $text }
links-revenue-in = revenue in
links-spending-out = spending out
links-difference = difference
links-in-no-group = In no group:
evidence-identical = identical amounts in every column: { $what }
evidence-sum = exact sum in every column: { $what }
evidence-declared = declared in the link file: { $what }
evidence-programme = programme { $name } named by revenue and spending{ $where }
svg-graph-label = vincolo graph
svg-bars-label = spending per missione-programma

## errors in rule, link and baseline files

cfg-expected = expected { $what }, found { $found ->
        [string] string
        [integer] integer
        [float] float
        [boolean] boolean
        [datetime] datetime
        [array] array
        [table] table
       *[other] { $found }
    }
cfg-write-here = write { $what } here
cfg-type-number = a number
cfg-type-string = a string
cfg-type-rules = a table of rules
cfg-type-table = a table
cfg-type-integer = an integer
cfg-type-boolean = true or false
cfg-type-text = a string, or a table of languages (`it`, `en`)
cfg-type-rule-table = a table (`[rules.<id>]`)
cfg-invalid-toml = invalid TOML: { $error }
cfg-rule-file-help = rule files are TOML: `[rules.<id>]` tables of `key = value` lines
cfg-unsupported-version = unsupported rule file version
cfg-version-help = this quadra reads `version = 1`
cfg-unknown-key = unknown key `{ $key }`
cfg-allowed = allowed { $place }: { $keys }
cfg-did-you-mean-allowed = did you mean `{ $similar }`? allowed { $place }: { $keys }
cfg-place-top = at the top of a rule file
cfg-place-in-rule = in a { $kind } rule
cfg-place-top-of = at the top of a { $what ->
        [baseline] baseline
        [link-file] link file
       *[other] { $what }
    }
cfg-invalid-rule-id = `{ $id }` is not a valid rule id
cfg-rule-id-help = rule ids are kebab-case: lowercase letters and digits joined by `-`, e.g. `total-mismatch`
cfg-unknown-rule = unknown rule id `{ $id }`
cfg-unknown-rule-help = `quadra rules` lists the rule ids; to declare a new rule, give it a `kind` ("row-predicate" or "aggregate")
cfg-did-you-mean = did you mean `{ $similar }`?{" "}
links-not-a-key = `{ $text }` is not a PEG key
links-key-help = a PEG key is capitolo, articolo and sub-number with single spaces, e.g. "3763 20 2"
links-no-name = group without a `name`
links-no-name-help = add `name = "..."`
links-no-revenue = group `{ $name }` has no revenue
links-no-revenue-help = list its revenue chapters in `revenue`, or its outside funding in `external`
links-no-spending = group `{ $name }` has no spending
links-no-spending-help = list the spending chapters it finances in `spending`
links-external-range = an external amount is between 0 and 1.000.000.000.000.000
links-external-help = write the amount in euro, e.g. 150000 or 150000.50
links-not-in-section = { links-side } chapter { $key } is not in section { $section } of the report
links-not-in-section-help = list the PEG key of a row of the report (revenue from 1.A, spending from 1.B)
links-not-v = chapter { $key } is in group `{ $name }` but is not marked V in the report
links-not-v-help = a vincolo group holds earmarked (V) chapters only: remove it, or correct the V flag in the report
links-twice = chapter { $key } is linked twice: in `{ $other }` and in `{ $name }`
links-twice-help = a chapter belongs to one group: merge the groups or remove it from one
cfg-unknown-kind = unknown rule kind `{ $kind }`
cfg-kinds = a rule's kind is one of: { $kinds }
cfg-key-of-other-kind = `{ $key }` is a key of { $other } rules, and `{ $id }` is a { $kind } rule
cfg-kind-takes = a { $kind } rule takes: { $keys }
cfg-unknown-family = unknown family `{ $family }`
cfg-families = families: { $families }
cfg-no-summary = rule `{ $id }` has no `summary`
cfg-no-summary-help = add `summary = "one line on what it checks"`
cfg-no-severity = rule `{ $id }` has no `severity`
cfg-no-severity-help = add `severity = "error"`, `"warning"` or `"info"`
cfg-takes-no-params = rule `{ $id }` takes no parameters
cfg-has-params = rule `{ $id }` has: { $params }
cfg-no-such-param = rule `{ $id }` has no parameter `{ $name }`
cfg-param-negative = parameter `{ $name }` cannot be negative
cfg-param-negative-help = tolerances, percentages and thresholds are zero or more
cfg-param-large = parameter `{ $name }` is too large
cfg-param-large-help = parameters are at most 1.000.000.000.000.000, far above any budget figure
cfg-no-builtin = there is no built-in rule `{ $id }`
cfg-builtins = built-in rules: { $ids }
cfg-builtin-needs = built-in rule `{ $id }` needs parameter `{ $name }`
cfg-unknown-severity = unknown severity `{ $severity }`
cfg-severity-help = severity is "error", "warning" or "info"
cfg-unknown-section = unknown section `{ $section }`
cfg-sections-help = sections are 1.A, 1.B, 1.C, 1.D, 2.A, 2.B, 2.C
cfg-unknown-item = unknown item kind `{ $item }`
cfg-items-help = items are "row", "summary" or "total"
cfg-unknown-part = unknown part `{ $part }`
cfg-parts-help = 1.C has the parts "entrate" and "spese"
cfg-missing-key = rule `{ $id }` has no `{ $key }`
cfg-value-constant = `value` compares with a constant and takes no selector keys
cfg-value-constant-help = write either `right = { "{" } value = 0 { "}" }` or a selector
tpl-unclosed = `{ "{" }` opens a placeholder that is never closed
tpl-unclosed-help = write `{ "{" }name{ "}" }`, or `{ "{{" }` for a brace
tpl-unknown = unknown placeholder `{ "{" }{ $name }{ "}" }`
tpl-can-use = this template can use: { $names }
tpl-params = the rule's parameters
tpl-stray-close = `{ "}" }` without a `{ "{" }`
tpl-stray-close-help = write `{ "}}" }` for a brace
tpl-yes = yes
tpl-no = no

## conditions (when) of rule files

expr-not-a-number = `{ $text }` is not a number
expr-number-help = write numbers with a decimal point and no thousands separator: 1000000.50
expr-unexpected-char = unexpected character `{ $char }`
expr-syntax-help = conditions use names, numbers, + - * /, comparisons (= != < <= > >=), and, or, not, abs(), parentheses
expr-too-long = condition longer than { $max } characters
expr-too-long-help = split it into several rules, or use parameters for long lists of values
expr-type = { $what ->
        [arithmetic] arithmetic
       *[other] { $what }
    } needs { $expected ->
        [num] a number
       *[bool] a true/false condition
    }, this is { $found ->
        [num] a number
       *[bool] a true/false condition
    }
expr-type-help = numbers combine with + - * / and compare with = != < <= > >=; conditions combine with and, or, not
expr-too-deep = nested more than { $max } levels deep
expr-too-deep-help = simplify the condition
expr-cannot-compare = cannot compare { $left ->
        [num] a number
       *[bool] a true/false condition
    } with { $right ->
        [num] a number
       *[bool] a true/false condition
    }
expr-cannot-compare-help = compare numbers with numbers, flags with true / false
expr-bool-compare = true/false values can only be compared with = or !=
expr-bool-compare-help = use `vincolato`, `not vincolato`, or `vincolato = true`
expr-unclosed = this `(` is never closed
expr-add-close = add `)`
expr-abs-open = `abs` needs `(`
expr-abs-help = write abs(x)
expr-abs-unclosed = `abs(` is never closed
expr-unknown-name = unknown name `{ $name }`
expr-names-help = a condition can use the rule's parameters and these fields: { $names }
expr-ends-early = the condition ends too early
expr-ends-early-help = complete it: e.g. `previsione > 0`
expr-unexpected = unexpected `{ $text }`
expr-unexpected-help = expected a number, a field name, `not`, `abs(` or `(`

## files that cannot be read or written

io-cannot-write = cannot write { $file }: { $error }
io-cannot-write-output = cannot write output: { $error }
io-cannot-read = cannot read { $file }: { $error }
io-cannot-read-rules = cannot read rules file { $file }: { $error }
io-cannot-read-links = cannot read link file { $file }: { $error }
io-cannot-read-folder = cannot read folder { $folder }: { $error }
io-empty-folder = folder { $folder } holds no .txt report
io-cannot-read-baseline = cannot read baseline { $file }: { $error }
io-cannot-write-baseline = cannot write baseline { $file }: { $error }
cfg-baseline-toml-help = a baseline is TOML: `version = 1` and `[[accepted]]` tables
cfg-links-toml-help = a link file is TOML: `[[group]]` tables with name, revenue, spending
cfg-unsupported-file-version = unsupported { $what ->
        [baseline] baseline
        [link-file] link file
       *[other] { $what }
    } version
cfg-not-an-amount = `{ $text }` is not an amount
cfg-amount-help = amounts are decimal strings with a point, e.g. "1234.50"
cfg-entry-without = `[[accepted]]` entry without `{ $key }`
cfg-entry-help = each entry has rule, report and subject, as `--write-baseline` writes them
cfg-not-exact-decimal = `{ $text }` is not an exact decimal amount
cfg-decimal-help = write an amount as 1000, 0.01 or "0.01" (decimal point, no exponent)
cfg-not-valid = { $n } is not a valid { $what }
cfg-whole-number = a { $what } is a whole number from 0 to { $max }
cfg-what-version = version
cfg-what-settore = Settore code
cfg-what-titolo = titolo code
cfg-what-gruppo = tipologia / macroaggregato code
cfg-unknown-level = unknown total level
cfg-levels = levels
cfg-cannot-group = cannot group by
cfg-group-by = group_by is one of
cfg-unknown-column = unknown column
cfg-columns = columns
cfg-unknown-operator = unknown operator
cfg-operators = operators

## SARIF rules table

sarif-help = { $what }

    Why: { $why }

    Example:
    { $example }
code-unrecognised-line = a line that is not a row, total, heading or page furniture of its section
code-invalid-utf8 = a line whose bytes are not UTF-8 text
code-malformed-amount = a word meant as an amount that is not in the Italian format 1.234,56
code-amount-count = a row or total with a different number of amounts than its section's columns
code-missing-amounts = a row or total whose amounts never came
code-invalid-pdc = a PDC code that is not ten digits
code-invalid-missione-programma = a missione-programma that is not two two-digit numbers
code-unexpected-text = text where the layout has only amounts
code-empty-section = a section header with no rows or totals under it
code-out-of-place = an item whose parent heading is missing
code-header-in-record = column-header words inside a record where no page break explains them
code-control-character = a control character (NUL...) inside a line of text
code-too-many-diagnostics = the input has so many problems that the rest are counted, not listed
report-record-documents = Year and Direzione
report-record-document = { $year } · { $direzione }

## reconcile: a report against the data of its chapters

reconcile-kind-only-in-report = only in the report
reconcile-kind-only-in-data = only in the data
reconcile-kind-amounts = other amounts
reconcile-kind-classification = other classification
reconcile-kind-total = sums differ
reconcile-summary = { $matched } chapter(s) matched; { $report } only in the report, { $data } only in the data, { $amounts } with other amounts, { $classification } with other classification, { $totals } Settore / Direzione sum(s) differ
reconcile-subject-chapter = { $section } chapter { $key } { $subject }
reconcile-field = { $field }: `{ $report }` in the report, `{ $data }` in the data
reconcile-amount = { $column }: { $report } in the report, { $data } in the data (difference { $difference })
reconcile-accepted = { $n } difference(s) accepted in the baseline (hidden)
reconcile-left-out = { $n } chapter(s) of the data are of Direzioni or years the report does not hold: left out
reconcile-compared = compared: amounts { $columns }; fields { $fields }
reconcile-md-agree = the data agree with the report
reconcile-md-differ = the data differ from the report
reconcile-md-title = ## Reconciliation: { $verdict }
reconcile-md-against = `{ $report }` against `{ $data }`: { $summary }
reconcile-md-header = | kind | chapter or sum | where | what differs |
reconcile-md-more = { $n } more difference(s) not shown

## check of a table of chapters: the lines under the summary

table-not-applicable = not applicable to this table: { $rules }
table-why-totals = no declared totals
table-why-summaries = no summary sections 1.C / 1.D / 2.C
table-why-vincolato = no V flag column
table-why-pdc = no PDC column
table-why-titolo = no titolo / tipologia / macroaggregato column
table-why-missione = no missione-programma column
table-why-previous-forecast = no forecast of the year before
table-why-rendiconto = no rendiconto column
table-why-di-cui = no "di cui" columns
table-why-forecast = no forecast column
table-why-settore = no Settore column
table-note-missing-header = column `{ $header }` (profile key `{ $key }`) is not in the table's header; that field is left empty
table-note-filtered = { $n } row(s) left out by the profile's filters
table-note-out-of-section = { $n } row(s) of titoli no section of the report holds, left out ({ $titoli })
table-note-empty = { $n } empty cell(s) of `{ $header }`: no amount (0,00 in the model, not a written 0)

## tables of chapters: cells the reader cannot take

table-cell = cell { $a1 } (`{ $header }`)
table-not-amount = { $cell }: `{ $text }` is not an amount
table-not-amount-label = not an amount
table-not-amount-help = write the amount as 1.234,56 or 1234.56; an empty cell means no amount
table-ambiguous = { $cell }: `{ $text }` reads one way with a decimal comma and another with a decimal point, and no cell of the file settles which
table-ambiguous-label = ambiguous amount
table-ambiguous-help = set the profile key `decimal` to "," (1.234 is one thousand two hundred thirty-four) or "." (1.234 is one point two three four)
table-other-form-comma = { $cell }: `{ $text }` is not written with a decimal comma (1.234,56), the number form of this file
table-other-form-point = { $cell }: `{ $text }` is not written with a decimal point (1,234.56), the number form of this file
table-other-form-label = other number form
table-other-form-help = correct the cell; the profile key `decimal` sets the form ("," or "."; "auto": the form most cells use)
table-too-large = { $cell }: `{ $text }` is too large to hold exactly
table-too-large-label = too large
table-too-large-help = amounts are exact decimals of at most 28 digits
table-foreign-column = { $cell }: `{ $text }` is an amount in a column the chapters of { $section } do not have
table-foreign-column-label = column not in this section
table-foreign-column-help = the "di cui" columns belong to capital chapters (2.A, 2.B); leave the cell empty
table-code = { $cell }: `{ $text }` is not a { $what }
table-code-label = not a { $what }
table-code-help = write the { $what } as a whole number
table-no-key = row { $row } has no PEG key: it is not read as a chapter
table-no-key-label = no PEG key
table-no-key-help = every chapter needs capitolo and articolo (or one `chiave` cell `3763 20 2`)
table-section = { $cell }: `{ $text }` is not a section with chapters
table-section-label = not a section
table-section-help = write 1.A, 1.B, 2.A or 2.B
table-kind = { $cell }: `{ $text }` is neither revenue ({ $entrate }) nor spending ({ $uscite })
table-kind-label = neither revenue nor spending
table-kind-help = add the value to `kind.entrate` or `kind.uscite` in the profile
table-no-titolo = row { $row } has no titolo (nor a PDC to read it from): its section cannot be told
table-no-titolo-label = no titolo
table-no-titolo-help = fill the titolo or the PDC of the chapter
table-flag = { $cell }: `{ $text }` is neither true nor false
table-flag-label = not a flag
table-flag-help = write true / false (or a value listed in the profile's `true` / `false` keys)
table-pdc = { $cell }: `{ $text }` is not a PDC code
table-pdc-label = not a PDC
table-pdc-help = write ten digits (1030215000), or the dotted form U.1.03.02.15.000 / 1.03.02.15
table-mp = { $cell }: `{ $text }` is not a missione-programma
table-mp-label = not a missione-programma
table-mp-help = write `12 04` (missione and programma, two digits each)
table-cells = row { $row } has { $n } cell(s) where the header has { $header }
table-cells-label = cells out of line
table-cells-help = a separator inside a cell must be quoted ("a;b"); the missing cells are read as empty
table-too-many = more than { $n } problems in the table: the rest are not listed

## tables of chapters: the table or its profile cannot be read

table-profile-unreadable = `{ $arg }` is neither a built-in profile ({ $presets }) nor a readable file: { $error }
table-header-required = the table has no column `{ $header }` (profile `{ $profile }`, key `{ $key }`), which it needs to read chapters
table-no-year = no column of the header matches `{ $header }` (profile key `{ $key }`) for any year; set `year = <yyyy>` in the profile
table-sheet-unreadable = the spreadsheet cannot be read: { $error }
table-sheet-missing = the workbook has no sheet `{ $name }` (profile key `sheet`); its sheets: { $sheets }
table-empty = the table is empty: not even a header row
table-not-utf8 = byte { $byte } is not UTF-8 text, but the profile says `encoding = "utf-8"`; set `encoding = "windows-1252"` or `"auto"`
table-no-profile = no built-in profile recognises the table's header; give one with --profile NAME|FILE

# Amount-precise locations (findings point at the figure)
figure-also-differs = {$column}: this figure differs too
figure-compared = {$column}: the figure it is compared with
figure-record = the record this figure belongs to
hint-corroborated = {$hint} ({$n} checks point at this row)

# A missing row, across the checks of a report
where-gruppo = { $kind ->
    [tipologia] Tipologia
   *[macroaggregato] Macroaggregato
} { $code } (`{ $label }`)
where-total = the items of `{ $label }`
hint-missing-row = likely cause: a row of exactly these amounts is missing (or was deleted) from { $place }{ $settore ->
    [none] {""}
   *[other] , Settore { $settore }
}{ $programma ->
    [none] {""}
   *[other] , programma { $programma }
}{ $v ->
    [yes] , marked V
   *[no] {""}
}: { $amounts }
hint-narrowed = {$hint} (the other rows are ruled out by the checks that still agree)
hint-parse-cause = likely cause: this line could not be read ({$code}: {$message}), so what it holds is in no sum; this finding follows from it

## out15: facts apart from hypotheses, readable output and filters
confidence-declared-as = declared, confidence { confidence }
unbalanced-declared = {" "}[group declared with confidence { $confidence }{ $attenuated ->
        [yes] : one severity step lower
       *[no] {""}
    }]
links-bad-confidence = `{ $text }` is not a confidence
links-bad-confidence-help = write `confidence = "high"`, `"medium"` or `"low"` (a `low` group's findings are one severity step lower unless `attenuate = false`)
check-summary-basis = { $file }: of the errors and warnings, { $document } on the document's figures (facts), { $grouping } on vincolo groupings (hypotheses)
check-filtered = ; { $n } not shown (filters)
check-severity-header = { $severity ->
        [error] Errors
        [warning] Warnings
       *[info] Review aids (info)
    }: { $n } ({ $file })
check-rule-header = { $rule }: { $n }{ $basis ->
        [grouping] {" "}(vincolo groupings: hypotheses to confirm)
       *[document] {""}
    }
check-rule-more = … and { $n } more (--verbose shows all)
links-group-declared = { $name } (confidence declared, { confidence }{ $attenuated ->
        [yes] : findings one severity step lower
       *[no] {""}
    })
check-related-more = ; { $n } more related locations: --verbose shows them
rule-change-percent = {" "}({ $percent } on { $base })
rule-change-zero = {" "}({ $base } is 0,00: no percentage)
cfg-change-column = `{ $text }` is not an amount column
cfg-change-two = `change` names two amount columns: the changed one, then the one it changed from
cfg-change-help = e.g. `change = ["previsione", "previsione_precedente"]`; columns: previsione, previsione_precedente, rendiconto_precedente, crono_anni_precedenti, altri_nuovi_stanziamenti, programma_triennale_lp
check-unknown-rule-filter = `--rule { $id }` matches no rule and no parse code{ $hint }; `quadra rules` lists them
check-bad-chapter-filter = `--chapter { $key }` is not a PEG key: write capitolo, articolo and sub-number ("3763 20 2"), or a glob ("3763 *")

## branch cfg15: where the configuration comes from, quiet CLI, baseline policy

cfg15-config = config: { $file }
cfg15-config-none = config: no quadra.toml in the report's folder or its parents (up to the repository root); built-in rules
cfg15-config-off = config: not looked for (--no-config); built-in rules
cfg15-rules = rules: built-in, then { $files }
cfg15-no-project = no quadra.toml
cfg15-projects-differ = { $a } ({ $pa }) and { $b } ({ $pb }) belong to different projects: check them in separate runs
cfg15-stdin-cwd = standard input has no folder: quadra.toml is looked for from the current directory { $dir }
cfg15-links-given = links: { $file } (given with --links)
cfg15-links-found = links: { $file } (found from the folder of { $report })
cfg15-links-none = links: none found for { $report }; vincolo groups are inferred
cfg15-links-off = links: not looked for (--no-config); vincolo groups are inferred
cfg15-links-stdin = links: standard input has no name, so no link file is looked for (give --links FILE); vincolo groups are inferred
cfg15-require-links = no link file for { $report } (looked for { $first } and { $second } from { $from } up to { $to }), and --require-links is given
cfg15-require-links-help = help: write one (`quadra links suggest { $report } -o { $file }`, then review it), or name it with --links FILE
cfg15-require-links-stdin = standard input has no name, so no link file can be found for it, and --require-links is given
cfg15-require-links-stdin-help = help: name the link file with --links FILE
cfg15-require-links-off = --no-config looks for no link file, and --require-links is given
cfg15-fault-expect = fault { $fault }: expect { $severity } { $rule } at { $place }
cfg15-fault-none = fault { $fault }: no place for it in this report
cfg15-where-row = report { $report }, section { $section }, chapter { $key }
cfg15-where-group = report { $report }, section { $section }, Settore { $settore }, total of group { $group }
cfg15-where-settore = report { $report }, section { $section }, total of Settore { $settore }
cfg15-where-part = report { $report }, section 1.C, total of the { $part ->
        [revenue] revenue
       *[spending] spending
    } part
cfg15-amount-named = { $name }: { $amount }
cfg15-baseline-unjustified = warning: { $n } { $n ->
        [one] entry
       *[other] entries
    } of the baseline { $file } { $n ->
        [one] has
       *[other] have
    } an empty justification (`--deny empty-justification` makes this an error)
cfg15-baseline-empty = baseline entry without a justification: `{ $rule }` on `{ $subject }` in report { $report }
cfg15-baseline-empty-help = write in `justification` why the finding is accepted (a decision, a document), or remove the entry
cfg15-baseline-denied-empty = { $n } { $n ->
        [one] entry
       *[other] entries
    } of the baseline { $file } without a justification, and --deny empty-justification is given
cfg15-baseline-denied-stale = { $n } stale { $n ->
        [one] entry
       *[other] entries
    } in the baseline { $file }, and --deny stale is given
cfg15-input-pdf = the file is a PDF, not the text of the report
cfg15-input-pdf-label = a PDF starts here
cfg15-input-pdf-help = quadra reads the report's text as extracted from its PDF in reading order, as the sample reports/milano-2022-dir07-welfare-e-salute.txt was made: one text line per line, blank lines between them, columns run together where the PDF has no space (`PEGPDC DESCRIZIONE PEG VINCPREVISIONE 2022`, `V1.234.240,003.500.000,00`), sections opening with headers such as `1.A        ENTRATE CORRENTI`; an extraction that lays the page out in aligned columns is another layout
cfg15-did-you-mean = did you mean `{ $name }`? { $rest }
cfg15-tpl-did-you-mean = did you mean `{ "{" }{ $name }{ "}" }`? { $rest }
cfg15-report-xlsx-one = `report --format xlsx` takes one report: give a file, not a folder or several files
cfg15-report-needs-folder = several reports make several pages: give -o DIR (a folder, created if needed) for one page per report and an index, or --format md for one document
cfg15-report-written = wrote { $n } { $n ->
        [one] page
       *[other] pages
    } and { $index } in { $folder }
cfg15-index-title = quadra: audit reports of { $n } { $n ->
        [one] file
       *[other] files
    }
cfg15-index-col-report = Report
cfg15-index-col-errors = Errors
cfg15-index-col-warnings = Warnings
cfg15-index-col-infos = Infos
cfg15-index-col-accepted = Accepted in the baseline
cfg15-header-did-you-mean = {" "}(did you mean the column `{ $name }`?)
cfg15-config-none-cwd = config: no quadra.toml in the current directory or its parents; built-in rules
diff-deleted-chapter = likely cause: the old version's chapter { $key } `{ $text }` has exactly these amounts, and the new one lacks it: it was deleted
