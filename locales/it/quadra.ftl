# I testi italiani di quadra. Ogni messaggio ha il gemello inglese in
# locales/en/quadra.ftl con gli stessi segnaposto (un test lo verifica).
# Termini del D.Lgs. 118/2011, uno per concetto (GLOSSARIO.md).
# Gli importi arrivano già scritti all'italiana (1.234,56).

## resa a terminale

# La parola che miette scrive prima del suggerimento (stessa larghezza di `help:`).
render-help = nota

## check: righe di riepilogo e tabella di più file

check-summary-counts = { $errors } { $errors ->
        [one] errore
       *[other] errori
    }, { $warnings } { $warnings ->
        [one] avvertenza
       *[other] avvertenze
    }, { $infos } { $infos ->
        [one] segnalazione
       *[other] segnalazioni
    }
check-infos-header = { $file }: { $n } { $n ->
        [one] segnalazione
       *[other] segnalazioni
    } (ausili alla revisione):
check-accepted = ; { $n } { $n ->
        [one] rilievo accettato
       *[other] rilievi accettati
    } nella linea di base (nascosti)
check-table-file = file
check-table-errors = errori
check-table-warnings = avvertenze
check-table-infos = segnalazioni
check-table-accepted = accettati
check-table-total = totale

## totali

total-nothing-listed = sotto di esso non è elencato nulla
total-items-sum = { $column } { $declared }; { $n ->
        [one] l'unica voce che totalizza vale { $computed }
       *[other] le { $n } voci che totalizza sommano { $computed }
    }
total-detail-first = { $column }: dichiarato { $declared }, calcolato { $computed } (differenza { $difference })
total-detail-other = { $column }: { $declared }, contro { $computed } (differenza { $difference })
total-message = `{ $label }` non è uguale alla somma di ciò che totalizza; { $details }
total-label = totale dichiarato ({ $what })
total-label-empty = totale dichiarato, ma { $what }
total-help = trovare la riga con l'importo errato (vedere le cause probabili) o correggere il totale; ogni colonna di un totale deve essere uguale alla somma delle righe sopra di esso
total-summed-role = i suoi importi sono esattamente l'eccedenza della somma: elencato sotto il totale sbagliato, o due volte?
total-only-item = l'unica voce sommata{ $key }
total-first-item = prima delle { $n } voci sommate{ $key }
total-last-item = ultima voce sommata{ $key }

## cause probabili

hint-cause = causa probabile: { $why }
hint-digit = causa probabile: una cifra digitata male? qui { $column } { $printed }; con { $right } i conti quadrano
hint-declared-digit = causa probabile: il totale dichiarato { $declared } differisce dalla somma { $computed } per una cifra: può essere errato il dato dichiarato stesso

## codici

mp-what = { $key ->
        [none] la riga di { $section } `{ $text }`
       *[other] il capitolo { $key }
    }
mp-regioni = { mp-what } è classificato nella missione-programma { $mp } ({ $name }), riservata alle Regioni
mp-regioni-label = programma riservato alle Regioni
mp-no-programma = { mp-what } è classificato nella missione-programma { $mp }: la missione { $missione } ({ $name }) non ha il programma { $programma }
mp-no-programma-label = programma inesistente
mp-no-missione = { mp-what } è classificato nella missione-programma { $mp }: la missione { $missione } non esiste
mp-no-missione-label = missione inesistente
mp-help = usare una missione-programma dell'Allegato 14 al D.Lgs. 118/2011 (la tabella è rules/missioni-programmi.toml); un codice errato colloca male il capitolo anche in 1.D / 2.C
dup-key-message = la chiave PEG { $key } compare più volte nella sezione { $section }
dup-key-label = chiave ripetuta
dup-key-help = un capitolo compare una sola volta per sezione: unire le righe o correggere la chiave (un errore di copia raddoppia gli importi del capitolo in ogni totale)
dup-key-first = prima riga con la chiave { $key }

## regole dichiarate in TOML

rule-help-default = `quadra rules explain { $id }` spiega perché conta
agg-help-default = `quadra rules explain { $id }` spiega che cosa deve coincidere
agg-other-column = ; { $column }: { $left } contro { $right } (differenza { $difference })
agg-label-no-counterpart = nessuna corrispondenza nella parte dichiarata
agg-label-declared = dichiarato qui ({ $summary })
agg-last-declared = ultima delle { $n } voci dichiarate
agg-only-summed = l'unica voce sommata dall'altra parte
agg-first-summed = prima delle { $n } voci sommate dall'altra parte
agg-last-summed = ultima voce sommata dall'altra parte
agg-who = { $key ->
        [none] `{ $text }`
       *[other] il capitolo { $key }
    }
agg-why-v = { agg-who } è segnato V; senza il segno V i conti quadrano
agg-why-not-v = { agg-who } non è segnato V; con il segno V i conti quadrano
agg-why-group = { agg-who } è sotto { $group }; potrebbe appartenere a un altro
agg-why-difference = { agg-who } è sommato e i suoi importi sono esattamente la differenza
agg-near-group = { agg-who } è sotto { $other }; sotto { $group } i conti quadrano

## vincoli

side = { $side ->
        [revenue] entrata
       *[spending] spesa
    }
confidence = { $level ->
        [declared] dichiarata
        [high] alta
        [medium] media
       *[low] bassa
    }
unbalanced-detail = { $column }: entrate { $revenue }, spese { $spending } ({ $over ->
        [yes] scoperto
       *[no] non speso
    } { $difference })
unbalanced-over = spende più delle sue entrate vincolate
unbalanced-under = riceve più entrate vincolate di quante ne spenda
unbalanced-over-label = gruppo con spesa non coperta
unbalanced-under-label = gruppo con entrate vincolate non spese
unbalanced-message = il gruppo di vincolo di { $key } `{ $name }` ({ $revenue } { $revenue ->
        [one] capitolo
       *[other] capitoli
    } di entrata, { $spending } di spesa) { $what }: { $details }
unbalanced-inferred = {" "}[gruppo inferito, attendibilità { $confidence }: confermarlo nel file di collegamento]
unbalanced-help-over = la spesa vincolata può usare solo le sue entrate vincolate: ridurre la spesa, trovare l'entrata che la finanzia (o dichiarare nel file di collegamento il finanziamento esterno) o correggere il gruppo
unbalanced-help-under = l'entrata vincolata non spesa resta vincolata alla sua destinazione: verificare se manca un capitolo di spesa o se il gruppo è sbagliato
unbalanced-related = { side } { $key } ({ $amounts })
unbalanced-more = {" "}(altri { $n } capitoli nel gruppo: `quadra links show`)
unmatched-message = il capitolo di { side } V { $key } `{ $text }` non è in alcun gruppo di vincolo ({ $amounts })
unmatched-label = { side } V in nessun gruppo
unmatched-help-revenue = indicare la spesa che finanzia in un gruppo del file di collegamento (`quadra links suggest` propone i gruppi)
unmatched-help-spending = indicare l'entrata vincolata che la finanzia in un gruppo del file di collegamento (`quadra links suggest` propone i gruppi)
flag-message = il capitolo di { $side ->
        [revenue] entrata
       *[spending] spesa
    } { $key } `{ $text }` non è segnato V, ma i suoi importi sono esattamente quelli del capitolo di { $vside ->
        [revenue] entrata
       *[spending] spesa
    } V { $vkey } ({ $amounts })
