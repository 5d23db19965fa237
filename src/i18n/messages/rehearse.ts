/** Messages of `pitch rehearse`: options, the live screen, the summary. */
export const rehearse = {
  'cli.cmd.rehearse': {
    fr: 'répétez le pitch à voix haute contre un chronomètre à étapes',
    en: 'rehearse the pitch aloud against a split timer',
  },
  'cli.arg.rehearseSection': {
    fr: 'section à répéter (par défaut : la première avec une durée dans son titre)',
    en: 'section to rehearse (default: the first one with a duration in its heading)',
  },
  'cli.opt.target': { fr: 'durée cible : 90s, 2m, 1m30, 2:00', en: 'target time: 90s, 2m, 1m30, 2:00' },
  'cli.opt.prompt': {
    fr: 'aide affichée : auto, full, cues, initials, none',
    en: 'cue level: auto, full, cues, initials, none',
  },
  'cli.opt.from': { fr: 'commencer à l’étape N (entraînement)', en: 'start at split N (practice)' },
  'cli.opt.only': { fr: 'répéter seulement l’étape N (entraînement)', en: 'rehearse split N only (practice)' },
  'cli.opt.practice': {
    fr: 'entraînement : ne compte pas comme tentative ni record',
    en: 'practice run: never counts as an attempt or personal best',
  },
  'cli.opt.noCountdown': { fr: 'sans compte à rebours 3-2-1', en: 'skip the 3-2-1 countdown' },
  'cli.opt.record': {
    fr: 'enregistre le micro et mesure débit et pauses',
    en: 'record the microphone and measure pace and pauses',
  },

  'rehearse.badTarget': {
    fr: 'Durée cible invalide : « {value} ».',
    en: 'Invalid target time: "{value}".',
  },
  'rehearse.badTargetHint': {
    fr: 'Formats acceptés : 90s, 2m, 1m30, 2:00 (au plus 4 heures).',
    en: 'Accepted forms: 90s, 2m, 1m30, 2:00 (at most 4 hours).',
  },
  'rehearse.badPrompt': { fr: 'Niveau d’aide inconnu : « {value} ».', en: 'Unknown cue level: "{value}".' },
  'rehearse.badPromptHint': {
    fr: 'Choix : auto, full, cues, initials, none.',
    en: 'Choose auto, full, cues, initials or none.',
  },
  'rehearse.badSplit': {
    fr: 'Étape invalide : « {value} » (cette section a {count, plural, one {# étape} other {# étapes}}).',
    en: 'Invalid split: "{value}" (this section has {count, plural, one {# split} other {# splits}}).',
  },
  'rehearse.badSplitHint': {
    fr: 'Donnez un numéro entre 1 et {count}.',
    en: 'Give a number between 1 and {count}.',
  },
  'rehearse.fromAndOnly': {
    fr: '--from et --only ne vont pas ensemble.',
    en: '--from and --only cannot be used together.',
  },
  'rehearse.fromAndOnlyHint': { fr: 'Choisissez l’un ou l’autre.', en: 'Pick one of them.' },
  'rehearse.noDefault': {
    fr: 'Aucune section n’a de durée dans son titre, et aucune section n’a été donnée.',
    en: 'No section has a duration in its heading, and none was given.',
  },
  'rehearse.noDefaultHint': {
    fr: 'Lancez « pitch rehearse 1 » ou ajoutez une durée au titre, par exemple « ## Pitch (≈ 2 min) ».',
    en: 'Run "pitch rehearse 1", or add a duration to a heading, for example "## Pitch (~2 min)".',
  },

  'live.attempt': { fr: 'tentative n° {n}', en: 'attempt #{n}' },
  'live.practice': { fr: 'entraînement', en: 'practice' },
  'live.level': { fr: 'aide : {level}', en: 'cues: {level}' },
  'live.paused': { fr: '⏸ PAUSE', en: '⏸ PAUSED' },
  'live.split': { fr: 'Étape', en: 'Split' },
  'live.time': { fr: 'Temps', en: 'Time' },
  'live.budget': { fr: 'Budget', en: 'Budget' },
  'live.segmentDelta': { fr: '± budget', en: '± budget' },
  'live.cumulativePb': { fr: '± record', en: '± PB' },
  'live.cumulativeTarget': { fr: '± cible', en: '± target' },
  'live.best': { fr: 'Meilleur', en: 'Best' },
  'live.remaining': { fr: 'reste {time}', en: '{time} left' },
  'live.over': { fr: 'dépassé de {time}', en: '{time} over' },
  // The footer's keys, one part per key of rehearsal/keys.ts (joined with " · ").
  'live.key.split': { fr: 'Espace/Entrée/→ étape', en: 'Space/Enter/→ split' },
  'live.key.undo': { fr: '←/⌫ annuler', en: '←/⌫ undo' },
  'live.key.skip': { fr: 's passer', en: 's skip' },
  'live.key.pause': { fr: 'p pause', en: 'p pause' },
  'live.key.stop': { fr: 'q arrêter', en: 'q stop' },
  'live.key.help': { fr: '? aide', en: '? help' },
  'live.confirmStop': { fr: 'Arrêter : {keys}', en: 'Stop: {keys}' },
  'live.key.keep': { fr: 'k ou Entrée = garder comme incomplète', en: 'k or Enter = keep as incomplete' },
  'live.key.discard': { fr: 'd = jeter cette tentative', en: 'd = discard this attempt' },
  'live.countdown': { fr: 'Prêt ? Première étape : {title}', en: 'Ready? First split: {title}' },
  'live.help.title': { fr: 'Touches', en: 'Keys' },
  'live.help.split': {
    fr: 'Espace, Entrée ou → : fin de l’étape, passe à la suivante',
    en: 'Space, Enter or →: end the split, go to the next',
  },
  'live.help.undo': { fr: '← ou Retour arrière : annule la dernière étape', en: '← or Backspace: undo the last split' },
  'live.help.skip': { fr: 's : passe l’étape (non chronométrée)', en: 's: skip the split (not timed)' },
  'live.help.pause': { fr: 'p : pause / reprise', en: 'p: pause / resume' },
  'live.help.stop': { fr: 'q ou Échap : arrêter (garder ou jeter)', en: 'q or Esc: stop (keep or discard)' },
  'live.help.abort': {
    fr: 'Ctrl-C : interrompre (la tentative est gardée comme interrompue)',
    en: 'Ctrl-C: abort (the attempt is kept as aborted)',
  },
  'live.help.close': { fr: 'Une touche pour revenir.', en: 'Any key to go back.' },

  'level.full': { fr: 'texte complet', en: 'full text' },
  'level.cues': { fr: 'mots-clés', en: 'key words' },
  'level.initials': { fr: 'initiales', en: 'initials' },
  'level.none': { fr: 'titres seuls', en: 'titles only' },
  'level.fade': {
    fr: 'Trois passages dans les ±10 % de la cible : l’aide passe de « {from} » à « {to} ».',
    en: 'Three runs within ±10% of the target: cues fade from "{from}" to "{to}".',
  },
  'level.back': {
    fr: 'Dernier passage à plus de 20 % au-dessus de la cible : l’aide revient de « {from} » à « {to} ».',
    en: 'Last run more than 20% over the target: cues come back from "{from}" to "{to}".',
  },

  'summary.title': { fr: 'Bilan — {section}', en: 'Summary — {section}' },
  'summary.total': { fr: 'Temps total', en: 'Total time' },
  'summary.vsTarget': { fr: '{delta} par rapport à la cible ({target})', en: '{delta} against the target ({target})' },
  'summary.newPb': { fr: 'Nouveau record personnel ! (ancien : {pb})', en: 'New personal best! (previous: {pb})' },
  'summary.firstPb': { fr: 'Premier record personnel établi.', en: 'First personal best set.' },
  'summary.vsPb': { fr: '{delta} par rapport au record ({pb})', en: '{delta} against the personal best ({pb})' },
  'summary.noPbPractice': {
    fr: 'Entraînement : ne compte pas pour le record.',
    en: 'Practice run: does not count for the personal best.',
  },
  'summary.newBests': {
    fr: '{count, plural, one {# nouveau meilleur segment} other {# nouveaux meilleurs segments}}',
    en: '{count, plural, one {# new best segment} other {# new best segments}}',
  },
  'summary.sumOfBest': { fr: 'Somme des meilleurs segments : {time}', en: 'Sum of best segments: {time}' },
  'summary.attempts': {
    fr: 'Tentative n° {n} sur cette section et cette cible',
    en: 'Attempt #{n} on this section and target',
  },
  'summary.wpm.text': {
    fr: 'Débit estimé d’après le texte : {wpm} mots/min (repère {band})',
    en: 'Pace estimated from the text: {wpm} words/min (norm {band})',
  },
  'summary.wpm.recording': {
    fr: 'Débit mesuré sur l’enregistrement : {wpm} mots/min (repère {band})',
    en: 'Pace measured on the recording: {wpm} words/min (norm {band})',
  },
  'summary.band.fr': { fr: 'en français : {min}–{max} mots/min', en: 'for French: {min}–{max} words/min' },
  'summary.band.en': { fr: 'en anglais : {min}–{max} mots/min', en: 'for English: {min}–{max} wpm' },
  'summary.pace.slow': { fr: 'un peu lent', en: 'a bit slow' },
  'summary.pace.good': { fr: 'dans la norme', en: 'within the norm' },
  'summary.pace.fast': { fr: 'trop rapide : respirez', en: 'too fast: breathe' },
  'summary.workOn': {
    fr: 'À travailler : « {title} » ({delta} au-dessus de son budget). Entraînez-la avec : pitch rehearse {section} --only {n}',
    en: 'Work on: "{title}" ({delta} over its budget). Practise it with: pitch rehearse {section} --only {n}',
  },
  'summary.allInBudget': { fr: 'Toutes les étapes sont dans leur budget.', en: 'Every split is within its budget.' },
  'summary.noneSignificant': {
    fr: 'Aucune étape ne dépasse nettement son budget (au moins 10 % et 2 s).',
    en: 'No split runs clearly over its budget (by 10% and 2 s or more).',
  },
  'summary.unsaid': {
    fr: '{count, plural, one {# étape non dite} other {# étapes non dites}} : pas de verdict sur l’ensemble des budgets.',
    en: '{count, plural, one {# split} other {# splits}} not said: no verdict on the budgets as a whole.',
  },
  'summary.target.short': {
    fr: 'Nettement plus court que la cible : {time} pour {target} ({percent} %). Il manque sans doute une partie.',
    en: 'Much shorter than the target: {time} for {target} ({percent}%). Something was probably left out.',
  },
  'summary.target.long': {
    fr: 'Nettement plus long que la cible : {time} pour {target} (+{percent} %). Resserrez le texte ou le débit.',
    en: 'Much longer than the target: {time} for {target} (+{percent}%). Tighten the text or the pace.',
  },
  'summary.textChanged': {
    fr: 'Le texte de cette section a changé depuis le record : la comparaison est indicative.',
    en: 'The text of this section changed since the personal best: the comparison is only indicative.',
  },
  'summary.suspect.run': {
    fr: 'Trop rapide pour être vrai : {words} mots en {time}, soit {wpm} mots/min.',
    en: 'Too fast to be real: {words} words in {time}, that is {wpm} words/min.',
  },
  'summary.suspect.pace': {
    fr: 'Trop rapide pour être vrai : l’étape {n} « {title} » ({words} mots) en {time}, soit {wpm} mots/min.',
    en: 'Too fast to be real: split {n} "{title}" ({words} words) in {time}, that is {wpm} words/min.',
  },
  'summary.suspect.floor': {
    fr: 'Trop rapide pour être vrai : l’étape {n} « {title} » ({words} mots) terminée en {time}.',
    en: 'Too fast to be real: split {n} "{title}" ({words} words) ended in {time}.',
  },
  'summary.suspect.rule': {
    fr: 'Au-delà de {wpm} mots/min, ou sous {floor} s pour une étape de {words} mots ou plus, c’est une touche accidentelle : la tentative est gardée dans l’historique mais ne compte ni pour le record ni pour les meilleurs segments.',
    en: 'Faster than {wpm} words/min, or under {floor} s for a split of {words} words or more, is an accidental tap: the attempt stays in history but counts for no personal best and no best segment.',
  },
  'summary.keepSuspect': {
    fr: 'C’était bien vous, à ce rythme ? La garder comme record',
    en: 'Was that really you, at that pace? Keep it as a record',
  },
  'summary.keptSuspect': {
    fr: 'Gardée comme record : elle compte désormais pour le record et les meilleurs segments.',
    en: 'Kept as a record: it now counts for the personal best and best segments.',
  },
  'summary.suspect.confirmed': {
    fr: 'Gardée comme record à votre demande, malgré un débit hors norme.',
    en: 'Kept as a record at your request, despite an unusual pace.',
  },
  'summary.kind.incomplete': { fr: 'Tentative gardée comme incomplète.', en: 'Attempt kept as incomplete.' },
  'summary.kind.aborted': { fr: 'Tentative interrompue, gardée comme telle.', en: 'Attempt aborted, kept as such.' },
  'summary.discarded': {
    fr: 'Tentative jetée : rien n’a été enregistré.',
    en: 'Attempt discarded: nothing was saved.',
  },
  'summary.skipped': { fr: 'passée', en: 'skipped' },
  'summary.unreached': { fr: 'non dite', en: 'not said' },
  'rehearse.speechTitle': { fr: 'Votre voix (enregistrement)', en: 'Your voice (recording)' },
  'rehearse.analysisFailed': {
    fr: 'L’enregistrement est gardé ({file}) mais n’a pas pu être analysé ; réessayez avec « pitch analyze ».',
    en: 'The recording is kept ({file}) but could not be analysed; try again with "pitch analyze".',
  },
} satisfies Record<string, { fr: string; en: string }>;
