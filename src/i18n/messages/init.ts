/** Messages of `pitch init` and of the pitch named in each command's header. */
export const init = {
  'cli.cmd.init': {
    fr: 'fait de votre pitch celui par défaut : écrit un modèle à compléter, ou vérifie un pitch existant',
    en: 'make your pitch the default: writes a starter to fill in, or checks an existing pitch',
  },
  'cli.arg.initFile': {
    fr: 'fichier Markdown : vérifié s’il existe, sinon le modèle y est écrit (défaut : ./pitch.md)',
    en: 'Markdown file: checked when it exists, else the starter is written there (default: ./pitch.md)',
  },
  'cli.opt.reset': { fr: 'revenir au pitch fourni avec pitch', en: 'go back to the pitch shipped with pitch' },
  'cli.ex.init': { fr: 'écrire votre pitch et en faire le défaut', en: 'write your pitch and make it the default' },

  'init.wrote': {
    fr: 'Modèle de pitch écrit dans {file} : remplacez le texte par le vôtre.',
    en: 'Starter pitch written to {file}: replace the text with your own.',
  },
  'init.checked': { fr: 'Pitch vérifié : {file}', en: 'Pitch checked: {file}' },
  'init.sections': {
    fr: '{count, plural, one {# section} other {# sections}}, {targets} avec une durée cible',
    en: '{count, plural, one {# section} other {# sections}}, {targets} with a target duration',
  },
  'init.target': { fr: '  {number} {title} : cible {target}', en: '  {number} {title}: target {target}' },
  'init.noTarget': {
    fr: 'Aucun titre ne donne de durée : ajoutez-en une, par exemple « ## Pitch court (≈ 2 min) », pour que pitch rehearse la prenne par défaut.',
    en: 'No heading gives a duration: add one, for example "## Short pitch (~2 min)", so that pitch rehearse picks it by default.',
  },
  'init.terms': {
    fr: '{count, plural, one {# mot-clé en gras} other {# mots-clés en gras}}{examples}',
    en: '{count, plural, one {# bold key term} other {# bold key terms}}{examples}',
  },
  'init.noTerms': {
    fr: 'Aucun mot en gras : mettez vos mots-clés en **gras** pour que pitch quiz --topic pitch vous les fasse retrouver.',
    en: 'No bold words: put your key terms in **bold** so that pitch quiz --topic pitch asks you to recall them.',
  },
  'init.words': {
    fr: '{words, plural, one {# mot} other {# mots}}, environ {time} à {wpm} mots/min',
    en: '{words, plural, one {# word} other {# words}}, about {time} at {wpm} words/min',
  },
  'init.isDefault': {
    fr: 'C’est désormais votre pitch par défaut : pitch rehearse, pitch quiz et les autres commandes l’utilisent sans --file.',
    en: 'It is now your default pitch: pitch rehearse, pitch quiz and the other commands use it without --file.',
  },
  'init.next': {
    fr: 'Ensuite : pitch sections, puis pitch rehearse. Retour au pitch fourni : pitch init --reset',
    en: 'Next: pitch sections, then pitch rehearse. Back to the shipped pitch: pitch init --reset',
  },
  'init.envWins': {
    fr: 'PITCH_FILE est définie ({file}) : elle reste prioritaire tant qu’elle l’est.',
    en: 'PITCH_FILE is set ({file}): it takes precedence as long as it is.',
  },
  'init.reset': {
    fr: 'Pitch par défaut : celui fourni avec pitch ({file}).',
    en: 'Default pitch: the one shipped with pitch ({file}).',
  },
  'init.resetWithFile': {
    fr: 'Donnez soit un fichier, soit --reset, pas les deux.',
    en: 'Give either a file or --reset, not both.',
  },
  'init.resetWithFileHint': {
    fr: 'pitch init --reset revient au pitch fourni ; pitch init FICHIER choisit le vôtre.',
    en: 'pitch init --reset goes back to the shipped pitch; pitch init FILE picks yours.',
  },
  'init.cannotWrite': { fr: 'Impossible d’écrire {file} ({reason}).', en: 'Cannot write {file} ({reason}).' },
  'init.cannotWriteHint': {
    fr: 'Vérifiez que le dossier existe et que vous pouvez y écrire, ou donnez un autre chemin : pitch init CHEMIN.md',
    en: 'Check that the directory exists and that you may write there, or give another path: pitch init PATH.md',
  },
  'init.defaultMissing': {
    fr: 'Votre pitch par défaut est introuvable : {file}.',
    en: 'Your default pitch cannot be found: {file}.',
  },
  'init.defaultMissingHint': {
    fr: 'Choisissez-en un autre avec pitch init FICHIER, ou revenez au pitch fourni avec pitch init --reset.',
    en: 'Choose another with pitch init FILE, or go back to the shipped pitch with pitch init --reset.',
  },

  'pitch.header': { fr: 'Pitch : {file} {origin}', en: 'Pitch: {file} {origin}' },
  'pitch.origin.option': { fr: '(--file)', en: '(--file)' },
  'pitch.origin.env': { fr: '(PITCH_FILE)', en: '(PITCH_FILE)' },
  'pitch.origin.config': { fr: '(par défaut, pitch init)', en: '(default, pitch init)' },
  'pitch.origin.bundled': { fr: '(fourni ; le vôtre : pitch init)', en: '(shipped; yours: pitch init)' },
} satisfies Record<string, { fr: string; en: string }>;