flag-label = non segnato V
flag-help = importi identici in ogni colonna di solito significano che questo capitolo finanzia il capitolo V (o ne è finanziato): segnarlo V, o spiegare nel file di collegamento perché no
flag-related = capitolo di { $vside ->
        [revenue] entrata
       *[spending] spesa
    } V { $vkey } con gli stessi importi
coverage-detail = { $column }: spese vincolate { $spending }, entrate vincolate { $revenue } + finanziamento esterno { $outside } ({ $over ->
        [yes] scoperto
       *[no] non speso
    } { $difference })
coverage-over-message = le spese vincolate del report superano le entrate vincolate e il finanziamento esterno dichiarato; { $details }
coverage-under-message = le entrate vincolate del report superano le spese vincolate; { $details }
coverage-label = totali vincolati
coverage-help-over = per chiudere lo scoperto in { $column }, dichiarare nel file di collegamento { $amount } di finanziamento esterno (fondo pluriennale vincolato, avanzo vincolato applicato), o trovare l'entrata vincolata che finanzia questa spesa
coverage-help-under = l'entrata vincolata non spesa nell'esercizio resta vincolata alla sua destinazione (avanzo vincolato)

## diagnostica di lettura

parse-unrecognised = riga non riconosciuta nella sezione { $code } { $title }
parse-not-understood = non compresa qui
parse-out-of-place = voce { $what }
parse-parent-missing = manca l'intestazione superiore
parse-expected-above = attesa sopra questa riga: { $expected }
parse-too-many = altri { $n } problemi non elencati (sono elencati solo i primi { $max })
parse-too-many-label = elenco interrotto dopo questo
parse-too-many-help = correggere i problemi elencati, o verificare che il file sia davvero un Report Commissioni
parse-utf8 = la riga non è testo UTF-8
parse-utf8-label = byte non valido
parse-utf8-help = il report deve essere testo UTF-8; questa riga contiene dati binari o un'altra codifica (estrarre di nuovo con `pdftotext -enc UTF-8`)
parse-anno = `ANNO :` senza l'anno
parse-anno-label = anno atteso dopo questo
parse-anno-help = l'esercizio segue `ANNO :`, sulla stessa riga o sulla successiva
parse-control = carattere di controllo nella riga
parse-control-label = carattere di controllo
parse-control-help = un report è testo semplice; questo byte è un residuo dell'estrazione o di un file danneggiato, e il testo intorno può essere errato
parse-between = riga non riconosciuta tra due sezioni
parse-between-help = attesa l'intestazione di una sezione (`1.A        ENTRATE CORRENTI` ... `2.C ...`) o le pagine descrittive (`MISSIONE`)
parse-before-first = riga non riconosciuta prima della prima sezione
parse-before-first-help = un report si apre con il titolo (`Bilancio di Previsione 2022 - REPORT COMMISSIONI -`) e l'intestazione della sezione 1.A
parse-header-in-record = parole di intestazione di colonna dentro una voce, non dopo un cambio pagina
parse-header-in-record-label = messa da parte come intestazione di colonna
parse-header-in-record-help = se questa riga fa parte della descrizione sopra, la descrizione ne resta priva: confrontare la riga con il PDF originale
parse-empty-section = la sezione { $code } non ha righe né totali
parse-empty-section-label = sezione vuota
parse-empty-section-help = una sezione elenca righe e totali sotto l'intestazione; il file potrebbe essere troncato qui
parse-malformed = importo malformato `{ $text }`
parse-malformed-label = non è un importo
parse-malformed-help = gli importi si scrivono all'italiana: punti tra le migliaia, una virgola e due decimali esatti, per esempio 1.234.240,00
parse-amount-count = { $what ->
        [total] il totale
        [vincolate-row] la riga di 1.C
        [programma-row] la riga di programma
       *[row] la riga
    } ha { $n } importi, ne sono attesi { $expected }
parse-amount-count-label = qui { $n } importi
parse-amount-count-help = attesi, in quest'ordine: { $columns }
parse-unexpected-among = testo inatteso `{ $text }` tra gli importi
parse-unexpected-before = testo inatteso `{ $text }` prima degli importi
parse-unexpected-label = non previsto dal tracciato
parse-total-no-amounts = totale senza importi
parse-total-no-amounts-label = questo totale non ha importi
parse-total-no-amounts-help = un totale di { $code } riporta gli importi intorno all'etichetta
parse-no-amounts = { $what ->
        [total] totale
       *[row] riga
    } senza importi
parse-no-amounts-label = { $what ->
        [total] questo totale
       *[row] questa riga
    } non ha importi
parse-no-amounts-help = gli importi ({ $columns }) seguono la descrizione, sulla sua ultima riga o su una riga a sé
parse-1c-no-titolo = riga di 1.C senza titolo
parse-1c-no-titolo-label = manca codice e nome del titolo
parse-1c-row-help = una riga di 1.C riporta: V, due importi, codice e nome del titolo, un importo
parse-not-titolo = `{ $text }` non è codice e nome di un titolo
parse-not-titolo-label = titolo atteso
parse-1d-row-help = una riga di 1.D riporta: codice e nome del programma, poi tre importi
parse-2c-row-help = una riga di 2.C riporta: quattro importi, codice e nome del programma, due importi
parse-no-programma = riga di programma senza codice di programma a due cifre
parse-no-programma-label = codice di programma atteso
parse-row-help = una riga riporta: chiave PEG, descrizione, segno V, importi (e la missione-programma nelle sezioni di spesa)
parse-second-direzione = seconda intestazione di Direzione `{ $code }` nella sezione { $section }
parse-second-direzione-label = un'altra Direzione
parse-second-direzione-help = una sezione contiene una sola Direzione; una nuova Direzione apre un nuovo report con la sua intestazione 1.A
parse-peg-too-large = numero PEG `{ $text }` troppo grande
parse-peg-too-large-label = non è un numero PEG
parse-peg-too-large-help = capitolo, articolo e numero sono numeri di al più 9 cifre
parse-pdc-fused = `{ $text }` non può contenere un numero e un codice PDC di 10 cifre
parse-pdc-fused-label = attesi numero e PDC
parse-pdc-fused-help = nelle sezioni correnti il terzo numero della chiave PEG è attaccato al PDC di 10 cifre: `38 15 102010101000` è la chiave 38 15 10, PDC 2010101000
parse-pdc-invalid = il codice PDC `{ $pdc }` { $why ->
        [zero] comincia con il titolo 0
       *[digits] non ha dieci cifre
    }
