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
  'page.written': { fr: 'Rapport écrit : {file}', en: 'Report written: {file}' },
  'page.writtenHint': {
    fr: 'Ouvrez-le dans un navigateur (ou relancez avec --open) ; il s’imprime en PDF depuis le navigateur.',
    en: 'Open it in a browser (or run again with --open); print it to PDF from the browser.',
  },
  'page.opened': { fr: 'Ouvert avec {tool}.', en: 'Opened with {tool}.' },
  'page.noOpener': {
    fr: 'Aucun programme pour ouvrir la page ici (xdg-open, open ou start) : ouvrez le fichier vous-même.',
    en: 'No program to open the page here (xdg-open, open or start): open the file yourself.',
  },
  'page.recordingUnreadable': {
    fr: 'Enregistrement le plus récent illisible ({file}) : la page est écrite sans lui.',
    en: 'Latest recording could not be read ({file}): the page is written without it.',
  },

  'page.title': { fr: 'Préparation d’entretien — rapport', en: 'Interview preparation — report' },
  'page.generated': { fr: 'Généré le {date}', en: 'Generated on {date}' },
  'page.since': { fr: 'depuis le {date}', en: 'since {date}' },
  'page.allTime': { fr: 'tout l’historique', en: 'all history' },
  'page.readiness': { fr: 'Êtes-vous prêt ?', en: 'Are you ready?' },
  'page.emptyTitle': { fr: 'Rien à montrer pour l’instant', en: 'Nothing to show yet' },
  'page.emptyBody': {
    fr: 'Ce rapport se remplit à mesure que vous vous entraînez. Pour commencer :',
    en: 'This report fills up as you practise. To begin:',
  },
  'page.emptyRehearse': {
    fr: 'répétez votre pitch à voix haute, chronomètre en main',
    en: 'say your pitch aloud against the clock',
  },
  'page.emptyQuiz': { fr: 'révisez la stack technique', en: 'drill the technical stack' },
  'page.emptyInterview': { fr: 'passez un entretien blanc', en: 'take a mock interview' },

  'page.pitchCard': { fr: 'Le pitch', en: 'The pitch' },
  'page.quizCard': { fr: 'Le quiz', en: 'The quiz' },
  'page.interviewCard': { fr: 'Les entretiens blancs', en: 'Mock interviews' },
  'page.last': { fr: 'Dernier', en: 'Last' },
  'page.median': { fr: 'Médiane', en: 'Median' },
  'page.best': { fr: 'Record', en: 'Best' },
  'page.target': { fr: 'Objectif', en: 'Target' },
  'page.trend.faster': { fr: 'de plus en plus rapide', en: 'getting faster' },
  'page.trend.slower': { fr: 'de plus en plus long', en: 'getting slower' },
  'page.trend.steady': { fr: 'stable', en: 'steady' },
  'page.trend': { fr: 'Tendance', en: 'Trend' },
  'page.completeRuns': { fr: 'Répétitions complètes', en: 'Complete runs' },
  'page.retention': { fr: 'Rétention', en: 'Retention' },
  'page.dueWeek': { fr: 'À revoir cette semaine', en: 'Due this week' },
  'page.reviews': { fr: 'Révisions', en: 'Reviews' },
  'page.weakest': { fr: 'Questions les plus fragiles', en: 'Weakest questions' },
  'page.lapses': {
    fr: '{count, plural, one {# oubli} other {# oublis}}',
    en: '{count, plural, one {# lapse} other {# lapses}}',
  },
  'page.interviewsDone': { fr: 'Entretiens', en: 'Interviews' },
  'page.answersInBand': { fr: 'Réponses de bonne longueur', en: 'Answers of the right length' },
  'page.keyPointsCovered': { fr: 'Points clés couverts', en: 'Key points covered' },
  'page.none': { fr: '—', en: '—' },

  'page.advice.pitch.noRun': {
    fr: 'Faites une répétition complète, du début à la fin, pour avoir un premier temps de référence.',
    en: 'Do one complete run, start to finish, to get a first reference time.',
  },
  'page.advice.pitch.tooLong': {
    fr: 'Trop long de {over} s : resserrez d’abord « {split} ».',
    en: '{over} s too long: tighten “{split}” first.',
  },
  'page.advice.pitch.tooLongNoSplit': {
    fr: 'Trop long de {over} s : coupez une phrase par partie.',
    en: '{over} s too long: cut one sentence per part.',
  },
  'page.advice.pitch.tooShort': {
    fr: 'Trop court de {under} s : vous sautez sans doute des passages, relisez le texte avant la prochaine répétition.',
    en: '{under} s too short: you probably skip passages; reread the text before the next run.',
  },
  'page.advice.pitch.ready': {
    fr: 'Dans le temps et régulier : entretenez-le par une répétition par jour.',
    en: 'On time and consistent: keep it up with one run a day.',
  },
  'page.advice.pitch.keepGoing': {
    fr: 'Dans le temps : encore quelques répétitions complètes pour le rendre régulier.',
    en: 'On time: a few more complete runs to make it consistent.',
  },
  'page.advice.quiz.start': {
    fr: 'Lancez un premier quiz (pitch quiz) pour mesurer ce que vous savez déjà.',
    en: 'Start a first quiz (pitch quiz) to measure what you already know.',
  },
  'page.advice.quiz.weakTopic': {
    fr: '« {topic} » est votre point faible ({retention}) : une séance ciblée sur ce thème.',
    en: '“{topic}” is your weak spot ({retention}): one session focused on that topic.',
  },
  'page.advice.quiz.due': {
    fr: '{count, plural, one {# carte} other {# cartes}} à revoir cette semaine : quelques minutes par jour suffisent.',
    en: '{count, plural, one {# card} other {# cards}} due this week: a few minutes a day is enough.',
  },
  'page.advice.quiz.ready': {
    fr: 'Rien à revoir cette semaine et une bonne rétention : ajoutez un thème.',
    en: 'Nothing due this week and good retention: add a topic.',
  },
  'page.advice.interview.none': {
    fr: 'Passez un entretien blanc (pitch interview) : le pitch puis des questions chronométrées.',
    en: 'Take a mock interview (pitch interview): the pitch, then timed questions.',
  },
  'page.advice.interview.length': {
    fr: 'Seules {inBand, plural, one {# réponse} other {# réponses}} sur {answers} ont la bonne longueur : visez une réponse complète dans le temps imparti.',
    en: 'Only {inBand, plural, one {# answer} other {# answers}} of {answers} had the right length: aim for a complete answer within the clock.',
  },
  'page.advice.interview.keyPoints': {
    fr: '{covered, plural, one {# point clé} other {# points clés}} sur {total} couverts : annoncez vos idées principales dès le début de la réponse.',
    en: '{covered, plural, one {# key point} other {# key points}} of {total} covered: state your main ideas at the start of each answer.',
  },
  'page.advice.interview.ready': {
    fr: 'Réponses dans le temps et complètes : vous êtes prêt pour un vrai entretien.',
    en: 'Answers on time and complete: you are ready for a real interview.',
  },

  'page.rehearsals': { fr: 'Répétitions', en: 'Rehearsals' },
  'page.runsChart': { fr: 'Temps de chaque répétition complète', en: 'Time of each complete run' },
  'page.runsChartDesc': {
    fr: '{count, plural, one {# répétition complète} other {# répétitions complètes}} de « {title} » ; objectif {target}, bande ±20 % de {min} à {max} ; record {best} ; dernière {last}.',
    en: '{count, plural, one {# complete run} other {# complete runs}} of “{title}”; target {target}, ±20 % band from {min} to {max}; best {best}; last {last}.',
  },
  'page.summarised': {
    fr: 'Courbe résumée : médiane de chaque groupe de répétitions consécutives ({points} points pour {count} répétitions).',
    en: 'Line summarised: median of each group of consecutive runs ({points} points for {count} runs).',
  },
  'page.legendBand': { fr: 'bande ±20 % de l’objectif', en: '±20 % band around the target' },
  'page.legendTarget': { fr: 'objectif', en: 'target' },
  'page.legendPb': { fr: 'record', en: 'best' },
  'page.latestRuns': { fr: 'Dernières répétitions complètes', en: 'Latest complete runs' },
  'page.date': { fr: 'Date', en: 'Date' },
  'page.time': { fr: 'Temps', en: 'Time' },
  'page.vsTarget': { fr: 'Écart à l’objectif', en: 'Versus target' },
  'page.splitsChart': { fr: 'Chaque partie face à son budget', en: 'Each split against its budget' },
  'page.splitsChartDesc': {
    fr: 'Pour chaque partie : un point par répétition complète (ligne du haut), les répétitions partielles à part (cercles creux, ligne du bas), le budget en trait vertical, la médiane en trait épais.',
    en: 'For each split: one dot per complete run (upper lane), practice runs apart (hollow circles, lower lane), the budget as a vertical line, the median as a thick tick.',
  },
  'page.split': { fr: 'Partie', en: 'Split' },
  'page.budget': { fr: 'Budget', en: 'Budget' },
  'page.practiceRuns': { fr: 'Partielles', en: 'Practice' },
  'page.noCompleteRun': {
    fr: 'Aucune répétition complète sur la période : seules les répétitions partielles sont montrées.',
    en: 'No complete run in this period: only practice runs are shown.',
  },

  'page.recording': { fr: 'Dernier enregistrement', en: 'Latest recording' },
  'page.recordingOf': { fr: '« {title} », {date}', en: '“{title}”, {date}' },
  'page.waveDesc': {
    fr: 'Forme d’onde de {duration} : parole en couleur, pauses hachurées, fins de parties en traits verticaux. {speech} de parole, pause la plus longue {pause} s.',
    en: 'Waveform of {duration}: speech shaded, pauses hatched, split ends as vertical lines. {speech} of speech, longest pause {pause} s.',
  },
  'page.legendSpeech': { fr: 'parole', en: 'speech' },
  'page.legendPause': { fr: 'pause', en: 'pause' },
  'page.pace': { fr: 'Débit (mots/min, estimé d’après le texte)', en: 'Pace (words/min, estimated from the text)' },
  'page.contour': { fr: 'Intonation (hauteur de la voix)', en: 'Intonation (pitch of the voice)' },
  'page.contourDesc': {
    fr: 'Hauteur médiane {median} Hz, étendue {range} demi-tons (du 10e au 90e centile) ; {count, plural, one {# passage monotone} other {# passages monotones}}, {seconds} s en tout (zones colorées).',
    en: 'Median pitch {median} Hz, range {range} semitones (10th to 90th percentile); {count, plural, one {# monotone stretch} other {# monotone stretches}}, {seconds} s in all (shaded).',
  },
  'page.legendF0': { fr: 'hauteur de la voix (F0)', en: 'voice pitch (F0)' },
  'page.legendMonotone': { fr: 'passage monotone', en: 'monotone stretch' },
  'page.syllableRate': { fr: 'Syllabes/s (mesuré)', en: 'Syllables/s (measured)' },
  'page.noRecording': {
    fr: 'Pas encore d’enregistrement : répétez avec pitch rehearse --record pour voir votre voix ici.',
    en: 'No recording yet: rehearse with pitch rehearse --record to see your voice here.',
  },

  'page.quiz': { fr: 'Quiz', en: 'Quiz' },
  'page.calendar': { fr: 'Révisions des 12 dernières semaines', en: 'Reviews over the last 12 weeks' },
  'page.calendarDesc': {
    fr: 'Une case par jour, une colonne par semaine (lundi en haut) ; plus la case est foncée, plus il y a eu de révisions. {total, plural, one {# révision} other {# révisions}} en tout.',
    en: 'One square a day, one column a week (Monday on top); the darker, the more reviews. {total, plural, one {# review} other {# reviews}} in all.',
  },
  'page.cardsByState': { fr: 'Cartes par thème et par état', en: 'Cards by topic and state' },
  'page.cardsByStateDesc': {
    fr: 'Pour chaque thème : nouvelles, en apprentissage, en révision.',
    en: 'For each topic: new, learning, in review.',
  },
  'page.topic': { fr: 'Thème', en: 'Topic' },
  'page.state.new': { fr: 'Nouvelles', en: 'New' },
  'page.state.learning': { fr: 'En apprentissage', en: 'Learning' },
  'page.state.review': { fr: 'En révision', en: 'Review' },
  'page.forecast': { fr: 'À revoir dans les 7 prochains jours', en: 'Due over the next 7 days' },
  'page.forecastDesc': {
    fr: 'Nombre de cartes à revoir chaque jour ; aujourd’hui compte aussi les cartes en retard.',
    en: 'Cards due each day; today also counts overdue cards.',
  },
  'page.due': { fr: 'À revoir', en: 'Due' },

  'page.interviews': { fr: 'Entretiens blancs', en: 'Mock interviews' },
  'page.question': { fr: 'Question', en: 'Question' },
  'page.answerTime': { fr: 'Durée', en: 'Time' },
  'page.keyPoints': { fr: 'Points clés', en: 'Key points' },
  'page.rating': { fr: 'Note', en: 'Rating' },
  'page.length.short': { fr: 'trop courte', en: 'too short' },
  'page.length.long': { fr: 'trop longue', en: 'too long' },
  'page.length.ok': { fr: 'bonne longueur', en: 'right length' },
  'page.notAnswered': { fr: 'non répondue', en: 'not answered' },
  'page.rating.1': { fr: 'À revoir', en: 'Again' },
  'page.rating.2': { fr: 'Difficile', en: 'Hard' },
  'page.rating.3': { fr: 'Bien', en: 'Good' },
  'page.rating.4': { fr: 'Facile', en: 'Easy' },
  'page.noInterview': {
    fr: 'Aucun entretien blanc sur la période.',
    en: 'No mock interview in this period.',
  },
  'page.footer': {
    fr: 'Page écrite par pitch sur votre machine ; aucune donnée n’a quitté votre ordinateur.',
    en: 'Page written by pitch on your machine; no data left your computer.',
  },
} satisfies Record<string, { fr: string; en: string }>;
