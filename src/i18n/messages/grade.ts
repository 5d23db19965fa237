/** Messages of `pitch grade` and of the grader's feedback in the quiz (evidence, contradictions, diff). */
export const grade = {
  'cli.cmd.grade': {
    fr: 'note une réponse comme le quiz (questions ouvertes et textes à trous), pour vérifier le correcteur',
    en: 'grade one answer as the quiz would (open questions and cloze cards), to audit the grader',
  },
  'cli.arg.questionId': { fr: 'id de la question (voir le paquet YAML)', en: 'question id (see its YAML pack)' },
  'cli.arg.answer': {
    fr: 'la réponse (sinon lue sur l’entrée standard)',
    en: 'the answer (read from standard input when absent)',
  },
  'cli.opt.batch': {
    fr: 'JSON Lines {"questionId","answer"} lues dans FILE (ou - pour l’entrée standard), un résultat par ligne',
    en: 'JSON Lines {"questionId","answer"} read from FILE (or - for standard input), one result per line',
  },
  'cli.opt.gradeTopic': {
    fr: 'pitch : chercher aussi dans les cartes de votre pitch',
    en: 'pitch: also look among the cards of your own pitch',
  },
  'cli.ex.grade': { fr: 'vérifier la note d’une réponse', en: 'check how an answer is graded' },

  'input.stdinTooLarge': {
    fr: 'L’entrée standard dépasse {max} Kio : découpez le lot.',
    en: 'Standard input is over {max} KiB: split the batch.',
  },
  'grade.missingId': { fr: 'Quelle question ? Donnez son id.', en: 'Which question? Give its id.' },
  'grade.idHint': {
    fr: 'Exemple : pitch grade spark-lazy-evaluation-2 "les transformations ne font que construire un plan…"',
    en: 'Example: pitch grade spark-lazy-evaluation-2 "transformations only build a plan…"',
  },
  'grade.unknownId': { fr: 'Question inconnue : « {id} ».', en: 'Unknown question: "{id}".' },
  'grade.unknownIdHint': {
    fr: 'Les ids sont dans les paquets YAML (data/questions, $PITCH_HOME/questions, --bank) ; --topic pitch pour votre pitch.',
    en: 'Ids are in the YAML packs (data/questions, $PITCH_HOME/questions, --bank); --topic pitch for your pitch.',
  },
  'grade.notGradable': {
    fr: '« {id} » est une question de type {kind} : seules les questions ouvertes et les textes à trous se notent ici.',
    en: '"{id}" is a {kind} question: only open questions and cloze cards are graded here.',
  },
  'grade.noAnswer': {
    fr: 'Pas de réponse : donnez-la après l’id, ou envoyez-la sur l’entrée standard.',
    en: 'No answer: give it after the id, or pipe it on standard input.',
  },
  'grade.noAnswerHint': {
    fr: 'Exemple : echo "ma réponse" | pitch grade {id}',
    en: 'Example: echo "my answer" | pitch grade {id}',
  },
  'grade.batchWithArgs': {
    fr: '--batch lit les questions et les réponses dans le fichier : pas d’id ni de réponse en argument.',
    en: '--batch reads questions and answers from the file: no id or answer as arguments.',
  },
  'grade.batchLine': {
    fr: 'ligne illisible : il faut un objet JSON {"questionId": "...", "answer": "..."}',
    en: 'unreadable line: expected a JSON object {"questionId": "...", "answer": "..."}',
  },
  'grade.batchUnknown': { fr: 'question inconnue', en: 'unknown question' },
  'grade.batchNotGradable': {
    fr: 'question de type {kind} : seules les questions ouvertes et les textes à trous se notent',
    en: '{kind} question: only open questions and cloze cards are graded',
  },
  'grade.batchFailed': {
    fr: 'Lignes non notées : {count} sur {total} (voir « error » dans la sortie).',
    en: 'Lines not graded: {count} of {total} (see "error" in the output).',
  },
  'grade.batchHint': {
    fr: 'Chaque ligne : {"questionId": "spark-lazy-evaluation-2", "answer": "..."}',
    en: 'Each line: {"questionId": "spark-lazy-evaluation-2", "answer": "..."}',
  },

  'grade.answer': { fr: 'Réponse', en: 'Answer' },
  'grade.points': { fr: 'Points clés : {hits}/{total}', en: 'Key points: {hits}/{total}' },
  'grade.evidence': { fr: '« {words} »', en: '"{words}"' },
  'grade.contradiction': { fr: 'Contredit : « {words} »', en: 'Contradicted: "{words}"' },
  'grade.contradictionOf': {
    fr: 'Contradiction (« {words} ») : {about}',
    en: 'Contradiction ("{words}"): {about}',
  },
  'grade.expected': { fr: 'Attendu : {answer}', en: 'Expected: {answer}' },
  'grade.diff': {
    fr: 'Écart : {diff}  (barré : en trop · souligné : manquant)',
    en: 'Difference: {diff}  (struck: extra · underlined: missing)',
  },
  'grade.suggestion': { fr: 'Note suggérée : {key} {label}', en: 'Suggested rating: {key} {label}' },
  'grade.unsure': {
    fr: 'Note suggérée : {key} {label} — peu sûre ({why}), rien n’est présélectionné : à vous de choisir.',
    en: 'Suggested rating: {key} {label} — unsure ({why}), nothing is pre-selected: you choose.',
  },
  'grade.why.contradiction': { fr: 'contradiction', en: 'contradiction' },
  'grade.why.thin': { fr: 'indices minces', en: 'thin evidence' },
  'quiz.prompt.ratingHintNone': {
    fr: '1–4 pour noter, ou ←→ puis Entrée',
    en: '1–4 to rate, or ←→ then Enter',
  },
  'quiz.prompt.ratingHintNoneUndo': {
    fr: '1–4 pour noter, ou ←→ puis Entrée · u : annuler la note précédente',
    en: '1–4 to rate, or ←→ then Enter · u: undo the previous rating',
  },
  'quiz.prompt.pickRating': { fr: 'Choisissez une note : 1 à 4.', en: 'Choose a rating: 1 to 4.' },
} as const;
