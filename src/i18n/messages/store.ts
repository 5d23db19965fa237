/** Messages of the user-data store: failed writes, the data folder, the log and its migration. */
export const store = {
  'store.diskFull': {
    fr: 'Le disque est plein : rien n’a été modifié dans {file}.',
    en: 'The disk is full: nothing was changed in {file}.',
  },
  'store.diskFullHint': {
    fr: 'Libérez de la place sur le disque de {dir} (df -h, puis supprimez des fichiers), puis recommencez.',
    en: 'Free some space on the disk holding {dir} (df -h, then delete files), then try again.',
  },
  'store.readOnly': {
    fr: 'Le dossier de données {dir} est en lecture seule : rien n’a été modifié.',
    en: 'The data folder {dir} is read-only: nothing was changed.',
  },
  'store.noPermission': {
    fr: 'pitch n’a pas le droit d’écrire {file} : rien n’a été modifié.',
    en: 'pitch may not write {file}: nothing was changed.',
  },
  'store.symlinkLoop': {
    fr: '{file} passe par une boucle de liens symboliques.',
    en: '{file} goes through a loop of symbolic links.',
  },
  'store.nameTooLong': {
    fr: 'Le chemin {file} est trop long pour le système de fichiers.',
    en: 'The path {file} is too long for the file system.',
  },
  'store.notDirectory': {
    fr: 'Le chemin {file} traverse un fichier là où il faut un dossier.',
    en: 'The path {file} goes through a file where a folder is needed.',
  },
  'store.notRegular': {
    fr: '{file} n’est pas un fichier ordinaire (tube, périphérique ou socket) : il n’est pas lu.',
    en: '{file} is not a regular file (a pipe, a device or a socket): it is not read.',
  },
  'store.tooLarge': {
    fr: '{file} pèse {size} Mio, au-delà des {max} Mio que pitch lit en une fois : il n’est pas modifié.',
    en: '{file} weighs {size} MiB, more than the {max} MiB pitch reads at once: it is left untouched.',
  },
  'store.tooLargeHint': {
    fr: 'Déplacez ce fichier hors du dossier de données (il sera recréé vide), ou gardez-en une copie réduite.',
    en: 'Move this file out of the data folder (an empty one will be started), or keep a trimmed copy.',
  },
  'store.readFailed': {
    fr: 'Impossible de lire {file} ({reason}).',
    en: 'Cannot read {file} ({reason}).',
  },
  'store.writeFailed': {
    fr: 'Impossible d’écrire {file} ({reason}) : rien n’a été modifié.',
    en: 'Cannot write {file} ({reason}): nothing was changed.',
  },
  'store.writeFailedHint': {
    fr: 'Vérifiez le disque et le dossier de données (PITCH_HOME), puis recommencez.',
    en: 'Check the disk and the data folder (PITCH_HOME), then try again.',
  },
  'store.unsavedKept': {
    fr: '{what} n’a pas pu être enregistré(e) : le voici en JSON ci-dessous, pour que rien ne soit perdu.',
    en: '{what} could not be saved: here it is as JSON below, so nothing is lost.',
  },
  'store.damagedLines': {
    fr: '{file} contenait {reason} : ces lignes ont été mises de côté dans {copy}, le reste est intact.',
    en: '{file} held {reason}: those lines were moved aside to {copy}, the rest is intact.',
  },
  'store.migrated': {
    fr: '{file} a été converti au format journal ({log}) ; l’original est gardé dans {copy}, à supprimer quand vous voudrez.',
    en: '{file} was converted to the log format ({log}); the original is kept as {copy}, remove it whenever you like.',
  },
};
