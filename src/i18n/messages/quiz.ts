/** Messages of `pitch quiz`: options, usage errors, pack validation, the session, the summary. */
export const quiz = {
  'cli.cmd.quiz': {
    fr: 'questions sur la stack, notées et planifiées par répétition espacée',
    en: 'drills on the stack, graded and scheduled by spaced repetition',
  },
  'cli.opt.topic': {
    fr: 'thème : id ou alias, plusieurs séparés par des virgules ; pitch = votre propre pitch',
    en: 'topic: id or alias, several separated by commas; pitch = your own pitch',
  },
  'cli.opt.count': { fr: 'nombre de questions (10 par défaut)', en: 'number of questions (default 10)' },
  'cli.opt.mode': {
    fr: 'type de questions : mixed (par défaut), mcq, open, flash ou cloze',
    en: 'kind of questions: mixed (default), mcq, open, flash or cloze',
  },
  'cli.opt.new': { fr: 'au plus N questions jamais vues', en: 'at most N never-seen questions' },
  'cli.opt.bank': {
    fr: 'dossier (ou fichier) de paquets de questions en plus',
    en: 'extra directory (or file) of question packs',
  },
  'cli.opt.check': {
    fr: 'valide les paquets (tous, ou ceux de DIR) et signale chaque erreur avec sa ligne',
    en: 'validate the packs (all, or those in DIR) and report every error with its line',
  },
  'cli.opt.listTopics': {
    fr: 'liste les thèmes, leur nombre de questions et de questions à revoir',
    en: 'list the topics with their number of questions and of questions due',
  },

  'quiz.badCount': {
    fr: '--count attend un nombre entier entre 1 et {max} (reçu : « {value} »).',
    en: '--count expects a whole number from 1 to {max} (got "{value}").',
  },
  'quiz.badNew': {
    fr: '--new attend un nombre entier positif ou nul (reçu : « {value} »).',
    en: '--new expects a whole number, zero or more (got "{value}").',
  },
  'quiz.countHint': {
    fr: 'Exemple : pitch quiz --topic spark --count 5 --new 2',
    en: 'Example: pitch quiz --topic spark --count 5 --new 2',
  },
  'quiz.badMode': { fr: 'Mode inconnu : « {value} ».', en: 'Unknown mode: "{value}".' },
  'quiz.modeHint': { fr: 'Choix : {list}.', en: 'Choose one of: {list}.' },
  'quiz.jsonAlone': {
    fr: '--json s’emploie avec --list-topics ou --check.',
    en: '--json goes with --list-topics or --check.',
  },
  'quiz.jsonHint': { fr: 'Exemple : pitch quiz --list-topics --json', en: 'Example: pitch quiz --list-topics --json' },
  'quiz.checkAndList': {
    fr: '--check et --list-topics ne vont pas ensemble.',
    en: '--check and --list-topics do not go together.',
  },
  'quiz.checkAndListHint': { fr: 'Lancez-les l’un après l’autre.', en: 'Run them one after the other.' },
  'quiz.unknownTopic': { fr: 'Thème inconnu : « {value} ».', en: 'Unknown topic: "{value}".' },
  'quiz.unknownTopicHint': {
    fr: 'Thèmes proches : {list}. « pitch quiz --list-topics » les liste tous.',
    en: 'Closest topics: {list}. "pitch quiz --list-topics" lists them all.',
  },
  'quiz.unknownTopicNoClose': {
    fr: '« pitch quiz --list-topics » liste les thèmes disponibles.',
    en: '"pitch quiz --list-topics" lists the available topics.',
  },
  'quiz.noQuestions': {
    fr: 'Aucune question de type « {mode} » dans : {topics}.',
    en: 'No "{mode}" question in: {topics}.',
  },
  'quiz.noQuestionsHint': { fr: 'Essayez --mode mixed, ou un autre thème.', en: 'Try --mode mixed, or another topic.' },
  'quiz.emptyBank': { fr: 'Aucune question disponible.', en: 'No question available.' },
  'quiz.emptyBankHint': {
    fr: 'Les paquets sont vides ou invalides : « pitch quiz --check » montre les erreurs.',
    en: 'The packs are empty or invalid: "pitch quiz --check" shows the errors.',
  },
  'quiz.bankUnreadable': {
    fr: 'Impossible de lister le dossier de paquets {path} (droits insuffisants).',
    en: 'Cannot list the pack folder {path} (permission denied).',
  },
  'quiz.bankUnreadableHint': {
    fr: 'Donnez-vous le droit de le lire (chmod u+rx), ou retirez-le.',
    en: 'Give yourself the right to read it (chmod u+rx), or remove it.',
  },
  'quiz.bankMissing': { fr: 'Paquets de questions introuvables : {path}.', en: 'Question packs not found: {path}.' },
  'quiz.bankHint': {
    fr: 'Donnez à --bank (ou --check) un dossier de fichiers .yaml, ou un fichier .yaml.',
    en: 'Give --bank (or --check) a directory of .yaml files, or one .yaml file.',
  },
  'quiz.noPacks': { fr: 'Aucun paquet de questions (.yaml) dans {path}.', en: 'No question pack (.yaml) in {path}.' },
  'quiz.formatHint': {
    fr: 'Le format des paquets est décrit dans docs/question-format.md.',
    en: 'The pack format is described in docs/question-format.md.',
  },
  'quiz.checkFailed': {
    fr: '{count, plural, one {# problème} other {# problèmes}} dans les paquets de questions.',
    en: '{count, plural, one {# problem} other {# problems}} in the question packs.',
  },
  'quiz.checkFailedHint': {
    fr: 'Corrigez les lignes indiquées ; le format est décrit dans docs/question-format.md.',
    en: 'Fix the lines shown; the format is described in docs/question-format.md.',
  },
  'quiz.packWarning': {
    fr: '{count, plural, one {# problème} other {# problèmes}} dans les paquets de questions, questions concernées ignorées (par exemple {first}). Détail : pitch quiz --check',
    en: '{count, plural, one {# problem} other {# problems}} in the question packs, the questions concerned are skipped (for example {first}). Details: pitch quiz --check',
  },

  'quiz.check.ok': {
    fr: 'Aucun problème : {packs, plural, one {# paquet} other {# paquets}}, {topics, plural, one {# thème} other {# thèmes}}, {questions, plural, one {# question} other {# questions}}.',
    en: 'No problems: {packs, plural, one {# pack} other {# packs}}, {topics, plural, one {# topic} other {# topics}}, {questions, plural, one {# question} other {# questions}}.',
  },
  'quiz.check.longestBias': {
    fr: '{file} : dans {count} QCM sur {measured} à une seule réponse, la bonne option est la plus longue ; on la devine sans rien savoir. Allongez les distracteurs (de vraies idées fausses) ou resserrez la bonne réponse.',
    en: '{file}: in {count} of {measured} single-answer MCQs the right option is the longest; it can be guessed without knowing anything. Make the distractors real misconceptions of similar length, or trim the right option.',
  },
  'quiz.check.shortestBias': {
    fr: '{file} : dans {count} QCM sur {measured} à une seule réponse, la bonne option est la plus courte ; on la devine sans rien savoir. Variez la longueur des options.',
    en: '{file}: in {count} of {measured} single-answer MCQs the right option is the shortest; it can be guessed without knowing anything. Vary the length of the options.',
  },
  'quiz.check.problems': {
    fr: '{packs, plural, one {# paquet} other {# paquets}}, {questions, plural, one {# question valide} other {# questions valides}} ; {count, plural, one {# problème} other {# problèmes}} :',
    en: '{packs, plural, one {# pack} other {# packs}}, {questions, plural, one {# valid question} other {# valid questions}}; {count, plural, one {# problem} other {# problems}}:',
  },

  'pack.at': { fr: '{file}:{line} : {message}', en: '{file}:{line}: {message}' },
  'pack.atQuestion': {
    fr: '{file}:{line} : question « {id} » : {message}',
    en: '{file}:{line}: question "{id}": {message}',
  },
  'pack.atFile': { fr: '{file} : {message}', en: '{file}: {message}' },
  'pack.yaml': { fr: 'YAML invalide : {message}', en: 'invalid YAML: {message}' },
  'pack.tooManyAliases': {
    fr: 'trop d’alias YAML à développer (plus de {max}) : le paquet est ignoré',
    en: 'too many YAML aliases to expand (over {max}): the pack is skipped',
  },
  'pack.tooManyNodes': {
    fr: 'trop d’éléments YAML (plus de {max}) : le paquet est ignoré',
    en: 'too many YAML nodes (over {max}): the pack is skipped',
  },
  'pack.tooDeep': {
    fr: 'YAML imbriqué trop profondément (plus de {max} niveaux) : le paquet est ignoré',
    en: 'YAML nested too deeply (over {max} levels): the pack is skipped',
  },
  'pack.notMapping': {
    fr: 'un paquet est un dictionnaire YAML avec « topic », « title » et « questions »',
    en: 'a pack is a YAML mapping with "topic", "title" and "questions"',
  },
  'pack.unknownKey': { fr: 'clé inconnue « {key} »', en: 'unknown key "{key}"' },
  'pack.unknownKeyDidYouMean': {
    fr: 'clé inconnue « {key} » (vouliez-vous dire « {suggestion} » ?)',
    en: 'unknown key "{key}" (did you mean "{suggestion}"?)',
  },
  'pack.keyWrongKind': {
    fr: '« {key} » ne s’emploie pas dans une question {kind} (seulement : {kinds})',
    en: '"{key}" does not belong in a {kind} question (only in: {kinds})',
  },
  'pack.missing': { fr: '« {key} » est obligatoire', en: '"{key}" is required' },
  'pack.missingInQuestion': {
    fr: 'la question n° {index} n’a pas de « {key} »',
    en: 'question #{index} has no "{key}"',
  },
  'pack.notText': { fr: '« {key} » doit être un texte non vide', en: '"{key}" must be a non-empty text' },
  'pack.notList': { fr: '« {key} » doit être une liste', en: '"{key}" must be a list' },
  'pack.badTopicId': {
    fr: '« {key} » : « {value} » doit s’écrire en minuscules, chiffres et tirets (ex. spark-k8s)',
    en: '"{key}": "{value}" must be lowercase letters, digits and dashes (e.g. spark-k8s)',
  },
  'pack.reservedTopic': {
    fr: 'le thème « {value} » est réservé à votre propre pitch',
    en: 'the topic "{value}" is reserved for your own pitch',
  },
  'pack.badSynonyms': {
    fr: 'le groupe de synonymes n° {index} doit être une liste d’au moins deux mots',
    en: 'synonym group #{index} must be a list of at least two words',
  },
  'pack.noQuestions': { fr: '« questions » doit être une liste non vide', en: '"questions" must be a non-empty list' },
  'pack.questionNotMapping': {
    fr: 'la question n° {index} doit être un dictionnaire (id, kind, difficulty, prompt…)',
    en: 'question #{index} must be a mapping (id, kind, difficulty, prompt…)',
  },
  'pack.badId': {
    fr: '« id » : « {value} » doit s’écrire en minuscules, chiffres, tirets, points ou soulignés',
    en: '"id": "{value}" must be lowercase letters, digits, dashes, dots or underscores',
  },
  'pack.duplicateId': {
    fr: 'l’id « {value} » est déjà pris ({origin})',
    en: 'the id "{value}" is already taken ({origin})',
  },
  'pack.badKind': {
    fr: '« kind » doit valoir mcq, open, flash ou cloze (trouvé : « {value} »)',
    en: '"kind" must be mcq, open, flash or cloze (found "{value}")',
  },
  'pack.badDifficulty': {
    fr: '« difficulty » doit valoir 1, 2 ou 3 (trouvé : « {value} »)',
    en: '"difficulty" must be 1, 2 or 3 (found "{value}")',
  },
  'pack.optionCount': {
    fr: '« options » doit compter de 2 à 6 choix (trouvé : {count})',
    en: '"options" must hold 2 to 6 choices (found {count})',
  },
  'pack.optionDuplicate': { fr: 'l’option « {value} » apparaît deux fois', en: 'the option "{value}" appears twice' },
  'pack.answerNotOption': { fr: '« answer » doit être l’une des options', en: '"answer" must be one of the options' },
  'pack.answerDuplicate': {
    fr: '« answer » cite deux fois la même option',
    en: '"answer" names the same option twice',
  },
  'pack.keyPointCount': {
    fr: '« keyPoints » doit compter de 1 à 5 points (trouvé : {count})',
    en: '"keyPoints" must hold 1 to 5 points (found {count})',
  },
  'pack.keyPointShape': {
    fr: 'le point clé n° {index} doit avoir « point » (un texte) et « accept » (une liste non vide)',
    en: 'key point #{index} needs "point" (a text) and "accept" (a non-empty list)',
  },
  'pack.misconceptionShape': {
    fr: 'l’idée fausse n° {index} doit avoir « accept » (une liste non vide) et « note » (un texte)',
    en: 'misconception #{index} needs "accept" (a non-empty list) and "note" (a text)',
  },
  'pack.phraseEmpty': {
    fr: 'la formulation « {value} » ne contient aucun mot à reconnaître',
    en: 'the phrasing "{value}" has no word to recognise',
  },
  'pack.clozeBlanks': {
    fr: '« prompt » d’une question cloze doit contenir exactement un blanc « ___ » (trouvé : {count})',
    en: 'the "prompt" of a cloze question must hold exactly one "___" blank (found {count})',
  },
  'pack.badChecked': {
    fr: '« checked » s’écrit AAAA-MM suivi de la version vérifiée, par ex. « 2026-11 Spark 4.0 » (trouvé : « {value} »)',
    en: '"checked" is YYYY-MM followed by the version checked against, e.g. "2026-11 Spark 4.0" (found "{value}")',
  },
  'pack.badPitchRef': {
    fr: '« pitchRef » est un numéro de section du pitch entre guillemets, par ex. "2.3.1" (trouvé : « {value} »)',
    en: '"pitchRef" is a quoted section number of the pitch, e.g. "2.3.1" (found "{value}")',
  },
  'pack.badSource': {
    fr: '« source » doit être une URL http(s) (trouvé : « {value} »)',
    en: '"source" must be an http(s) URL (found "{value}")',
  },
  'pack.aliasTaken': {
    fr: 'l’alias « {alias} » désigne déjà le thème « {topic} »',
    en: 'the alias "{alias}" already names the topic "{topic}"',
  },

  'quiz.list.id': { fr: 'Thème', en: 'Topic' },
  'quiz.list.title': { fr: 'Titre', en: 'Title' },
  'quiz.list.questions': { fr: 'Questions', en: 'Questions' },
  'quiz.list.due': { fr: 'À revoir', en: 'Due' },
  'quiz.list.aliases': { fr: 'Alias', en: 'Aliases' },
  'quiz.list.footer': {
    fr: '« pitch quiz --topic ID » révise un thème ; sans --topic, les questions dues de tous les thèmes passent d’abord.',
    en: '"pitch quiz --topic ID" drills one topic; without --topic, questions due in every topic come first.',
  },
  'quiz.pitchTitle': { fr: 'Votre pitch', en: 'Your pitch' },
  'quiz.pitch.recall': {
    fr: 'Récitez les {count} éléments qui suivent : « {intro} »',
    en: 'Recite the {count} items that follow: "{intro}"',
  },
  'quiz.pitch.recallNoIntro': {
    fr: 'Récitez les {count} éléments de cette liste de votre pitch',
    en: 'Recite the {count} items of this list of your pitch',
  },
  'quiz.pitch.where': { fr: '§ {number} {title}', en: '§ {number} {title}' },

  'quiz.kind.mcq': { fr: 'QCM', en: 'multiple choice' },
  'quiz.kind.open': { fr: 'question ouverte', en: 'open question' },
  'quiz.kind.flash': { fr: 'carte', en: 'flash card' },
  'quiz.kind.cloze': { fr: 'texte à trou', en: 'fill in the blank' },
  'quiz.header': {
    fr: 'Question {index}/{total} · {topic} · {kind}',
    en: 'Question {index}/{total} · {topic} · {kind}',
  },
  'quiz.start': {
    fr: '{count, plural, one {# question} other {# questions}} : {due} à revoir, {fresh, plural, one {# nouvelle} other {# nouvelles}}. Ctrl+C arrête à tout moment, les notes données restent enregistrées.',
    en: '{count, plural, one {# question} other {# questions}}: {due} due, {fresh} new. Ctrl+C stops at any time; the ratings given stay saved.',
  },
  'quiz.prompt.choice': { fr: 'Votre réponse', en: 'Your answer' },
  'quiz.prompt.choices': { fr: 'Vos réponses (plusieurs sont justes)', en: 'Your answers (several are right)' },
  'quiz.prompt.choiceHint': { fr: '(1–{max}, ou ↑↓ puis Entrée)', en: '(1–{max}, or ↑↓ then Enter)' },
  'quiz.prompt.choicesHint': {
    fr: '(1–{max} ou Espace pour cocher, Entrée pour valider)',
    en: '(1–{max} or Space to tick, Enter to send)',
  },
  'quiz.prompt.pickOne': { fr: 'Cochez au moins une réponse.', en: 'Tick at least one answer.' },
  'quiz.prompt.answer': { fr: 'Votre réponse', en: 'Your answer' },
  'quiz.prompt.blank': { fr: 'Le mot manquant', en: 'The missing words' },
  'quiz.prompt.answerHint': {
    fr: 'Entrée : ligne suivante · Entrée sur une ligne vide : valider · Ctrl+C : arrêter',
    en: 'Enter: next line · Enter on an empty line: send · Ctrl+C: stop',
  },
  'quiz.prompt.lineHint': { fr: 'Entrée : valider · Ctrl+C : arrêter', en: 'Enter: send · Ctrl+C: stop' },
  'quiz.prompt.noAnswer': { fr: '(pas de réponse)', en: '(no answer)' },
  'quiz.prompt.rating': { fr: 'Note', en: 'Rating' },
  'quiz.rating.1': { fr: 'À revoir', en: 'Again' },
  'quiz.rating.2': { fr: 'Difficile', en: 'Hard' },
  'quiz.rating.3': { fr: 'Bien', en: 'Good' },
  'quiz.rating.4': { fr: 'Facile', en: 'Easy' },
  'quiz.prompt.ratingHint': {
    fr: 'Entrée = {key} {label} · ←→ pour choisir · Ctrl+C : arrêter',
    en: 'Enter = {key} {label} · ←→ to choose · Ctrl+C: stop',
  },
  'quiz.prompt.ratingHintUndo': {
    fr: 'Entrée = {key} {label} · ←→ pour choisir · u : annuler la note précédente · Ctrl+C : arrêter',
    en: 'Enter = {key} {label} · ←→ to choose · u: undo the previous rating · Ctrl+C: stop',
  },
  'quiz.prompt.undone': { fr: 'Retour à la question précédente', en: 'Back to the previous question' },
  'quiz.prompt.nothingToUndo': { fr: 'Aucune note à annuler.', en: 'No rating to undo.' },
  'quiz.prompt.reveal': {
    fr: 'Répondez de tête, puis Entrée pour voir la réponse',
    en: 'Answer in your head, then Enter to see the answer',
  },
  'quiz.prompt.yes': { fr: 'oui', en: 'yes' },
  'quiz.prompt.no': { fr: 'non', en: 'no' },
  'quiz.prompt.yesNoDefaultYes': { fr: '(O/n)', en: '(Y/n)' },
  'quiz.prompt.yesNoDefaultNo': { fr: '(o/N)', en: '(y/N)' },

  'quiz.grade.right': { fr: 'Juste.', en: 'Right.' },
  'quiz.grade.wrong': { fr: 'Faux.', en: 'Wrong.' },
  'quiz.grade.rightAnswer': { fr: 'Bonne réponse : {answer}', en: 'Right answer: {answer}' },
  'quiz.grade.rightAnswers': { fr: 'Bonnes réponses : {answer}', en: 'Right answers: {answer}' },
  'quiz.grade.expected': { fr: 'Attendu : {answer}', en: 'Expected: {answer}' },
  'quiz.grade.points': { fr: 'Points clés : {hits}/{total}', en: 'Key points: {hits}/{total}' },
  'quiz.grade.misconception': { fr: 'Idée fausse (« {phrase} ») : {note}', en: 'Misconception ("{phrase}"): {note}' },
  'quiz.grade.empty': { fr: 'Pas de réponse : voici ce qu’il fallait dire.', en: 'No answer: here is what to say.' },
  'quiz.grade.model': { fr: 'Réponse modèle', en: 'Model answer' },
  'quiz.grade.answer': { fr: 'Réponse', en: 'Answer' },
  'quiz.grade.explanation': { fr: 'Pourquoi', en: 'Why' },
  'quiz.grade.source': { fr: 'Source : {url}', en: 'Source: {url}' },
  'quiz.grade.checked': { fr: 'Dernière vérification : {month}', en: 'Last checked: {month}' },
  'quiz.grade.checkedAgainst': {
    fr: 'Dernière vérification : {month}, sur {what}',
    en: 'Last checked: {month}, against {what}',
  },
  'quiz.grade.where': { fr: 'À relire : {where}', en: 'Read again: {where}' },
  'quiz.grade.suggestion': { fr: 'Note suggérée : {key} {label}', en: 'Suggested rating: {key} {label}' },
  'quiz.undone': {
    fr: 'Note retirée pour « {prompt} » : notez-la à nouveau.',
    en: 'Rating taken back for "{prompt}": rate it again.',
  },
  'quiz.again': { fr: 'Question {index}/{total} : {prompt}', en: 'Question {index}/{total}: {prompt}' },

  'quiz.cram.none': {
    fr: 'Rien à revoir pour l’instant ({topics}) : prochaine révision {when}.',
    en: 'Nothing due right now ({topics}): next review {when}.',
  },
  'quiz.cram.noneNoNext': { fr: 'Rien à revoir pour l’instant ({topics}).', en: 'Nothing due right now ({topics}).' },
  'quiz.cram.offer': {
    fr: 'Lancer une révision libre (le planning ne change pas) ?',
    en: 'Start a cram session (the schedule stays as it is)?',
  },
  'quiz.cram.declined': { fr: 'À plus tard.', en: 'See you later.' },
  'quiz.cram.banner': {
    fr: 'Révision libre : vos notes ne changent pas le planning.',
    en: 'Cram session: your ratings do not change the schedule.',
  },
  'quiz.interrupted': {
    fr: 'Session arrêtée : {count, plural, one {# note enregistrée} other {# notes enregistrées}}.',
    en: 'Session stopped: {count, plural, one {# rating} other {# ratings}} saved.',
  },

  'quiz.summary.title': { fr: 'Session terminée', en: 'Session over' },
  'quiz.summary.titleCram': { fr: 'Révision libre terminée', en: 'Cram session over' },
  'quiz.summary.score': {
    fr: '{correct}/{graded} {correct, plural, one {juste} other {justes}} ({percent} %) · {count, plural, one {# question} other {# questions}} en {time}',
    en: '{correct}/{graded} right ({percent}%) · {count, plural, one {# question} other {# questions}} in {time}',
  },
  'quiz.summary.scoreNoGraded': {
    fr: '{count, plural, one {# carte} other {# cartes}} en {time}',
    en: '{count, plural, one {# card} other {# cards}} in {time}',
  },
  'quiz.summary.ratings': {
    fr: 'Notes : {again} À revoir · {hard} Difficile · {good} Bien · {easy} Facile',
    en: 'Ratings: {again} Again · {hard} Hard · {good} Good · {easy} Easy',
  },
  'quiz.summary.topics': { fr: 'Par thème', en: 'By topic' },
  'quiz.summary.topicLine': {
    fr: '{correct}/{graded} {correct, plural, one {juste} other {justes}} · {count, plural, one {# question} other {# questions}} · {again} à revoir',
    en: '{correct}/{graded} right · {count, plural, one {# question} other {# questions}} · {again} again',
  },
  'quiz.summary.topicLineNoGraded': {
    fr: '{count, plural, one {# carte} other {# cartes}} · {again} à revoir',
    en: '{count, plural, one {# card} other {# cards}} · {again} again',
  },
  'quiz.summary.missed': { fr: 'Points clés manqués', en: 'Key points missed' },
  'quiz.summary.weakest': { fr: 'À retravailler', en: 'To work on' },
  'quiz.summary.noWeak': { fr: 'Aucune question notée À revoir ou Difficile.', en: 'No question rated Again or Hard.' },
  'quiz.summary.next': {
    fr: 'Prochaine révision {when} · {day, plural, one {# carte due} other {# cartes dues}} d’ici 24 h, {week} d’ici 7 jours',
    en: 'Next review {when} · {day, plural, one {# card} other {# cards}} due within 24 h, {week} within 7 days',
  },
  'quiz.summary.nextCram': {
    fr: 'Planning inchangé · {day, plural, one {# carte due} other {# cartes dues}} d’ici 24 h, {week} d’ici 7 jours',
    en: 'Schedule unchanged · {day, plural, one {# card} other {# cards}} due within 24 h, {week} within 7 days',
  },
  'quiz.summary.saved': {
    fr: 'Session enregistrée : « pitch history » la montre.',
    en: 'Session saved: "pitch history" shows it.',
  },

  'quiz.time.now': { fr: 'maintenant', en: 'now' },
  'quiz.time.in': { fr: 'dans {span}', en: 'in {span}' },
  'quiz.span.seconds': { fr: '{n} s', en: '{n} s' },
  'quiz.span.minutes': { fr: '{n} min', en: '{n} min' },
  'quiz.span.hours': { fr: '{n} h', en: '{n} h' },
  'quiz.span.days': { fr: '{n} j', en: '{n} d' },
  'quiz.span.months': { fr: '{n} mois', en: '{n} mo' },
  'quiz.span.minSec': { fr: '{m} min {s} s', en: '{m} min {s} s' },
} satisfies Record<string, { fr: string; en: string }>;