parse-pdc-invalid-label = PDC non valido
parse-pdc-invalid-help = un codice PDC ha dieci cifre, la prima è il titolo (1-9)
parse-second-total = secondo totale `{ $label }` per lo stesso livello
parse-second-total-label = già totalizzato sopra
parse-second-total-help = ogni Tipologia/Macroaggregato, Titolo, Settore e Direzione ha un solo totale; probabilmente manca un'intestazione sopra questo totale
parse-mp-missing = riga di spesa senza missione-programma
parse-mp-invalid = `{ $text }` non è una missione-programma
parse-mp-label = missione-programma attesa
parse-mp-help = le righe di spesa riportano missione e programma come due numeri di due cifre, per esempio `12 04`, prima dell'ultimo importo
parse-expected-vincolate = attesi in 1.C: l'intestazione di una parte (`ENTRATE CORRENTI`, `SPESE CORRENTI`), il nome della Direzione, una riga di titolo (importi `V`, codice e nome del titolo, importo) o una riga `Totale`
parse-expected-missioni = attesi: l'intestazione del titolo, il nome della Direzione, l'intestazione di una missione (`12 DIRITTI SOCIALI...`), una riga di programma o una riga `Totale`
parse-expected-tabella = attesi una riga di bilancio (`CAPITOLO ARTICOLO NUMERO[PDC] DESCRIZIONE [V]importi`), un totale (`... Totale ...`) o un'intestazione (`DIR..`, Settore, `...TITOLO`, `...TIPOLOGIA:`, `...MACROAGGR:`, `...CENTRO RESP:`)
parse-where-before-part = prima dell'intestazione `ENTRATE CORRENTI` / `SPESE CORRENTI`
parse-expect-part = l'intestazione di una parte
parse-where-after-part-total = dopo il totale di questa parte
parse-expect-new-part = l'intestazione di una nuova parte
parse-where-before-missione = prima di ogni intestazione di missione
parse-expect-missione = l'intestazione di una missione, per esempio `12 DIRITTI SOCIALI, POLITICHE SOCIALI E FAMIGLIA`
parse-where-after-same-total = dopo il totale dello stesso livello
parse-expect-new-missione = l'intestazione di una nuova missione
parse-where-before-settore = prima di ogni intestazione di Settore
parse-expect-settore = l'intestazione di un Settore, per esempio `51 AREA DIRITTI E INCLUSIONE`
parse-where-before-titolo = prima di ogni intestazione di Titolo
parse-expect-titolo = l'intestazione di un Titolo, per esempio `2 TRASFERIMENTI CORRENTITITOLO`

## la relazione di revisione (quadra report)

report-summary = Controllato con quadra { $version } · { $errors } { $errors ->
        [one] errore
       *[other] errori
    }, { $warnings } { $warnings ->
        [one] avvertenza
       *[other] avvertenze
    }, { $infos } { $infos ->
        [one] segnalazione
       *[other] segnalazioni
    }
report-summary-accepted = {" "}· { $n } { $n ->
        [one] rilievo accettato
       *[other] rilievi accettati
    } nella linea di base (non mostrati)
report-title = Carta di lavoro del revisore: { $file }
report-page-title = quadra, carta di lavoro: { $file }
report-nav-reports = Documento
report-nav-findings = Rilievi
report-nav-vincoli = Vincoli
report-nav-missioni = Missioni
report-reports = Documento controllato
report-findings = Rilievi
report-vincoli = Gruppi di vincolo: entrate vincolate e spese finanziate
report-missioni = Spesa per missione e programma
report-col-section = Sezione
report-col-title = Titolo della sezione
report-col-rows = Righe
report-col-of-which-v = di cui vincolate (V)
report-col-sum-of-rows = { $column } (somma delle righe)
report-no-finding = Nessun rilievo.
report-severity = { $severity ->
        [error] errore
        [warning] avvertenza
       *[info] segnalazione
    }
report-findings-count = { $n } { $n ->
        [one] rilievo
       *[other] rilievi
    }
report-col-line = Riga
report-col-chapter = Capitolo
report-col-finding = Rilievo
report-col-amounts = Importi
report-col-lines = Righe del documento
report-help = nota: { $help }
report-groups-count = { $n } { $n ->
        [one] gruppo
       *[other] gruppi
    }
