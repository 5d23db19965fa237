/** Messages shared by every command: errors, the program's help, sections, show, history. */
export const common = {
  'error.prefix': { fr: 'Erreur', en: 'Error' },
  'error.hint': { fr: 'Astuce', en: 'Hint' },
  'punct.colon': { fr: ' : ', en: ': ' },
  'punct.decimal': { fr: ',', en: '.' },
  'date.now': { fr: 'à l’instant', en: 'just now' },
  'error.unexpected': {
    fr: 'Erreur inattendue : {message}',
    en: 'Unexpected error: {message}',
  },
  'error.unexpectedHint': {
    fr: 'Relancez avec PITCH_DEBUG=1 pour voir le détail, et signalez le problème.',
    en: 'Run again with PITCH_DEBUG=1 to see the details, and report the problem.',
  },
  'error.interrupted': { fr: 'Interrompu.', en: 'Interrupted.' },
  'usage.unknownCommand': {
    fr: 'Commande inconnue : « {command} ».',
    en: 'Unknown command: "{command}".',
  },
  'usage.helpHint': {
    fr: 'Lancez « pitch --help » pour la liste des commandes.',
    en: 'Run "pitch --help" for the list of commands.',
  },
  'usage.commander': { fr: '{message}', en: '{message}' },
  'usage.unknownOption': { fr: 'Option inconnue : « {option} ».', en: 'Unknown option: "{option}".' },
  'usage.missingArgument': { fr: 'Argument manquant : « {argument} ».', en: 'Missing argument: "{argument}".' },
  'usage.optionMissingArgument': {
    fr: 'L’option « {option} » attend une valeur.',
    en: 'The option "{option}" needs a value.',
  },
  'usage.excessArguments': {
    fr: 'Trop d’arguments pour « {command} » (au plus {max}).',
    en: 'Too many arguments for "{command}" (at most {max}).',
  },
  'usage.didYouMean': {
    fr: 'Vouliez-vous dire {list} ? « pitch --help » liste les commandes et leurs options.',
    en: 'Did you mean {list}? "pitch --help" lists the commands and their options.',
  },
  'usage.badLang': {
    fr: 'Langue inconnue : « {value} » (choix : fr, en).',
    en: 'Unknown language: "{value}" (choose fr or en).',
  },
  'usage.missingLang': { fr: '--lang attend une langue : fr ou en.', en: '--lang needs a language: fr or en.' },
  'usage.needsTty': {
    fr: '« pitch {command} » a besoin d’un terminal interactif.',
    en: '"pitch {command}" needs an interactive terminal.',
  },
  'usage.needsTtyHint': {
    fr: 'Lancez-la directement dans un terminal, sans redirection ni pipe.',
    en: 'Run it directly in a terminal, without redirection or pipes.',
  },

  'input.missing': { fr: 'Fichier introuvable : {file}.', en: 'File not found: {file}.' },
  'input.directory': { fr: '{file} est un dossier, pas un fichier.', en: '{file} is a directory, not a file.' },
  'input.unreadable': {
    fr: 'Impossible de lire {file} (droits insuffisants).',
    en: 'Cannot read {file} (permission denied).',
  },
  'input.hint': {
    fr: 'Vérifiez le chemin donné à --file ou à PITCH_FILE.',
    en: 'Check the path given to --file or PITCH_FILE.',
  },
  'input.textHint': {
    fr: 'Donnez un fichier texte Markdown (UTF-8), par exemple une copie de data/pitch.fr.md.',
    en: 'Give a Markdown text file (UTF-8), for example a copy of data/pitch.fr.md.',
  },
  'usage.langHint': {
    fr: 'Exemple : --lang en, ou la variable PITCH_LANG=en.',
    en: 'Example: --lang fr, or the variable PITCH_LANG=fr.',
  },
  'input.fifo': {
    fr: '{file} est un tube nommé (FIFO), pas un fichier : pitch ne lit que des fichiers ordinaires.',
    en: '{file} is a named pipe (FIFO), not a file: pitch only reads regular files.',
  },
  'input.device': {
    fr: '{file} est un périphérique, pas un fichier : pitch ne lit que des fichiers ordinaires.',
    en: '{file} is a device, not a file: pitch only reads regular files.',
  },
  'input.socket': {
    fr: '{file} est une socket, pas un fichier : pitch ne lit que des fichiers ordinaires.',
    en: '{file} is a socket, not a file: pitch only reads regular files.',
  },
  'input.loop': {
    fr: '{file} mène à une boucle de liens symboliques.',
    en: '{file} leads to a loop of symbolic links.',
  },
  'input.nameTooLong': {
    fr: 'Nom de fichier trop long pour le système : {file}.',
    en: 'File name too long for the system: {file}.',
  },
  'input.stdinTerminal': {
    fr: '{file} désigne l’entrée standard, qui est ici le terminal : rien à lire.',
    en: '{file} means standard input, which is the terminal here: nothing to read.',
  },
  'input.stdinHint': {
    fr: 'Envoyez le fichier par un tube, par exemple : cat mon-pitch.md | pitch sections --file -',
    en: 'Pipe the file in, for example: cat my-pitch.md | pitch sections --file -',
  },
  'input.empty': { fr: '{file} est vide.', en: '{file} is empty.' },
  'input.tooLarge': {
    fr: '{file} est trop gros (plus de {max} Kio) pour être un pitch ou un paquet de questions.',
    en: '{file} is too large (over {max} KiB) to be a pitch or a question pack.',
  },
  'input.binary': { fr: '{file} est un fichier binaire, pas du texte.', en: '{file} is a binary file, not text.' },
  'input.notUtf8': { fr: '{file} n’est pas encodé en UTF-8.', en: '{file} is not UTF-8 text.' },
  'input.utf8Hint': {
    fr: 'Réenregistrez-le en UTF-8 (par exemple : iconv -f latin1 -t utf-8).',
    en: 'Save it again as UTF-8 (for example: iconv -f latin1 -t utf-8).',
  },
  'pitch.noHeadings': {
    fr: '{file} ne contient aucun titre Markdown (#, ##, ###, ####) : impossible d’en tirer des sections.',
    en: '{file} has no Markdown headings (#, ##, ###, ####): no sections can be made from it.',
  },
  'pitch.noHeadingsHint': {
    fr: 'Découpez votre pitch avec des titres, par exemple « ## Pitch court (≈ 2 min) ».',
    en: 'Split your pitch with headings, for example "## Short pitch (~2 min)".',
  },
  'section.item': { fr: '{number} « {title} »', en: '{number} "{title}"' },
  'show.inBody': {
    fr: 'Aucun titre ne contient « {query} », mais {count, plural, one {cette section le contient} other {ces # sections le contiennent}} :',
    en: 'No heading holds "{query}", but {count, plural, one {this section does} other {these # sections do}}:',
  },
  'show.inBodyHint': { fr: 'Pour en lire une : pitch show {number}', en: 'To read one: pitch show {number}' },
  'section.unknown': { fr: 'Aucune section ne correspond à « {query} ».', en: 'No section matches "{query}".' },
  'section.unknownHint': {
    fr: 'Sections proches : {list}. « pitch sections » les liste toutes.',
    en: 'Closest sections: {list}. "pitch sections" lists them all.',
  },
  'section.unknownNoClose': {
    fr: '« pitch sections » liste les sections avec leur numéro.',
    en: '"pitch sections" lists the sections with their numbers.',
  },
  'section.ambiguous': {
    fr: '« {query} » correspond à plusieurs sections.',
    en: '"{query}" matches several sections.',
  },
  'section.ambiguousHint': {
    fr: 'Précisez avec un numéro : {list}.',
    en: 'Be more specific, or use a number: {list}.',
  },

  'store.unreadable': { fr: 'Impossible de lire {file}.', en: 'Cannot read {file}.' },
  'store.permissionsHint': {
    fr: 'Vérifiez les droits du dossier de données (PITCH_HOME).',
    en: 'Check the permissions of the data directory (PITCH_HOME).',
  },
  'store.newerVersion': {
    fr: '{file} a été écrit par une version plus récente de pitch (schéma {found}, celle-ci connaît le {known}) : il n’est pas modifié.',
    en: '{file} was written by a newer version of pitch (schema {found}, this one knows {known}): it is left untouched.',
  },
  'store.newerHint': { fr: 'Mettez pitch à jour.', en: 'Update pitch.' },
  'store.cannotCreate': {
    fr: 'Impossible de créer le dossier de données {dir} ({reason}).',
    en: 'Cannot create the data directory {dir} ({reason}).',
  },
  'store.homeHint': {
    fr: 'Choisissez un autre dossier avec la variable PITCH_HOME.',
    en: 'Choose another directory with the PITCH_HOME variable.',
  },
  'store.locked': {
    fr: 'Un autre processus pitch garde {file} verrouillé.',
    en: 'Another pitch process keeps {file} locked.',
  },
  'store.lockHint': {
    fr: 'Attendez qu’il se termine, puis recommencez.',
    en: 'Wait for it to finish, then try again.',
  },
  'store.movedAside': {
    fr: '{file} était illisible ({reason}) : il a été mis de côté dans {copy} et un nouveau fichier a été créé.',
    en: '{file} was unreadable ({reason}): it was moved aside to {copy} and a fresh one was started.',
  },

  'cli.description': {
    fr: 'Répétez votre pitch d’entretien à voix haute et révisez votre stack technique, dans le terminal.',
    en: 'Rehearse your interview pitch aloud and drill your tech stack, in the terminal.',
  },
  'cli.examples': { fr: 'Exemples :', en: 'Examples:' },
  'cli.help.default': { fr: '(par défaut : « {value} »)', en: '(default: "{value}")' },
  'cli.help.usage': { fr: 'Utilisation :', en: 'Usage:' },
  'cli.help.options': { fr: 'Options :', en: 'Options:' },
  'cli.help.commands': { fr: 'Commandes :', en: 'Commands:' },
  'cli.help.arguments': { fr: 'Arguments :', en: 'Arguments:' },
  'cli.help.globalOptions': { fr: 'Options globales :', en: 'Global Options:' },
  'cli.ex.rehearse': { fr: 'le pitch court (2 min), chronomètre à étapes', en: 'the short pitch (2 min), split timer' },
  'cli.ex.rehearseSection': { fr: 'une section détaillée, cible 3 minutes', en: 'a detailed section, 3-minute target' },
  'cli.ex.record': { fr: 'en s’enregistrant : débit et pauses', en: 'recording yourself: pace and pauses' },
  'cli.ex.quiz': { fr: 'questions Spark (répétition espacée)', en: 'Spark drills (spaced repetition)' },
  'cli.ex.interview': { fr: 'entretien blanc : pitch + 3 questions', en: 'mock interview: pitch + 3 questions' },
  'cli.ex.sections': { fr: 'sections, mots, durées', en: 'sections, words, times' },
  'cli.ex.show': { fr: 'lire une section', en: 'read a section' },
  'cli.ex.stats': { fr: 'vos progrès sur 30 jours', en: 'your progress over 30 days' },
  'cli.ex.history': { fr: 'tout l’historique, en JSON', en: 'the whole history, as JSON' },
  'cli.ex.lang': { fr: 'interface en anglais', en: 'English interface (French is the default)' },
  'cli.opt.lang': { fr: 'langue de l’interface (fr ou en)', en: 'interface language (fr or en)' },
  'cli.opt.file': {
    fr: 'pitch Markdown à utiliser (par défaut : le pitch fourni)',
    en: 'Markdown pitch to use (default: the bundled pitch)',
  },
  'cli.opt.json': { fr: 'sortie JSON (pour les scripts)', en: 'JSON output (for scripts)' },
  'cli.opt.version': { fr: 'affiche la version', en: 'print the version' },
  'cli.opt.help': { fr: 'affiche l’aide', en: 'display help' },
  'cli.cmd.help': { fr: 'affiche l’aide d’une commande', en: 'display help for a command' },
  'cli.cmd.sections': {
    fr: 'liste les sections du pitch avec mots, durée estimée et cible',
    en: 'list the pitch sections with words, estimated and target time',
  },
  'cli.cmd.show': {
    fr: 'affiche une section (ou tout le pitch) mise en forme',
    en: 'show a section (or the whole pitch), formatted',
  },
  'cli.arg.section': {
    fr: 'numéro (2.3), identifiant ou partie du titre',
    en: 'number (2.3), id or part of the title',
  },
  'cli.cmd.history': {
    fr: 'historique des répétitions et des sessions de quiz',
    en: 'history of rehearsals and quiz sessions',
  },

  'sections.header.number': { fr: 'N°', en: 'No.' },
  'sections.header.title': { fr: 'Section', en: 'Section' },
  'sections.header.words': { fr: 'Mots', en: 'Words' },
  'sections.header.estimated': { fr: 'Estimé', en: 'Estimated' },
  'sections.header.target': { fr: 'Cible', en: 'Target' },
  'sections.footer': {
    fr: '{file} · durée estimée à {wpm} mots/min',
    en: '{file} · estimated at {wpm} words/min',
  },
  'history.emptyRehearsals': {
    fr: 'Aucune répétition pour l’instant : lancez « pitch rehearse ».',
    en: 'No rehearsal yet: run "pitch rehearse".',
  },
  'history.emptyQuizzes': {
    fr: 'Aucune session de quiz pour l’instant : lancez « pitch quiz ».',
    en: 'No quiz session yet: run "pitch quiz".',
  },
  'history.rehearsals': { fr: 'Répétitions', en: 'Rehearsals' },
  'history.quizzes': { fr: 'Sessions de quiz', en: 'Quiz sessions' },
  'history.kind.complete': { fr: 'complète', en: 'complete' },
  'history.kind.practice': { fr: 'entraînement', en: 'practice' },
  'history.kind.incomplete': { fr: 'incomplète', en: 'incomplete' },
  'history.kind.aborted': { fr: 'interrompue', en: 'aborted' },
  'history.suspect': { fr: 'trop rapide pour compter', en: 'too fast to count' },
  'history.deleteHint': {
    fr: 'Supprimer une répétition : pitch history delete ID (ou la fin de l’ID) · la dernière : pitch history undo',
    en: 'Delete a rehearsal: pitch history delete ID (or the end of the ID) · the last one: pitch history undo',
  },
  'history.unknownId': {
    fr: 'Aucune répétition n’a l’identifiant « {value} ».',
    en: 'No rehearsal has the id "{value}".',
  },
  'history.ambiguousId': {
    fr: '« {value} » désigne {count} répétitions.',
    en: '"{value}" matches {count} rehearsals.',
  },
  'history.idHint': {
    fr: '« pitch history » affiche la fin de l’identifiant de chaque répétition, colonne « Réf. ».',
    en: '"pitch history" shows the end of each rehearsal’s id, in the "Ref." column.',
  },
  'history.nothingToUndo': { fr: 'Aucune répétition à annuler.', en: 'No rehearsal to undo.' },
  'history.nothingToUndoHint': {
    fr: 'L’historique des répétitions est vide.',
    en: 'The rehearsal history is empty.',
  },
  'history.needsYes': {
    fr: 'Supprimer {attempt} demande une confirmation.',
    en: 'Deleting {attempt} needs a confirmation.',
  },
  'history.needsYesHint': {
    fr: 'Sans terminal, ajoutez --yes pour confirmer.',
    en: 'Without a terminal, add --yes to confirm.',
  },
  'history.confirmDelete': { fr: 'Supprimer {attempt} ?', en: 'Delete {attempt}?' },
  'history.kept': { fr: 'Rien n’a été supprimé.', en: 'Nothing was deleted.' },
  'history.deleted': { fr: 'Supprimée : {attempt}', en: 'Deleted: {attempt}' },
  'history.pbSame': {
    fr: 'Record de « {section} » inchangé : {pb}.',
    en: 'Personal best of "{section}" unchanged: {pb}.',
  },
  'history.pbChanged': {
    fr: 'Record de « {section} » recalculé : {from} → {to}.',
    en: 'Personal best of "{section}" recomputed: {from} → {to}.',
  },
  'history.pbGone': {
    fr: '« {section} » n’a plus de record : aucune répétition complète ne reste.',
    en: '"{section}" has no personal best any more: no complete run is left.',
  },
  'cli.cmd.historyDelete': {
    fr: 'supprime une répétition (records recalculés)',
    en: 'delete a rehearsal (records recomputed)',
  },
  'cli.cmd.historyUndo': {
    fr: 'supprime la dernière répétition enregistrée',
    en: 'delete the last rehearsal saved',
  },
  'cli.arg.historyId': {
    fr: 'identifiant de la répétition (ou sa fin), voir « pitch history »',
    en: 'id of the rehearsal (or its end), see "pitch history"',
  },
  'cli.opt.yes': { fr: 'ne pas demander de confirmation', en: 'do not ask for confirmation' },
  'history.col.date': { fr: 'Date', en: 'Date' },
  'history.col.section': { fr: 'Section', en: 'Section' },
  'history.col.time': { fr: 'Temps', en: 'Time' },
  'history.col.target': { fr: 'Cible', en: 'Target' },
  'history.col.delta': { fr: 'Écart', en: 'Delta' },
  'history.col.splits': { fr: 'Étapes', en: 'Splits' },
  'history.col.kind': { fr: 'Type', en: 'Kind' },
  'history.col.topics': { fr: 'Thèmes', en: 'Topics' },
  'history.col.questions': { fr: 'Questions', en: 'Questions' },
  'history.col.correct': { fr: 'Justes', en: 'Right' },
  'history.col.again': { fr: 'À revoir', en: 'Again' },
  'history.col.keyPoints': { fr: 'Points clés', en: 'Key points' },
  'history.col.note': { fr: 'Note', en: 'Note' },
  'history.col.ref': { fr: 'Réf.', en: 'Ref.' },
  'history.cram': { fr: 'révision libre', en: 'cram' },
  'history.quizStopped': { fr: 'arrêtée', en: 'stopped' },
  'history.allTopics': { fr: 'tous thèmes', en: 'all topics' },

  // What a spinner says while the user waits (src/ui/spinner.ts).
  'wait.analysing': { fr: 'Analyse de l’enregistrement…', en: 'Analysing the recording…' },
  'wait.recorder': { fr: 'Démarrage du micro…', en: 'Starting the microphone…' },
  'wait.packs': { fr: 'Lecture des questions…', en: 'Reading the questions…' },
} satisfies Record<string, { fr: string; en: string }>;
