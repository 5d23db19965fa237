/** Messages of `pitch interview`. */
export const interview = {
  'cli.cmd.interview': {
    fr: 'entretien blanc : le pitch, puis des questions chronométrées à l’oral, puis un bilan',
    en: 'mock interview: the pitch, then timed spoken answers, then a report',
  },
  'cli.opt.questions': { fr: 'nombre de questions (par défaut 5)', en: 'number of questions (default 5)' },
  'cli.opt.answerTime': {
    fr: 'temps par réponse : 90s, 2m… (par défaut 90s)',
    en: 'time per answer: 90s, 2m… (default 90s)',
  },
  'cli.opt.topics': { fr: 'thèmes des questions, séparés par des virgules', en: 'question topics, comma-separated' },
  'cli.opt.speak': {
    fr: 'lit les questions à voix haute (espeak-ng, say ou spd-say)',
    en: 'read questions aloud (espeak-ng, say or spd-say)',
  },
  'cli.opt.noPitch': { fr: 'passe directement aux questions', en: 'go straight to the questions' },

  'interview.badQuestions': {
    fr: 'Nombre de questions invalide : « {value} ».',
    en: 'Invalid number of questions: "{value}".',
  },
  'interview.badQuestionsHint': { fr: 'Donnez un nombre entre 1 et {max}.', en: 'Give a number between 1 and {max}.' },
  'interview.badAnswerTime': { fr: 'Temps de réponse invalide : « {value} ».', en: 'Invalid answer time: "{value}".' },
  'interview.badAnswerTimeHint': {
    fr: 'Par exemple 45s, 90s, 2m (entre 10 s et 10 min).',
    en: 'For example 45s, 90s, 2m (between 10 s and 10 min).',
  },
  'interview.noQuestions': {
    fr: 'Aucune question ouverte dans les thèmes choisis : rien à demander à l’oral.',
    en: 'No open question in the chosen topics: nothing to ask aloud.',
  },
  'interview.noQuestionsHint': {
    fr: '« pitch quiz --list-topics » liste les thèmes.',
    en: '"pitch quiz --list-topics" lists the topics.',
  },
  'interview.noSpeaker': {
    fr: 'Aucun synthétiseur vocal trouvé pour --speak.',
    en: 'No speech synthesizer found for --speak.',
  },
  'interview.noSpeakerHint': {
    fr: 'Installez espeak-ng (Debian/Ubuntu : sudo apt install espeak-ng ; macOS a « say »), ou relancez sans --speak.',
    en: 'Install espeak-ng (Debian/Ubuntu: sudo apt install espeak-ng; macOS has "say"), or run again without --speak.',
  },
  'interview.intro': {
    fr: 'Entretien blanc : {pitch}{count, plural, one {# question} other {# questions}}, {time} par réponse. Ctrl-C arrête à tout moment, ce qui est fini reste enregistré.',
    en: 'Mock interview: {pitch}{count, plural, one {# question} other {# questions}}, {time} per answer. Ctrl-C stops at any time; what is finished stays saved.',
  },
  'interview.introPitch': { fr: 'votre pitch, puis ', en: 'your pitch, then ' },
  'interview.pitchPrompt': {
    fr: '« Présentez-vous. » Entrée pour commencer le pitch.',
    en: '"Tell me about yourself." Enter to start the pitch.',
  },
  'interview.questionPrompt': {
    fr: 'Question {n}/{total} · Entrée quand vous êtes prêt·e',
    en: 'Question {n}/{total} · Enter when you are ready',
  },
  'interview.answer.title': { fr: 'Question {n}/{total} · {topic}', en: 'Question {n}/{total} · {topic}' },
  'interview.answer.keys': { fr: 'Répondez à voix haute · {keys}', en: 'Answer aloud · {keys}' },
  'interview.key.done': { fr: 'Espace : réponse terminée', en: 'Space: answer finished' },
  'interview.key.retry': { fr: 'r : recommencer', en: 'r: start over' },
  'interview.key.stop': { fr: 'q : arrêter l’entretien', en: 'q: stop the interview' },
  'interview.key.help': { fr: '? : aide', en: '?: help' },
  'interview.help.done': {
    fr: 'Espace : réponse terminée, place aux points clés',
    en: 'Space: answer finished, on to the key points',
  },
  'interview.help.retry': {
    fr: 'r : recommencer cette réponse depuis le début (la première prise reste dans le bilan)',
    en: 'r: start this answer over (the first take stays in the report)',
  },
  'interview.retrying': {
    fr: 'On reprend : la question {n} depuis le début (prise {take}).',
    en: 'Starting over: question {n} from the beginning (take {take}).',
  },
  'report.pitchSuspect': {
    fr: ' — trop rapide pour être vrai, ne compte pas',
    en: ' — too fast to be real, does not count',
  },
  'report.retries': {
    fr: 'reprises : {times}',
    en: 'earlier takes: {times}',
  },
  'interview.help.stop': {
    fr: 'q ou Échap : arrêter l’entretien (les réponses terminées sont gardées)',
    en: 'q or Esc: stop the interview (finished answers are kept)',
  },
  'interview.help.abort': {
    fr: 'Ctrl-C : interrompre (les réponses terminées sont gardées)',
    en: 'Ctrl-C: abort (finished answers are kept)',
  },
  'interview.noAudioOutput': {
    fr: 'Aucune sortie audio disponible : les questions ne seront pas lues à voix haute, elles s’affichent à l’écran.',
    en: 'No audio output available: the questions will not be read aloud; they are shown on the screen.',
  },
  'interview.answer.speaking': { fr: 'Lecture de la question…', en: 'Reading the question…' },
  'interview.answer.over': { fr: 'Temps dépassé de {time}', en: '{time} over time' },
  'interview.answer.left': { fr: 'reste {time}', en: '{time} left' },
  'interview.tick': { fr: 'Quels points clés avez-vous couverts ?', en: 'Which key points did you cover?' },
  'interview.modelAnswer': { fr: 'Réponse modèle', en: 'Model answer' },
  'interview.spoke': { fr: 'Vous avez parlé {time} ({band}).', en: 'You spoke for {time} ({band}).' },
  'interview.band.short': { fr: 'trop court', en: 'too short' },
  'interview.band.good': { fr: 'bonne longueur', en: 'right length' },
  'interview.band.long': { fr: 'trop long', en: 'too long' },

  'report.title': { fr: 'Bilan de l’entretien blanc', en: 'Mock interview report' },
  'report.pitch': { fr: 'Pitch : {time} pour {target} ({delta})', en: 'Pitch: {time} for {target} ({delta})' },
  'report.pitchPb': { fr: ' · record : {pb}', en: ' · personal best: {pb}' },
  'report.noPitch': { fr: 'Pitch : non chronométré.', en: 'Pitch: not timed.' },
  'report.question': { fr: 'Q{n} · {topic}', en: 'Q{n} · {topic}' },
  'report.answerLine': {
    fr: '{time} ({band}) · points clés {covered}/{total} · note : {rating}',
    en: '{time} ({band}) · key points {covered}/{total} · rating: {rating}',
  },
  'report.speech': {
    fr: 'enregistrement : {speech} de parole, {pauses, plural, one {# pause} other {# pauses}} ≥ 0,3 s, la plus longue {longest} s',
    en: 'recording: {speech} of speech, {pauses, plural, one {# pause} other {# pauses}} ≥ 0.3 s, longest {longest} s',
  },
  'report.unanswered': { fr: 'pas de réponse notée', en: 'no rated answer' },
  'report.missed': { fr: 'manqué : {list}', en: 'missed: {list}' },
  'report.band': {
    fr: 'Longueur jugée sur l’horloge de réponse ({max} s) : trop court sous {min} s, trop long au-delà de {max} s.',
    en: 'Length judged against the answer clock ({max} s): too short under {min} s, too long past {max} s.',
  },
  'report.guide': {
    fr: 'Repère usuel : une réponse technique tient en {min}–{max} s.',
    en: 'Usual guide: a technical answer takes {min}–{max} s.',
  },
  'report.coverage': { fr: 'Points clés couverts : {percent} %', en: 'Key points covered: {percent}%' },
  'report.weakest': {
    fr: 'Thème le plus faible : {title}. À travailler : pitch quiz --topic {topic}',
    en: 'Weakest topic: {title}. Drill it: pitch quiz --topic {topic}',
  },
  'report.nextDue': { fr: 'Prochaine révision : {when}', en: 'Next review: {when}' },
  'report.stopped': {
    fr: 'Entretien arrêté avant la fin : les réponses terminées sont enregistrées.',
    en: 'Interview stopped early: finished answers are saved.',
  },
  'history.interviews': { fr: 'Entretiens blancs', en: 'Mock interviews' },
  'history.emptyInterviews': {
    fr: 'Aucun entretien blanc pour l’instant : lancez « pitch interview ».',
    en: 'No mock interview yet: run "pitch interview".',
  },
  'history.interviewStopped': { fr: 'arrêté', en: 'stopped' },
} satisfies Record<string, { fr: string; en: string }>;
