/** Messages of `pitch stats` and `pitch export`. */
export const stats = {
  'cli.cmd.stats': {
    fr: 'vos progrès en un coup d’œil : répétitions, voix, quiz',
    en: 'your progress at a glance: rehearsals, voice, quiz',
  },
  'cli.opt.statsSection': {
    fr: 'seulement les répétitions de cette section (numéro, identifiant ou partie du titre)',
    en: 'only the rehearsals of this section (number, id or part of the title)',
  },
  'cli.opt.statsTopic': {
    fr: 'seulement le quiz de ces thèmes (spark, ou spark,kubernetes)',
    en: 'only the quiz on these topics (spark, or spark,kubernetes)',
  },
  'cli.opt.since': {
    fr: 'depuis : 30d (jours), 12w (semaines), 6m (mois), 1y (ans) ou une date 2026-11-01',
    en: 'since: 30d (days), 12w (weeks), 6m (months), 1y (years) or a date 2026-11-01',
  },
  'cli.cmd.export': {
    fr: 'exporte l’historique en CSV pour un tableur',
    en: 'export the history as CSV for spreadsheets',
  },
  'cli.opt.csv': {
    fr: 'dossier où écrire attempts.csv, splits.csv, reviews.csv et interviews.csv (créé au besoin)',
    en: 'directory to write attempts.csv, splits.csv, reviews.csv and interviews.csv to (created if needed)',
  },
  'cli.opt.delimiter': {
    fr: 'séparateur des colonnes : « ; » (défaut en français, avec la virgule décimale), « , » (défaut en anglais) ou « tab »',
    en: 'column separator: ";" (default in French, with the decimal comma), "," (default in English) or "tab"',
  },

  'stats.badSince': {
    fr: 'Période invalide pour --since : « {value} ».',
    en: 'Invalid period for --since: "{value}".',
  },
  'stats.sinceHint': {
    fr: 'Exemples : --since 30d (30 derniers jours), 12w (semaines), 6m (mois), 1y (an), ou une date : --since 2026-11-01.',
    en: 'Examples: --since 30d (last 30 days), 12w (weeks), 6m (months), 1y (year), or a date: --since 2026-11-01.',
  },
  'stats.sinceFuture': {
    fr: 'La date de --since ({value}) est dans le futur.',
    en: 'The --since date ({value}) is in the future.',
  },
  'stats.sinceFutureHint': {
    fr: 'Donnez une date passée, ou celle d’aujourd’hui : {today}.',
    en: 'Give a past date, or today’s: {today}.',
  },
  'stats.sinceTooFar': {
    fr: '--since {value} remonte à plus de dix ans.',
    en: '--since {value} goes back more than ten years.',
  },
  'stats.sinceTooFarHint': {
    fr: 'Sans --since, tout l’historique est pris en compte.',
    en: 'Without --since, the whole history is used.',
  },

  'export.missingFormat': {
    fr: 'Dites où écrire l’export : --csv DOSSIER.',
    en: 'Say where to write the export: --csv DIR.',
  },
  'export.missingFormatHint': {
    fr: 'Exemple : pitch export --csv ~/pitch-export',
    en: 'Example: pitch export --csv ~/pitch-export',
  },
  'export.badDelimiter': {
    fr: 'Séparateur invalide pour --delimiter : « {value} ».',
    en: 'Invalid separator for --delimiter: "{value}".',
  },
  'export.badDelimiterHint': {
    fr: 'Donnez un seul caractère, par exemple --delimiter ";" ou --delimiter , ou --delimiter tab.',
    en: 'Give a single character, for example --delimiter ";" or --delimiter , or --delimiter tab.',
  },
  'export.notDirectory': {
    fr: '{path} existe déjà et n’est pas un dossier.',
    en: '{path} already exists and is not a directory.',
  },
  'export.notDirectoryHint': {
    fr: 'Donnez un dossier : il est créé s’il n’existe pas, et les fichiers CSV qu’il contient sont remplacés.',
    en: 'Give a directory: it is created when missing, and the CSV files in it are replaced.',
  },
  'export.targetIsDirectory': {
    fr: '{path} est un dossier : impossible d’y écrire le fichier CSV.',
    en: '{path} is a directory: the CSV file cannot be written there.',
  },
  'export.targetIsDirectoryHint': {
    fr: 'Renommez ce dossier, ou exportez ailleurs.',
    en: 'Rename that directory, or export somewhere else.',
  },
  'export.noPermission': { fr: 'Pas le droit d’écrire dans {path}.', en: 'No permission to write to {path}.' },
  'export.cannotWrite': { fr: 'Impossible d’écrire dans {path} ({reason}).', en: 'Cannot write to {path} ({reason}).' },
  'export.cannotWriteHint': {
    fr: 'Vérifiez les droits et la place libre, ou choisissez un autre dossier.',
    en: 'Check the permissions and free space, or choose another directory.',
  },
  'export.done': { fr: '{count} fichiers CSV écrits dans {dir} :', en: '{count} CSV files written to {dir}:' },
  'export.file': {
    fr: '{file}  {rows, plural, one {# ligne} other {# lignes}}',
    en: '{file}  {rows, plural, one {# row} other {# rows}}',
  },

  'stats.period': { fr: 'Depuis le {date}', en: 'Since {date}' },
  'stats.periodSuffix': { fr: ' depuis le {date}', en: ' since {date}' },
  'stats.percent': { fr: '{value} %', en: '{value}%' },
  'stats.streak': { fr: 'série : {current} j (record {longest} j)', en: 'streak: {current} d (best {longest} d)' },

  'stats.rehearsals.title': { fr: 'Répétitions', en: 'Rehearsals' },
  'stats.rehearsals.empty': {
    fr: 'aucune répétition{period} — lancez « pitch rehearse ».',
    en: 'no rehearsal{period} — run "pitch rehearse".',
  },
  'stats.rehearsals.counts': {
    fr: '{count, plural, one {# essai} other {# essais}} : {completed, plural, one {# complet} other {# complets}}, {practice, plural, one {# entraînement} other {# entraînements}}, {stopped, plural, one {# arrêté} other {# arrêtés}}',
    en: '{count, plural, one {# attempt} other {# attempts}}: {completed} complete, {practice} practice, {stopped} stopped',
  },
  'stats.rehearsals.days': {
    fr: '{days, plural, one {# jour de répétition} other {# jours de répétition}}',
    en: '{days, plural, one {# day} other {# days}} rehearsed',
  },
  'stats.rehearsals.suspect': {
    fr: '{count, plural, one {# trop rapide} other {# trop rapides}} pour compter',
    en: '{count} too fast to count',
  },
  'stats.section.pitch': { fr: 'pitch : {file}', en: 'pitch: {file}' },
  'stats.section.pitchUnknown': {
    fr: 'pitch : non enregistré (essais anciens)',
    en: 'pitch: not recorded (old attempts)',
  },
  'stats.section.title': { fr: '§ {title} — objectif {target}', en: '§ {title} — target {target}' },
  'stats.section.counts': {
    fr: '{count, plural, one {# essai} other {# essais}}, {completed, plural, one {# complet} other {# complets}}',
    en: '{count, plural, one {# attempt} other {# attempts}}, {completed} complete',
  },
  'stats.section.noComplete': {
    fr: 'Pas encore d’essai complet : la courbe attend une répétition de bout en bout.',
    en: 'No complete run yet: the chart waits for a run from start to finish.',
  },
  'stats.section.pb': { fr: 'record {time} ({date})', en: 'personal best {time} ({date})' },
  'stats.section.noPb': { fr: 'pas encore de record', en: 'no personal best yet' },
  'stats.section.sumOfBest': { fr: 'somme des meilleurs {time}', en: 'sum of best {time}' },
  'stats.section.last': { fr: 'dernier {time}', en: 'last {time}' },
  'stats.section.median': { fr: 'médiane {time}', en: 'median {time}' },
  'stats.chart.total': { fr: 'temps total (essais complets)', en: 'total time (complete runs)' },
  'stats.chart.target': { fr: 'objectif {target}', en: 'target {target}' },
  'stats.chart.averaged': { fr: '{n} essais en moyenne par colonne', en: '{n} runs averaged per column' },
  'stats.split.name': { fr: 'Étape', en: 'Split' },
  'stats.split.best': { fr: 'Meilleur', en: 'Best' },
  'stats.split.median': { fr: 'Médiane', en: 'Median' },
  'stats.split.last': { fr: 'Dernier', en: 'Last' },
  'stats.split.budget': { fr: 'Budget', en: 'Budget' },
  'stats.split.over': { fr: '± budget', en: '± budget' },
  'stats.split.costliest': {
    fr: 'À travailler : l’étape {n} « {title} », {delta} au-dessus de son budget (médiane).',
    en: 'Work on split {n} "{title}": {delta} over its budget (median).',
  },
  'stats.split.allInBudget': {
    fr: 'Chaque étape tient son budget (médiane).',
    en: 'Every split keeps to its budget (median).',
  },
  'stats.moreSections': {
    fr: '… et {count, plural, one {# autre section ou durée} other {# autres sections ou durées}} : --section pour les voir, --json pour tout.',
    en: '… and {count, plural, one {# more section or target} other {# more sections or targets}}: --section to see them, --json for everything.',
  },

  'stats.speech.title': { fr: 'Voix', en: 'Voice' },
  'stats.speech.empty': {
    fr: 'aucun essai enregistré{period} — essayez « pitch rehearse --record ».',
    en: 'no recorded attempt{period} — try "pitch rehearse --record".',
  },
  'stats.speech.count': {
    fr: '{count, plural, one {# essai enregistré} other {# essais enregistrés}}',
    en: '{count, plural, one {# recorded attempt} other {# recorded attempts}}',
  },
  'stats.speech.wpmLegend': { fr: 'débit (mots/min)', en: 'pace (words/min)' },
  'stats.speech.band': { fr: 'plage {min}–{max} ({language})', en: 'band {min}–{max} ({language})' },
  'stats.speech.language.fr': { fr: 'français', en: 'French' },
  'stats.speech.language.en': { fr: 'anglais', en: 'English' },
  'stats.speech.mixedBands': {
    fr: 'pitchs de plusieurs langues : chaque essai est jugé à la plage de la langue de son pitch',
    en: 'pitches in several languages: each attempt is judged against the band of its pitch’s language',
  },
  'stats.speech.unknownLang': {
    fr: '{count, plural, one {# essai} other {# essais}} d’un pitch de langue inconnue : plage du français',
    en: '{count, plural, one {# attempt} other {# attempts}} of a pitch whose language is unknown: French band',
  },
  'stats.speech.wpm': {
    fr: 'Débit : médiane {median} mots/min, dernier {last} · {inBand} sur {measured} dans la plage {min}–{max}',
    en: 'Pace: median {median} words/min, last {last} · {inBand} of {measured} within {min}–{max}',
  },
  'stats.speech.rangeLegend': {
    fr: 'étendue de l’intonation (demi-tons, P10–P90)',
    en: 'intonation range (semitones, P10–P90)',
  },
  'stats.speech.range': { fr: 'médiane {median} · dernier {last}', en: 'median {median} · last {last}' },
  'stats.speech.rateLegend': {
    fr: 'syllabes/s mesurées (du premier au dernier mot)',
    en: 'syllables/s measured (first word to last)',
  },
  'stats.speech.rate': { fr: 'médiane {median} · dernier {last}', en: 'median {median} · last {last}' },
  'stats.speech.pauseLegend': { fr: 'plus longue pause (s)', en: 'longest pause (s)' },
  'stats.speech.pause': {
    fr: 'Plus longue pause : médiane {median} s, dernière {last} s, max {max} s',
    en: 'Longest pause: median {median} s, last {last} s, max {max} s',
  },

  'stats.quiz.title': { fr: 'Quiz', en: 'Quiz' },
  'stats.quiz.empty': {
    fr: 'aucune révision{period} — lancez « pitch quiz ».',
    en: 'no review{period} — run "pitch quiz".',
  },
  'stats.quiz.counts': {
    fr: '{reviews, plural, one {# révision} other {# révisions}} en {sessions, plural, one {# session} other {# sessions}}',
    en: '{reviews, plural, one {# review} other {# reviews}} in {sessions, plural, one {# session} other {# sessions}}',
  },
  'stats.quiz.retention': {
    fr: 'rétention {percent} sur {count, plural, one {# révision} other {# révisions}} de cartes acquises',
    en: 'retention {percent} over {count, plural, one {# review} other {# reviews}} of learned cards',
  },
  'stats.quiz.noRetention': {
    fr: 'rétention : aucune carte acquise revue',
    en: 'retention: no learned card reviewed yet',
  },
  'stats.quiz.noReviewsPeriod': { fr: 'Aucune révision sur la période.', en: 'No review in this period.' },
  'stats.cal.title': { fr: 'Révisions par jour, 12 dernières semaines', en: 'Reviews per day, last 12 weeks' },
  'stats.cal.reviews': { fr: 'Révisions : {count}', en: 'Reviews: {count}' },
  'stats.cal.days': { fr: 'Jours étudiés : {days} sur {total}', en: 'Days studied: {days} of {total}' },
  'stats.cal.average': { fr: 'Moyenne : {avg} par jour étudié', en: 'Average: {avg} per day studied' },
  'stats.cal.streak': { fr: 'Série : {current} j (record {longest} j)', en: 'Streak: {current} d (best {longest} d)' },
  'stats.topics.title': { fr: 'Cartes par thème', en: 'Cards per topic' },
  'stats.topics.topic': { fr: 'Thème', en: 'Topic' },
  'stats.topics.review': { fr: 'acquises', en: 'review' },
  'stats.topics.learning': { fr: 'en cours', en: 'learning' },
  'stats.topics.new': { fr: 'nouvelles', en: 'new' },
  'stats.topics.reviewShort': { fr: 'Acq.', en: 'Rev.' },
  'stats.topics.learningShort': { fr: 'Cours', en: 'Lrn.' },
  'stats.topics.newShort': { fr: 'Nouv.', en: 'New' },
  'stats.topics.retention': { fr: 'Rétention', en: 'Retention' },
  'stats.topics.none': { fr: 'Aucun thème.', en: 'No topic.' },
  'stats.forecast.title': { fr: 'À réviser, 7 prochains jours ({now} maintenant)', en: 'Due, next 7 days ({now} now)' },
  'stats.forecast.today': { fr: 'aujourd’hui', en: 'today' },
  'stats.forecast.tomorrow': { fr: 'demain', en: 'tomorrow' },
  'stats.weak.title': { fr: 'Questions les plus fragiles', en: 'Weakest questions' },
  'stats.weak.lapses': {
    fr: '{count, plural, one {# oubli} other {# oublis}}',
    en: '{count, plural, one {# lapse} other {# lapses}}',
  },
  'stats.weak.again': {
    fr: '{count} fois « À revoir »',
    en: 'rated Again {count, plural, one {# time} other {# times}}',
  },
  'stats.weak.none': { fr: 'Aucun oubli pour l’instant.', en: 'No lapse so far.' },

  'stats.interviews': { fr: 'Entretiens blancs : {count}', en: 'Mock interviews: {count}' },
} satisfies Record<string, { fr: string; en: string }>;
