/** Messages of `pitch report`: the command, its options, and every word of the HTML page. */
export const report = {
  'cli.cmd.report': {
    fr: 'écrit une page HTML de votre préparation (graphiques, conseils), lisible hors ligne',
    en: 'write an HTML page of your preparation (charts, advice), readable offline',
  },
  'cli.ex.report': {
    fr: 'votre préparation en une page HTML, ouverte dans le navigateur',
    en: 'your preparation as one HTML page, opened in the browser',
  },
  'cli.opt.reportOut': {
    fr: 'fichier à écrire (par défaut pitch-report.html dans le dossier courant)',
    en: 'file to write (default pitch-report.html in the current folder)',
  },
  'cli.opt.reportOpen': {
    fr: 'ouvre la page dans le navigateur une fois écrite',
    en: 'open the page in the browser once written',
  },
  'report.written': { fr: 'Rapport écrit : {file}', en: 'Report written: {file}' },
  'report.writtenHint': {
    fr: 'Ouvrez-le dans un navigateur (ou relancez avec --open) ; il s’imprime en PDF depuis le navigateur.',
    en: 'Open it in a browser (or run again with --open); print it to PDF from the browser.',
  },
  'report.opened': { fr: 'Ouvert avec {tool}.', en: 'Opened with {tool}.' },
  'report.noOpener': {
    fr: 'Aucun programme pour ouvrir la page ici (xdg-open, open ou start) : ouvrez le fichier vous-même.',
    en: 'No program to open the page here (xdg-open, open or start): open the file yourself.',
  },
  'report.recordingUnreadable': {
    fr: 'Enregistrement le plus récent illisible ({file}) : la page est écrite sans lui.',
    en: 'Latest recording could not be read ({file}): the page is written without it.',
  },

  'report.title': { fr: 'Préparation d’entretien — rapport', en: 'Interview preparation — report' },
  'report.generated': { fr: 'Généré le {date}', en: 'Generated on {date}' },
  'report.since': { fr: 'depuis le {date}', en: 'since {date}' },
  'report.allTime': { fr: 'tout l’historique', en: 'all history' },
  'report.readiness': { fr: 'Êtes-vous prêt ?', en: 'Are you ready?' },
  'report.emptyTitle': { fr: 'Rien à montrer pour l’instant', en: 'Nothing to show yet' },
  'report.emptyBody': {
    fr: 'Ce rapport se remplit à mesure que vous vous entraînez. Pour commencer :',
    en: 'This report fills up as you practise. To begin:',
  },
  'report.emptyRehearse': {
    fr: 'répétez votre pitch à voix haute, chronomètre en main',
    en: 'say your pitch aloud against the clock',
  },
  'report.emptyQuiz': { fr: 'révisez la stack technique', en: 'drill the technical stack' },
  'report.emptyInterview': { fr: 'passez un entretien blanc', en: 'take a mock interview' },

  'report.pitchCard': { fr: 'Le pitch', en: 'The pitch' },
  'report.quizCard': { fr: 'Le quiz', en: 'The quiz' },
  'report.interviewCard': { fr: 'Les entretiens blancs', en: 'Mock interviews' },
  'report.last': { fr: 'Dernier', en: 'Last' },
  'report.median': { fr: 'Médiane', en: 'Median' },
  'report.best': { fr: 'Record', en: 'Best' },
  'report.target': { fr: 'Objectif', en: 'Target' },
  'report.trend.faster': { fr: 'de plus en plus rapide', en: 'getting faster' },
  'report.trend.slower': { fr: 'de plus en plus long', en: 'getting slower' },
  'report.trend.steady': { fr: 'stable', en: 'steady' },
  'report.trend': { fr: 'Tendance', en: 'Trend' },
  'report.completeRuns': { fr: 'Répétitions complètes', en: 'Complete runs' },
  'report.retention': { fr: 'Rétention', en: 'Retention' },
  'report.dueWeek': { fr: 'À revoir cette semaine', en: 'Due this week' },
  'report.reviews': { fr: 'Révisions', en: 'Reviews' },
  'report.weakest': { fr: 'Questions les plus fragiles', en: 'Weakest questions' },
  'report.lapses': { fr: '{count} oubli(s)', en: '{count} lapse(s)' },
  'report.interviewsDone': { fr: 'Entretiens', en: 'Interviews' },
  'report.answersInBand': { fr: 'Réponses de bonne longueur', en: 'Answers of the right length' },
  'report.keyPointsCovered': { fr: 'Points clés couverts', en: 'Key points covered' },
  'report.none': { fr: '—', en: '—' },

  'report.advice.pitch.noRun': {
    fr: 'Faites une répétition complète, du début à la fin, pour avoir un premier temps de référence.',
    en: 'Do one complete run, start to finish, to get a first reference time.',
  },
  'report.advice.pitch.tooLong': {
    fr: 'Trop long de {over} s : resserrez d’abord « {split} ».',
    en: '{over} s too long: tighten “{split}” first.',
  },
  'report.advice.pitch.tooLongNoSplit': {
    fr: 'Trop long de {over} s : coupez une phrase par partie.',
    en: '{over} s too long: cut one sentence per part.',
  },
  'report.advice.pitch.tooShort': {
    fr: 'Trop court de {under} s : vous sautez sans doute des passages, relisez le texte avant la prochaine répétition.',
    en: '{under} s too short: you probably skip passages; reread the text before the next run.',
  },
  'report.advice.pitch.ready': {
    fr: 'Dans le temps et régulier : entretenez-le par une répétition par jour.',
    en: 'On time and consistent: keep it up with one run a day.',
  },
  'report.advice.pitch.keepGoing': {
    fr: 'Dans le temps : encore quelques répétitions complètes pour le rendre régulier.',
    en: 'On time: a few more complete runs to make it consistent.',
  },
  'report.advice.quiz.start': {
    fr: 'Lancez un premier quiz (pitch quiz) pour mesurer ce que vous savez déjà.',
    en: 'Start a first quiz (pitch quiz) to measure what you already know.',
  },
  'report.advice.quiz.weakTopic': {
    fr: '« {topic} » est votre point faible ({retention}) : une séance ciblée sur ce thème.',
    en: '“{topic}” is your weak spot ({retention}): one session focused on that topic.',
  },
  'report.advice.quiz.due': {
    fr: '{count} carte(s) à revoir cette semaine : quelques minutes par jour suffisent.',
    en: '{count} card(s) due this week: a few minutes a day is enough.',
  },
  'report.advice.quiz.ready': {
    fr: 'Rien à revoir cette semaine et une bonne rétention : ajoutez un thème.',
    en: 'Nothing due this week and good retention: add a topic.',
  },
  'report.advice.interview.none': {
    fr: 'Passez un entretien blanc (pitch interview) : le pitch puis des questions chronométrées.',
    en: 'Take a mock interview (pitch interview): the pitch, then timed questions.',
  },
  'report.advice.interview.length': {
    fr: 'Seules {inBand} réponse(s) sur {answers} ont la bonne longueur : visez une réponse complète dans le temps imparti.',
    en: 'Only {inBand} answer(s) of {answers} had the right length: aim for a complete answer within the clock.',
  },
  'report.advice.interview.keyPoints': {
    fr: '{covered} point(s) clé(s) sur {total} couverts : annoncez vos idées principales dès le début de la réponse.',
    en: '{covered} key point(s) of {total} covered: state your main ideas at the start of each answer.',
  },
  'report.advice.interview.ready': {
    fr: 'Réponses dans le temps et complètes : vous êtes prêt pour un vrai entretien.',
    en: 'Answers on time and complete: you are ready for a real interview.',
  },

  'report.rehearsals': { fr: 'Répétitions', en: 'Rehearsals' },
  'report.runsChart': { fr: 'Temps de chaque répétition complète', en: 'Time of each complete run' },
  'report.runsChartDesc': {
    fr: '{count} répétition(s) complète(s) de « {title} » ; objectif {target}, bande ±20 % de {min} à {max} ; record {best} ; dernière {last}.',
    en: '{count} complete run(s) of “{title}”; target {target}, ±20 % band from {min} to {max}; best {best}; last {last}.',
  },
  'report.summarised': {
    fr: 'Courbe résumée : médiane de chaque groupe de répétitions consécutives ({points} points pour {count} répétitions).',
    en: 'Line summarised: median of each group of consecutive runs ({points} points for {count} runs).',
  },
  'report.legendBand': { fr: 'bande ±20 % de l’objectif', en: '±20 % band around the target' },
  'report.legendTarget': { fr: 'objectif', en: 'target' },
  'report.legendPb': { fr: 'record', en: 'best' },
  'report.latestRuns': { fr: 'Dernières répétitions complètes', en: 'Latest complete runs' },
  'report.date': { fr: 'Date', en: 'Date' },
  'report.time': { fr: 'Temps', en: 'Time' },
  'report.vsTarget': { fr: 'Écart à l’objectif', en: 'Versus target' },
  'report.splitsChart': { fr: 'Chaque partie face à son budget', en: 'Each split against its budget' },
  'report.splitsChartDesc': {
    fr: 'Pour chaque partie : un point par répétition complète (ligne du haut), les répétitions partielles à part (cercles creux, ligne du bas), le budget en trait vertical, la médiane en trait épais.',
    en: 'For each split: one dot per complete run (upper lane), practice runs apart (hollow circles, lower lane), the budget as a vertical line, the median as a thick tick.',
  },
  'report.split': { fr: 'Partie', en: 'Split' },
  'report.budget': { fr: 'Budget', en: 'Budget' },
  'report.practiceRuns': { fr: 'Partielles', en: 'Practice' },
  'report.noCompleteRun': {
    fr: 'Aucune répétition complète sur la période : seules les répétitions partielles sont montrées.',
    en: 'No complete run in this period: only practice runs are shown.',
  },

  'report.recording': { fr: 'Dernier enregistrement', en: 'Latest recording' },
  'report.recordingOf': { fr: '« {title} », {date}', en: '“{title}”, {date}' },
  'report.waveDesc': {
    fr: 'Forme d’onde de {duration} : parole en couleur, pauses hachurées, fins de parties en traits verticaux. {speech} de parole, pause la plus longue {pause} s.',
    en: 'Waveform of {duration}: speech shaded, pauses hatched, split ends as vertical lines. {speech} of speech, longest pause {pause} s.',
  },
  'report.legendSpeech': { fr: 'parole', en: 'speech' },
  'report.legendPause': { fr: 'pause', en: 'pause' },
  'report.pace': { fr: 'Débit (mots/min, estimé d’après le texte)', en: 'Pace (words/min, estimated from the text)' },
  'report.noRecording': {
    fr: 'Pas encore d’enregistrement : répétez avec pitch rehearse --record pour voir votre voix ici.',
    en: 'No recording yet: rehearse with pitch rehearse --record to see your voice here.',
  },

  'report.quiz': { fr: 'Quiz', en: 'Quiz' },
  'report.calendar': { fr: 'Révisions des 12 dernières semaines', en: 'Reviews over the last 12 weeks' },
  'report.calendarDesc': {
    fr: 'Une case par jour, une colonne par semaine (lundi en haut) ; plus la case est foncée, plus il y a eu de révisions. {total} révision(s) en tout.',
    en: 'One square a day, one column a week (Monday on top); the darker, the more reviews. {total} review(s) in all.',
  },
  'report.cardsByState': { fr: 'Cartes par thème et par état', en: 'Cards by topic and state' },
  'report.cardsByStateDesc': {
    fr: 'Pour chaque thème : nouvelles, en apprentissage, en révision.',
    en: 'For each topic: new, learning, in review.',
  },
  'report.topic': { fr: 'Thème', en: 'Topic' },
  'report.state.new': { fr: 'Nouvelles', en: 'New' },
  'report.state.learning': { fr: 'En apprentissage', en: 'Learning' },
  'report.state.review': { fr: 'En révision', en: 'Review' },
  'report.forecast': { fr: 'À revoir dans les 7 prochains jours', en: 'Due over the next 7 days' },
  'report.forecastDesc': {
    fr: 'Nombre de cartes à revoir chaque jour ; aujourd’hui compte aussi les cartes en retard.',
    en: 'Cards due each day; today also counts overdue cards.',
  },
  'report.due': { fr: 'À revoir', en: 'Due' },

  'report.interviews': { fr: 'Entretiens blancs', en: 'Mock interviews' },
  'report.question': { fr: 'Question', en: 'Question' },
  'report.answerTime': { fr: 'Durée', en: 'Time' },
  'report.keyPoints': { fr: 'Points clés', en: 'Key points' },
  'report.rating': { fr: 'Note', en: 'Rating' },
  'report.length.short': { fr: 'trop courte', en: 'too short' },
  'report.length.long': { fr: 'trop longue', en: 'too long' },
  'report.length.ok': { fr: 'bonne longueur', en: 'right length' },
  'report.notAnswered': { fr: 'non répondue', en: 'not answered' },
  'report.rating.1': { fr: 'À revoir', en: 'Again' },
  'report.rating.2': { fr: 'Difficile', en: 'Hard' },
  'report.rating.3': { fr: 'Bien', en: 'Good' },
  'report.rating.4': { fr: 'Facile', en: 'Easy' },
  'report.noInterview': {
    fr: 'Aucun entretien blanc sur la période.',
    en: 'No mock interview in this period.',
  },
  'report.footer': {
    fr: 'Page écrite par pitch sur votre machine ; aucune donnée n’a quitté votre ordinateur.',
    en: 'Page written by pitch on your machine; no data left your computer.',
  },
} satisfies Record<string, { fr: string; en: string }>;