report-col-group = Gruppo
report-col-confidence = Attendibilità
report-col-revenue = Entrate
report-col-spending = Spese
report-col-revenue-chapters = Capitoli di entrata
report-col-spending-chapters = Capitoli di spesa
report-col-in-out-difference = entrate / spese / saldo
report-col-difference = saldo { $column }
report-in-no-group = Capitoli V in nessun gruppo:
report-graph-caption = Grafo dei vincoli: entrate a sinistra, spese a destra; linee continue per i collegamenti dichiarati o esatti, tratteggiate per quelli indiziari (passare sopra una linea per vederne l'evidenza).
report-missioni-caption = Righe di spesa di 1.B e 2.B sommate per missione-programma.
report-col-missione-programma = Missione-programma
report-unreadable = il documento non è stato letto come previsto
report-date = { $day }/{ $month }/{ $year }
report-record = Estremi del controllo
report-record-date = Data del controllo
report-record-file = File controllato
report-record-sha = SHA-256 del file
report-record-version = Versione di quadra
report-record-rules = Regole applicate
report-record-links = File di collegamento
report-file-hash = { $file } (SHA-256 { $hash })
report-no-link-file = vincoli inferiti, nessun file di collegamento
report-checks = Controlli eseguiti
report-col-rule = Regola
report-col-check = Che cosa verifica
report-col-outcome = Esito
report-outcome-none = nessun rilievo
report-largest = Rilievi principali per importo
report-largest-none = Nessun errore o avvertenza riporta una differenza.
report-col-difference-abs = Differenza
report-col-message = Rilievo
report-col-severity-rule = Gravità e regola
report-builtin-rules = regole predefinite rules/default.toml
report-accepted = Rilievi accettati nella linea di base
report-accepted-none = Nessuna linea di base, o nessun rilievo accettato di questo documento.
report-col-subject = Oggetto
report-col-justification = Motivazione
report-notes = Note del revisore
report-signature = Luogo e data: ____________________   Il revisore: ____________________ (firma)

## quadra rules

rules-col-id = ID
rules-col-family = FAMIGLIA
rules-col-severity = GRAVITÀ
rules-col-kind = TIPO
rules-col-summary = DESCRIZIONE
rules-footer = { $n } regole. `quadra rules explain ID` ne spiega una.
rules-meta = famiglia: { $family }    gravità: { $severity }    tipo: { $kind }
rules-disabled = {"    "}(disattivata)
rules-parameters = parametri: { $list }
rules-what = Che cosa verifica
rules-why = Perché conta
rules-example = Esempio
rules-not-given = (non indicato)
rules-unknown = nessuna regola `{ $id }`{ $hint }; `quadra rules` le elenca
rules-did-you-mean = {" "}(forse `{ $id }`?)
report-amount-name = { $column }, { $part ->
        [declared] dichiarato
        [computed] calcolato
        [difference] differenza
        [left] parte dichiarata
        [right] somma confrontata
        [revenue] entrate
        [spending] spese
        [outside] finanziamento esterno
       *[other] { $part }
    }

## riga di comando: file di regole, linee di base, ingresso

cli-more-problems = altri { $n } problemi non mostrati
cli-rule-problems = { $n } { $n ->
        [one] problema
       *[other] problemi
    } nei file di regole; nessun controllo eseguito
cli-baseline-problems = { $n } { $n ->
        [one] problema
       *[other] problemi
    } nella linea di base { $file }; nessun controllo eseguito
cli-baseline-recorded = { $n ->
        [one] registrato 1 rilievo
       *[other] registrati { $n } rilievi
    } in { $file }; scrivere la motivazione di ciascuno
cli-baseline-removed = { $n ->
        [one] tolta 1 voce superata
       *[other] tolte { $n } voci superate
    } da { $file }
cli-baseline-stale = { $n } { $n ->
        [one] voce superata
       *[other] voci superate
    } nella linea di base { $file } (`--prune` le toglie)
cli-report-problems = { $file }: { $n } { $n ->
        [one] problema
       *[other] problemi
    } nella lettura del report
baseline-accepted-as = la linea di base aveva accettato questo rilievo come `{ $message }`; riesaminarlo
baseline-accepted-with = la linea di base aveva accettato questo rilievo con altri importi ({ $amounts }); riesaminarlo
baseline-stale = voce superata della linea di base: `{ $rule }` su `{ $subject }` nel report { $report } non corrisponde ad alcun rilievo
baseline-stale-help = il rilievo non c'è più; `--prune` toglie la voce
input-empty = il file è vuoto
input-binary = il file contiene dati binari, non testo
input-no-section = il file non è un Report Commissioni: nessuna intestazione di sezione
input-help = quadra legge il testo di un Bilancio di Previsione - Report Commissioni (il testo estratto dal suo PDF nell'ordine di lettura), le cui sezioni si aprono con intestazioni come `1.A        ENTRATE CORRENTI`
input-binary-label = dati binari qui
input-no-report-label = qui non comincia alcun report

## quadra diff

diff-v-added = segno V aggiunto
diff-v-removed = segno V tolto
diff-description = descrizione `{ $from }` → `{ $to }`
diff-old = { $where } (versione precedente)
diff-chapters = capitoli: { $added } { $added ->
        [one] aggiunto
       *[other] aggiunti
    }, { $removed } { $removed ->
        [one] tolto
       *[other] tolti
    }, { $changed } { $changed ->
        [one] modificato
       *[other] modificati
    }; totali e riepiloghi: { $totals } { $totals ->
        [one] modificato
       *[other] modificati
    }
diff-findings = rilievi: { $introduced } { $introduced ->
        [one] nuovo
       *[other] nuovi
    }, { $resolved } { $resolved ->
        [one] risolto
       *[other] risolti
    }, { $changed } { $changed ->
        [one] modificato
       *[other] modificati
    } ({ $errors } { $errors ->
        [one] nuovo errore
       *[other] nuovi errori
    })
diff-report = report { $report }
diff-chapter = capitolo { $key } `{ $description }`
diff-findings-heading = rilievi
diff-was = prima: { $amounts }
diff-status = { $status ->
        [introduced] nuovo
        [resolved] risolto
        [changed] modificato
        [added] aggiunto
       *[removed] tolto
    }
diff-md-new-errors = ❌ **{ $n } { $n ->
        [one] nuovo rilievo di errore
       *[other] nuovi rilievi di errore
    }**
diff-md-no-new-error = ✅ nessun nuovo rilievo di errore
diff-md-col-added = aggiunti
diff-md-col-removed = tolti
diff-md-col-changed = modificati
diff-md-chapters = capitoli
diff-md-totals = totali e riepiloghi
diff-md-findings-row = | rilievi | { $introduced } nuovi | { $resolved } risolti | { $changed } |
diff-md-findings = Rilievi
diff-md-col-severity = gravità
diff-md-col-rule = regola
diff-md-col-where = dove
diff-md-col-message = rilievo
diff-md-chapters-heading = Capitoli
diff-md-totals-heading = Totali e riepiloghi
diff-md-col-report = report
diff-md-col-section = sezione
diff-md-col-chapter = capitolo
diff-md-col-total = totale
diff-md-col-change = modifica
diff-md-more = … e altri { $n } (`quadra diff` li mostra tutti)

## quadra links

links-suggest-1 = # Gruppi di vincolo proposti da `quadra links suggest { $path }`.
links-suggest-2 = # Verificare ogni gruppo sui documenti che lo finanziano: tenerlo, dividerlo o
links-suggest-3 = # correggerlo, scrivere in `justification` perché regge, poi salvare il file nel repository.
links-suggest-unlinked = # { $dir }: capitoli V che nessuna evidenza collega (scriverne i gruppi a mano):
links-suggest-cut = # { $dir }: la ricerca di somme esatte per { $key } si è fermata al limite
links-side = { $side ->
        [revenue] entrata
       *[spending] spesa
    }
links-line = riga
links-header = { $dir }: { $groups } gruppi di vincolo, { $revenue } capitoli V di entrata e { $spending } di spesa in nessun gruppo
links-group = { $name } (attendibilità { confidence })
links-evidence = evidenza: { $text }
links-revenue-in = entrate
links-spending-out = spese
links-difference = saldo
links-in-no-group = In nessun gruppo:
evidence-identical = importi identici in ogni colonna: { $what }
evidence-sum = somma esatta in ogni colonna: { $what }
evidence-declared = dichiarato nel file di collegamento: { $what }
evidence-programme = programma { $name } nominato dall'entrata e dalla spesa{ $where }
svg-graph-label = grafo dei vincoli
svg-bars-label = spesa per missione-programma

## errori nei file di regole, di collegamento e nelle linee di base

cfg-expected = atteso { $what }, trovato { $found ->
        [string] una stringa
        [integer] un intero
        [float] un numero decimale
        [boolean] un valore logico
        [datetime] una data
        [array] un elenco
        [table] una tabella
       *[other] { $found }
    }
cfg-write-here = scrivere qui { $what }
cfg-type-number = un numero
cfg-type-string = una stringa
cfg-type-rules = una tabella di regole
cfg-type-table = una tabella
cfg-type-integer = un intero
cfg-type-boolean = true o false
cfg-type-text = una stringa, o una tabella di lingue (`it`, `en`)
cfg-type-rule-table = una tabella (`[rules.<id>]`)
cfg-invalid-toml = TOML non valido: { $error }
cfg-rule-file-help = i file di regole sono TOML: tabelle `[rules.<id>]` di righe `chiave = valore`
cfg-unsupported-version = versione del file di regole non supportata
cfg-version-help = questa versione di quadra legge `version = 1`
cfg-unknown-key = chiave sconosciuta `{ $key }`
cfg-allowed = ammesse { $place }: { $keys }
cfg-did-you-mean-allowed = forse `{ $similar }`? ammesse { $place }: { $keys }
cfg-place-top = all'inizio di un file di regole
cfg-place-in-rule = in una regola { $kind }
cfg-place-top-of = all'inizio di { $what ->
        [baseline] una linea di base
        [link-file] un file di collegamento
       *[other] { $what }
    }
cfg-invalid-rule-id = `{ $id }` non è un id di regola valido
cfg-rule-id-help = gli id delle regole sono in kebab-case: lettere minuscole e cifre unite da `-`, per esempio `total-mismatch`
cfg-unknown-rule = id di regola sconosciuto `{ $id }`
cfg-unknown-rule-help = `quadra rules` elenca gli id; per dichiarare una nuova regola, darle un `kind` ("row-predicate" o "aggregate")
cfg-did-you-mean = forse `{ $similar }`?{" "}
links-not-a-key = `{ $text }` non è una chiave PEG
links-key-help = una chiave PEG è capitolo, articolo e numero separati da uno spazio, per esempio "3763 20 2"
links-no-name = gruppo senza `name`
links-no-name-help = aggiungere `name = "..."`
links-no-revenue = il gruppo `{ $name }` non ha entrate
links-no-revenue-help = elencarne i capitoli di entrata in `revenue`, o il finanziamento esterno in `external`
links-no-spending = il gruppo `{ $name }` non ha spese
links-no-spending-help = elencare in `spending` i capitoli di spesa che finanzia
links-external-range = un importo esterno è tra 0 e 1.000.000.000.000.000
links-external-help = scrivere l'importo in euro, per esempio 150000 o 150000.50
links-not-in-section = il capitolo di { links-side } { $key } non è nella sezione { $section } del report
links-not-in-section-help = indicare la chiave PEG di una riga del report (entrate da 1.A, spese da 1.B)
links-not-v = il capitolo { $key } è nel gruppo `{ $name }` ma nel report non è segnato V
links-not-v-help = un gruppo di vincolo contiene solo capitoli vincolati (V): toglierlo, o correggere il segno V nel report
links-twice = il capitolo { $key } è collegato due volte: in `{ $other }` e in `{ $name }`
links-twice-help = un capitolo appartiene a un solo gruppo: unire i gruppi o toglierlo da uno
cfg-unknown-kind = tipo di regola sconosciuto `{ $kind }`
cfg-kinds = il tipo di una regola è uno di: { $kinds }
cfg-key-of-other-kind = `{ $key }` è una chiave delle regole { $other }, e `{ $id }` è una regola { $kind }
cfg-kind-takes = una regola { $kind } ammette: { $keys }
cfg-unknown-family = famiglia sconosciuta `{ $family }`
cfg-families = famiglie: { $families }
cfg-no-summary = la regola `{ $id }` non ha `summary`
cfg-no-summary-help = aggiungere `summary = "una riga su che cosa verifica"`
cfg-no-severity = la regola `{ $id }` non ha `severity`
cfg-no-severity-help = aggiungere `severity = "error"`, `"warning"` o `"info"`
cfg-takes-no-params = la regola `{ $id }` non ha parametri
cfg-has-params = la regola `{ $id }` ha: { $params }
cfg-no-such-param = la regola `{ $id }` non ha il parametro `{ $name }`
cfg-param-negative = il parametro `{ $name }` non può essere negativo
cfg-param-negative-help = tolleranze, percentuali e soglie sono zero o più
cfg-param-large = il parametro `{ $name }` è troppo grande
cfg-param-large-help = i parametri sono al più 1.000.000.000.000.000, ben oltre ogni cifra di bilancio
cfg-no-builtin = non esiste una regola predefinita `{ $id }`
cfg-builtins = regole predefinite in Rust: { $ids }
cfg-builtin-needs = la regola predefinita `{ $id }` richiede il parametro `{ $name }`
cfg-unknown-severity = gravità sconosciuta `{ $severity }`
cfg-severity-help = la gravità è "error", "warning" o "info"
cfg-unknown-section = sezione sconosciuta `{ $section }`
cfg-sections-help = le sezioni sono 1.A, 1.B, 1.C, 1.D, 2.A, 2.B, 2.C
cfg-unknown-item = tipo di voce sconosciuto `{ $item }`
cfg-items-help = le voci sono "row", "summary" o "total"
cfg-unknown-part = parte sconosciuta `{ $part }`
cfg-parts-help = 1.C ha le parti "entrate" e "spese"
cfg-missing-key = la regola `{ $id }` non ha `{ $key }`
cfg-value-constant = `value` confronta con una costante e non ammette chiavi di selezione
cfg-value-constant-help = scrivere `right = { "{" } value = 0 { "}" }` oppure un selettore
tpl-unclosed = `{ "{" }` apre un segnaposto che non viene mai chiuso
tpl-unclosed-help = scrivere `{ "{" }nome{ "}" }`, o `{ "{{" }` per una graffa
tpl-unknown = segnaposto sconosciuto `{ "{" }{ $name }{ "}" }`
tpl-can-use = questo modello può usare: { $names }
tpl-params = i parametri della regola
tpl-stray-close = `{ "}" }` senza una `{ "{" }`
tpl-stray-close-help = scrivere `{ "}}" }` per una graffa
tpl-yes = sì
tpl-no = no

## condizioni (when) dei file di regole

expr-not-a-number = `{ $text }` non è un numero
expr-number-help = scrivere i numeri con il punto decimale e senza separatore delle migliaia: 1000000.50
expr-unexpected-char = carattere inatteso `{ $char }`
expr-syntax-help = le condizioni usano nomi, numeri, + - * /, confronti (= != < <= > >=), and, or, not, abs(), parentesi
expr-too-long = condizione più lunga di { $max } caratteri
expr-too-long-help = dividerla in più regole, o usare parametri per lunghi elenchi di valori
expr-type = { $what ->
        [arithmetic] l'aritmetica
       *[other] { $what }
    } richiede { $expected ->
        [num] un numero
       *[bool] una condizione vero/falso
    }, questa è { $found ->
        [num] un numero
       *[bool] una condizione vero/falso
    }
expr-type-help = i numeri si combinano con + - * / e si confrontano con = != < <= > >=; le condizioni si combinano con and, or, not
expr-too-deep = annidata per più di { $max } livelli
expr-too-deep-help = semplificare la condizione
expr-cannot-compare = impossibile confrontare { $left ->
        [num] un numero
       *[bool] una condizione vero/falso
    } con { $right ->
        [num] un numero
       *[bool] una condizione vero/falso
    }
expr-cannot-compare-help = confrontare numeri con numeri, segni con true / false
expr-bool-compare = i valori vero/falso si confrontano solo con = o !=
expr-bool-compare-help = usare `vincolato`, `not vincolato` o `vincolato = true`
expr-unclosed = questa `(` non viene mai chiusa
expr-add-close = aggiungere `)`
expr-abs-open = `abs` richiede `(`
expr-abs-help = scrivere abs(x)
expr-abs-unclosed = `abs(` non viene mai chiusa
expr-unknown-name = nome sconosciuto `{ $name }`
expr-names-help = una condizione può usare i parametri della regola e questi campi: { $names }
expr-ends-early = la condizione finisce troppo presto
expr-ends-early-help = completarla: per esempio `previsione > 0`
expr-unexpected = `{ $text }` inatteso
expr-unexpected-help = attesi un numero, il nome di un campo, `not`, `abs(` o `(`

## file che non si possono leggere o scrivere

io-cannot-write = impossibile scrivere { $file }: { $error }
io-cannot-write-output = impossibile scrivere l'uscita: { $error }
io-cannot-read = impossibile leggere { $file }: { $error }
io-cannot-read-rules = impossibile leggere il file di regole { $file }: { $error }
io-cannot-read-links = impossibile leggere il file di collegamento { $file }: { $error }
io-cannot-read-folder = impossibile leggere la cartella { $folder }: { $error }
io-empty-folder = la cartella { $folder } non contiene report .txt
io-cannot-read-baseline = impossibile leggere la linea di base { $file }: { $error }
io-cannot-write-baseline = impossibile scrivere la linea di base { $file }: { $error }
cfg-baseline-toml-help = una linea di base è TOML: `version = 1` e tabelle `[[accepted]]`
cfg-links-toml-help = un file di collegamento è TOML: tabelle `[[group]]` con name, revenue, spending
cfg-unsupported-file-version = versione { $what ->
        [baseline] della linea di base
        [link-file] del file di collegamento
       *[other] di { $what }
    } non supportata
cfg-not-an-amount = `{ $text }` non è un importo
cfg-amount-help = gli importi sono stringhe decimali con il punto, per esempio "1234.50"
cfg-entry-without = voce `[[accepted]]` senza `{ $key }`
cfg-entry-help = ogni voce ha rule, report e subject, come li scrive `--write-baseline`
cfg-not-exact-decimal = `{ $text }` non è un importo decimale esatto
cfg-decimal-help = scrivere un importo come 1000, 0.01 o "0.01" (punto decimale, senza esponente)
cfg-not-valid = { $n } non è un valore valido per { $what }
cfg-whole-number = { $what }: un numero intero da 0 a { $max }
cfg-what-version = la versione
cfg-what-settore = il codice di Settore
cfg-what-titolo = il codice del titolo
cfg-what-gruppo = il codice di tipologia / macroaggregato
cfg-unknown-level = livello di totale sconosciuto
cfg-levels = livelli
cfg-cannot-group = impossibile raggruppare per
cfg-group-by = group_by è uno di
cfg-unknown-column = colonna sconosciuta
cfg-columns = colonne
cfg-unknown-operator = operatore sconosciuto
cfg-operators = operatori

## tabella delle regole SARIF

sarif-help = { $what }

    Perché conta: { $why }

    Esempio:
    { $example }
code-unrecognised-line = una riga che non è una riga di bilancio, un totale, un'intestazione o un elemento di pagina della sua sezione
code-invalid-utf8 = una riga i cui byte non sono testo UTF-8
code-malformed-amount = una parola intesa come importo che non è nel formato italiano 1.234,56
code-amount-count = una riga o un totale con un numero di importi diverso dalle colonne della sezione
code-missing-amounts = una riga o un totale i cui importi non arrivano mai
code-invalid-pdc = un codice PDC che non ha dieci cifre
code-invalid-missione-programma = una missione-programma che non è fatta di due numeri di due cifre
code-unexpected-text = testo dove il tracciato ha solo importi
code-empty-section = un'intestazione di sezione senza righe né totali
code-out-of-place = una voce a cui manca l'intestazione superiore
code-header-in-record = parole di intestazione di colonna dentro una voce, senza un cambio pagina che le spieghi
code-control-character = un carattere di controllo (NUL...) dentro una riga di testo
code-too-many-diagnostics = l'ingresso ha così tanti problemi che i restanti sono contati, non elencati
report-record-documents = Esercizio e Direzione
report-record-document = esercizio { $year } · { $direzione }

## reconcile: un report a confronto con i dati dei suoi capitoli

reconcile-kind-only-in-report = solo nel report
reconcile-kind-only-in-data = solo nei dati
reconcile-kind-amounts = importi diversi
reconcile-kind-classification = classificazione diversa
reconcile-kind-total = somme diverse
reconcile-summary = { $matched } { $matched ->
        [one] capitolo corrispondente
       *[other] capitoli corrispondenti
    }; { $report } solo nel report, { $data } solo nei dati, { $amounts } con importi diversi, { $classification } con classificazione diversa, { $totals } { $totals ->
        [one] somma di Settore / Direzione diversa
       *[other] somme di Settore / Direzione diverse
    }
reconcile-subject-chapter = { $section } capitolo { $key } { $subject }
reconcile-field = { $field }: `{ $report }` nel report, `{ $data }` nei dati
reconcile-amount = { $column }: { $report } nel report, { $data } nei dati (differenza { $difference })
reconcile-accepted = { $n } { $n ->
        [one] differenza accettata
       *[other] differenze accettate
    } nella linea di base (nascoste)
reconcile-left-out = { $n } { $n ->
        [one] capitolo dei dati è
       *[other] capitoli dei dati sono
    } di Direzioni o esercizi che il report non contiene: esclusi
reconcile-compared = confrontati: importi { $columns }; campi { $fields }
reconcile-md-agree = i dati concordano con il report
reconcile-md-differ = i dati differiscono dal report
reconcile-md-title = ## Riconciliazione: { $verdict }
reconcile-md-against = `{ $report }` a confronto con `{ $data }`: { $summary }
reconcile-md-header = | tipo | capitolo o somma | dove | cosa differisce |
reconcile-md-more = { $n } { $n ->
        [one] altra differenza non mostrata
       *[other] altre differenze non mostrate
    }

## check di una tabella di capitoli: le righe sotto il riepilogo

table-not-applicable = non applicabili a questa tabella: { $rules }
table-why-totals = nessun totale dichiarato
table-why-summaries = nessuna sezione di riepilogo 1.C / 1.D / 2.C
table-why-vincolato = nessuna colonna del flag V (vincolato)
table-why-pdc = nessuna colonna del piano dei conti (PDC)
table-why-titolo = nessuna colonna di titolo / tipologia / macroaggregato
table-why-missione = nessuna colonna di missione-programma
table-why-previous-forecast = nessuna previsione dell'anno precedente
table-why-rendiconto = nessuna colonna di rendiconto
table-why-di-cui = nessuna colonna "di cui"
table-why-forecast = nessuna colonna di previsione
table-why-settore = nessuna colonna del Settore
table-note-missing-header = la colonna `{ $header }` (chiave del profilo `{ $key }`) non è nell'intestazione della tabella; quel campo resta vuoto
table-note-filtered = { $n } { $n ->
        [one] riga esclusa
       *[other] righe escluse
    } dai filtri del profilo
table-note-out-of-section = { $n } { $n ->
        [one] riga di titoli che nessuna sezione del report contiene, esclusa
       *[other] righe di titoli che nessuna sezione del report contiene, escluse
    } ({ $titoli })
table-note-empty = { $n } { $n ->
        [one] cella vuota
       *[other] celle vuote
    } di `{ $header }`: nessun importo (0,00 nel modello, non uno 0 scritto)

## tabelle di capitoli: celle che il lettore non può prendere

table-cell = cella { $a1 } (`{ $header }`)
table-not-amount = { $cell }: `{ $text }` non è un importo
table-not-amount-label = non è un importo
table-not-amount-help = scrivere l'importo come 1.234,56 o 1234.56; una cella vuota significa nessun importo
table-ambiguous = { $cell }: `{ $text }` si legge in un modo con la virgola decimale e in un altro con il punto decimale, e nessuna cella del file decide quale
table-ambiguous-label = importo ambiguo
table-ambiguous-help = impostare la chiave del profilo `decimal` a "," (1.234 è milleduecentotrentaquattro) o "." (1.234 è uno virgola due tre quattro)
table-other-form-comma = { $cell }: `{ $text }` non è scritto con la virgola decimale (1.234,56), la forma dei numeri di questo file
table-other-form-point = { $cell }: `{ $text }` non è scritto con il punto decimale (1,234.56), la forma dei numeri di questo file
table-other-form-label = altra forma dei numeri
table-other-form-help = correggere la cella; la chiave del profilo `decimal` fissa la forma ("," o "."; "auto": la forma usata dalla maggior parte delle celle)
table-too-large = { $cell }: `{ $text }` è troppo grande per essere rappresentato esattamente
table-too-large-label = troppo grande
table-too-large-help = gli importi sono decimali esatti di al più 28 cifre
table-foreign-column = { $cell }: `{ $text }` è un importo in una colonna che i capitoli di { $section } non hanno
table-foreign-column-label = colonna estranea a questa sezione
table-foreign-column-help = le colonne "di cui" sono dei capitoli in conto capitale (2.A, 2.B); lasciare vuota la cella
table-code = { $cell }: `{ $text }` non è un codice valido ({ $what })
table-code-label = { $what } non valido
table-code-help = scrivere { $what } come numero intero
table-no-key = la riga { $row } non ha la chiave PEG: non è letta come capitolo
table-no-key-label = nessuna chiave PEG
table-no-key-help = ogni capitolo richiede capitolo e articolo (o una cella `chiave` `3763 20 2`)
table-section = { $cell }: `{ $text }` non è una sezione con capitoli
table-section-label = non è una sezione
table-section-help = scrivere 1.A, 1.B, 2.A o 2.B
table-kind = { $cell }: `{ $text }` non è né entrata ({ $entrate }) né spesa ({ $uscite })
table-kind-label = né entrata né spesa
table-kind-help = aggiungere il valore a `kind.entrate` o `kind.uscite` nel profilo
table-no-titolo = la riga { $row } non ha il titolo (né un PDC da cui ricavarlo): la sua sezione non si può stabilire
table-no-titolo-label = nessun titolo
table-no-titolo-help = compilare il titolo o il PDC del capitolo
table-flag = { $cell }: `{ $text }` non è né vero né falso
table-flag-label = non è un flag
table-flag-help = scrivere true / false (o un valore elencato nelle chiavi `true` / `false` del profilo)
table-pdc = { $cell }: `{ $text }` non è un codice del piano dei conti (PDC)
table-pdc-label = non è un PDC
table-pdc-help = scrivere dieci cifre (1030215000), o la forma puntata U.1.03.02.15.000 / 1.03.02.15
table-mp = { $cell }: `{ $text }` non è una missione-programma
table-mp-label = non è una missione-programma
table-mp-help = scrivere `12 04` (missione e programma, due cifre ciascuno)
table-cells = la riga { $row } ha { $n } { $n ->
        [one] cella
       *[other] celle
    } dove l'intestazione ne ha { $header }
table-cells-label = celle non allineate
table-cells-help = un separatore dentro una cella va tra virgolette ("a;b"); le celle mancanti sono lette come vuote
table-too-many = più di { $n } problemi nella tabella: gli altri non sono elencati

## tabelle di capitoli: la tabella o il suo profilo non si possono leggere

table-profile-unreadable = `{ $arg }` non è né un profilo predefinito ({ $presets }) né un file leggibile: { $error }
table-header-required = la tabella non ha la colonna `{ $header }` (profilo `{ $profile }`, chiave `{ $key }`), necessaria per leggere i capitoli
table-no-year = nessuna colonna dell'intestazione corrisponde a `{ $header }` (chiave del profilo `{ $key }`) per alcun esercizio; impostare `year = <aaaa>` nel profilo
table-sheet-unreadable = il foglio di calcolo non si può leggere: { $error }
table-sheet-missing = la cartella di lavoro non ha il foglio `{ $name }` (chiave del profilo `sheet`); i suoi fogli: { $sheets }
table-empty = la tabella è vuota: manca perfino la riga di intestazione
table-not-utf8 = il byte { $byte } non è testo UTF-8, ma il profilo dice `encoding = "utf-8"`; impostare `encoding = "windows-1252"` o `"auto"`
table-no-profile = nessun profilo predefinito riconosce l'intestazione della tabella; indicarne uno con --profile NOME|FILE

# Amount-precise locations (findings point at the figure)
figure-also-differs = {$column}: anche questo importo non torna
figure-compared = {$column}: l'importo con cui è confrontato
figure-record = la riga o il totale cui appartiene l'importo
hint-corroborated = {$hint} ({$n} controlli indicano questa riga)

# A missing row, across the checks of a report
where-gruppo = { $kind ->
    [tipologia] Tipologia
   *[macroaggregato] Macroaggregato
} { $code } (`{ $label }`)
where-total = le voci di `{ $label }`
hint-missing-row = causa probabile: manca (o è stata cancellata) una riga con esattamente questi importi in { $place }{ $settore ->
    [none] {""}
   *[other] , Settore { $settore }
}{ $programma ->
    [none] {""}
   *[other] , programma { $programma }
}{ $v ->
    [yes] , segnata V
   *[no] {""}
}: { $amounts }
hint-narrowed = {$hint} (le altre righe sono escluse dai controlli che tornano)
hint-parse-cause = causa probabile: questa riga non si è potuta leggere ({$code}: {$message}), quindi ciò che contiene non entra in nessuna somma; questa segnalazione ne è la conseguenza

## out15: fatti distinti dalle ipotesi, output leggibile e filtri
confidence-declared-as = dichiarata, attendibilità { confidence }
unbalanced-declared = {" "}[gruppo dichiarato con attendibilità { $confidence }{ $attenuated ->
        [yes] : un livello di gravità più basso
       *[no] {""}
    }]
links-bad-confidence = `{ $text }` non è un'attendibilità
links-bad-confidence-help = scrivere `confidence = "high"`, `"medium"` o `"low"` (i rilievi di un gruppo `low` sono di un livello di gravità più basso, salvo `attenuate = false`)
check-summary-basis = { $file }: degli errori e delle avvertenze, { $document } sulle cifre del documento (fatti), { $grouping } sui raggruppamenti dei vincoli (ipotesi)
check-filtered = ; { $n } non mostrati (filtri)
check-severity-header = { $severity ->
        [error] Errori
        [warning] Avvertenze
       *[info] Ausili alla revisione (segnalazioni)
    }: { $n } ({ $file })
check-rule-header = { $rule }: { $n }{ $basis ->
        [grouping] {" "}(raggruppamenti dei vincoli: ipotesi da confermare)
       *[document] {""}
    }
check-rule-more = … e altri { $n } (--verbose li mostra tutti)
links-group-declared = { $name } (attendibilità dichiarata, { confidence }{ $attenuated ->
        [yes] : rilievi di un livello di gravità più basso
       *[no] {""}
    })
check-related-more = ; altri { $n } punti collegati: --verbose li mostra
rule-change-percent = {" "}({ $percent } rispetto a { $base })
rule-change-zero = {" "}({ $base } è 0,00: nessuna percentuale)
cfg-change-column = `{ $text }` non è una colonna di importi
cfg-change-two = `change` indica due colonne di importi: quella che cambia, poi quella da cui cambia
cfg-change-help = ad esempio `change = ["previsione", "previsione_precedente"]`; colonne: previsione, previsione_precedente, rendiconto_precedente, crono_anni_precedenti, altri_nuovi_stanziamenti, programma_triennale_lp
check-unknown-rule-filter = `--rule { $id }` non corrisponde ad alcuna regola né ad alcun codice parse{ $hint }; `quadra rules` le elenca
check-bad-chapter-filter = `--chapter { $key }` non è una chiave PEG: scrivere capitolo, articolo e sottonumero ("3763 20 2"), o un glob ("3763 *")

## ramo cfg15: da dove viene la configurazione, riga di comando silenziosa, regole della linea di base

cfg15-config = configurazione: { $file }
cfg15-config-none = configurazione: nessun quadra.toml nella cartella del report o nelle superiori (fino alla radice del repository); regole predefinite
cfg15-config-off = configurazione: non cercata (--no-config); regole predefinite
cfg15-rules = regole: predefinite, poi { $files }
cfg15-no-project = nessun quadra.toml
cfg15-projects-differ = { $a } ({ $pa }) e { $b } ({ $pb }) appartengono a progetti diversi: controllarli in esecuzioni separate
cfg15-stdin-cwd = lo standard input non ha una cartella: quadra.toml è cercato dalla cartella corrente { $dir }
cfg15-links-given = collegamenti: { $file } (indicato con --links)
cfg15-links-found = collegamenti: { $file } (trovato dalla cartella di { $report })
cfg15-links-none = collegamenti: nessun file trovato per { $report }; i gruppi di vincolo sono inferiti
cfg15-links-off = collegamenti: non cercati (--no-config); i gruppi di vincolo sono inferiti
cfg15-links-stdin = collegamenti: lo standard input non ha nome, quindi nessun file di collegamento è cercato (indicarlo con --links FILE); i gruppi di vincolo sono inferiti
cfg15-require-links = nessun file di collegamento per { $report } (cercati { $first } e { $second } da { $from } fino a { $to }), ed è dato --require-links
cfg15-require-links-help = nota: scriverne uno (`quadra links suggest { $report } -o { $file }`, poi rivederlo), o indicarlo con --links FILE
cfg15-require-links-stdin = lo standard input non ha nome, quindi non si può trovarne il file di collegamento, ed è dato --require-links
cfg15-require-links-stdin-help = nota: indicare il file di collegamento con --links FILE
cfg15-require-links-off = --no-config non cerca alcun file di collegamento, ed è dato --require-links
cfg15-fault-expect = guasto { $fault }: atteso { $severity } { $rule } in { $place }
cfg15-fault-none = guasto { $fault }: non c'è posto per esso in questo report
cfg15-where-row = report { $report }, sezione { $section }, capitolo { $key }
cfg15-where-group = report { $report }, sezione { $section }, Settore { $settore }, totale del gruppo { $group }
cfg15-where-settore = report { $report }, sezione { $section }, totale del Settore { $settore }
cfg15-where-part = report { $report }, sezione 1.C, totale della parte { $part ->
        [revenue] entrate
       *[spending] spese
    }
cfg15-amount-named = { $name }: { $amount }
cfg15-baseline-unjustified = avvertenza: { $n } { $n ->
        [one] voce
       *[other] voci
    } della linea di base { $file } { $n ->
        [one] ha
       *[other] hanno
    } la motivazione vuota (`--deny empty-justification` ne fa un errore)
cfg15-baseline-empty = voce della linea di base senza motivazione: `{ $rule }` su `{ $subject }` nel report { $report }
cfg15-baseline-empty-help = scrivere in `justification` perché il rilievo è accettato (una decisione, un documento), o togliere la voce
cfg15-baseline-denied-empty = { $n } { $n ->
        [one] voce
       *[other] voci
    } della linea di base { $file } senza motivazione, ed è dato --deny empty-justification
cfg15-baseline-denied-stale = { $n } { $n ->
        [one] voce superata
       *[other] voci superate
    } nella linea di base { $file }, ed è dato --deny stale
cfg15-input-pdf = il file è un PDF, non il testo del report
cfg15-input-pdf-label = qui comincia un PDF
cfg15-input-pdf-help = quadra legge il testo del report estratto dal suo PDF nell'ordine di lettura, come è stato fatto il campione reports/milano-2022-dir07-welfare-e-salute.txt: una riga di testo per riga, righe vuote tra l'una e l'altra, colonne attaccate dove il PDF non ha spazio (`PEGPDC DESCRIZIONE PEG VINCPREVISIONE 2022`, `V1.234.240,003.500.000,00`), sezioni che si aprono con intestazioni come `1.A        ENTRATE CORRENTI`; un'estrazione che dispone la pagina in colonne allineate è un'altra impaginazione
cfg15-did-you-mean = forse `{ $name }`? { $rest }
cfg15-tpl-did-you-mean = forse `{ "{" }{ $name }{ "}" }`? { $rest }
cfg15-report-xlsx-one = `report --format xlsx` prende un solo report: indicare un file, non una cartella o più file
cfg15-report-needs-folder = più report fanno più pagine: indicare -o CARTELLA (una cartella, creata se manca) per una pagina per report e un indice, o --format md per un solo documento
cfg15-report-written = { $n ->
        [one] scritta 1 pagina
       *[other] scritte { $n } pagine
    } e { $index } in { $folder }
cfg15-index-title = quadra: carte di lavoro di { $n } { $n ->
        [one] file
       *[other] file
    }
cfg15-index-col-report = Report
cfg15-index-col-errors = Errori
cfg15-index-col-warnings = Avvertenze
cfg15-index-col-infos = Segnalazioni
cfg15-index-col-accepted = Accettati nella linea di base
cfg15-header-did-you-mean = {" "}(forse la colonna `{ $name }`?)
cfg15-config-none-cwd = configurazione: nessun quadra.toml nella cartella corrente o nelle superiori; regole predefinite
diff-deleted-chapter = causa probabile: il capitolo { $key } `{ $text }` della versione precedente ha esattamente questi importi e la nuova non lo contiene: è stato cancellato
