/** Messages of the voice features: `pitch analyze`, recording, reading audio files. */
export const audio = {
  'cli.cmd.analyze': {
    fr: 'analyse un enregistrement : temps de parole, pauses, débit (hors ligne)',
    en: 'analyse a recording: speaking time, pauses, pace (offline)',
  },
  'cli.arg.audioFile': {
    fr: 'fichier audio (WAV ; autres formats si ffmpeg est installé)',
    en: 'audio file (WAV; other formats when ffmpeg is installed)',
  },
  'cli.opt.analyzeSection': {
    fr: 'section dite dans l’enregistrement (son texte donne le débit en mots/min)',
    en: 'section said in the recording (its text gives the pace in words/min)',
  },

  // Reading audio files.
  'audio.fileHint': {
    fr: 'Donnez le chemin d’un enregistrement (WAV, ou un autre format si ffmpeg est installé).',
    en: 'Give the path of a recording (WAV, or another format when ffmpeg is installed).',
  },
  'audio.emptyFile': { fr: '{file} est vide (0 octet).', en: '{file} is empty (0 bytes).' },
  'audio.notWav': { fr: '{file} n’est pas un fichier WAV.', en: '{file} is not a WAV file.' },
  'audio.notWavNoFfmpeg': {
    fr: '{file} n’est pas un fichier WAV, et ffmpeg n’est pas installé pour lire les autres formats.',
    en: '{file} is not a WAV file, and ffmpeg is not installed to read other formats.',
  },
  'audio.installFfmpegHint': {
    fr: 'Convertissez-le en WAV (sox, Audacity…) ou installez ffmpeg (apt install ffmpeg, brew install ffmpeg).',
    en: 'Convert it to WAV (sox, Audacity…) or install ffmpeg (apt install ffmpeg, brew install ffmpeg).',
  },
  'audio.ffmpegFailed': {
    fr: 'ffmpeg n’a pas pu lire {file} : {reason}.',
    en: 'ffmpeg could not read {file}: {reason}.',
  },
  'audio.notAudioHint': {
    fr: 'Vérifiez que c’est bien un enregistrement audio (WAV, MP3, M4A, OGG…).',
    en: 'Check that it is an audio recording (WAV, MP3, M4A, OGG…).',
  },
  'audio.truncatedHeader': {
    fr: '{file} est tronqué : son en-tête WAV est incomplet.',
    en: '{file} is truncated: its WAV header is incomplete.',
  },
  'audio.noData': { fr: '{file} ne contient aucun échantillon audio.', en: '{file} contains no audio samples.' },
  'audio.unsupportedEncoding': {
    fr: '{file} utilise un codage audio que pitch ne lit pas (format {tag}).',
    en: '{file} uses an audio encoding pitch cannot read (format {tag}).',
  },
  'audio.unsupportedBits': {
    fr: '{file} : {bits} bits par échantillon ({encoding}) n’est pas pris en charge.',
    en: '{file}: {bits} bits per sample ({encoding}) is not supported.',
  },
  'audio.absurdHeader': {
    fr: 'L’en-tête de {file} est incohérent ({channels} canaux, {rate} Hz, {bits} bits).',
    en: 'The header of {file} makes no sense ({channels} channels, {rate} Hz, {bits} bits).',
  },
  'audio.reRecordHint': {
    fr: 'Le fichier est sans doute abîmé : enregistrez-le à nouveau (WAV PCM, par exemple 16 kHz mono 16 bits).',
    en: 'The file is probably damaged: record it again (PCM WAV, for example 16 kHz mono 16-bit).',
  },
  'audio.convertHint': {
    fr: 'Donnez un WAV PCM (8, 16, 24 ou 32 bits, ou flottant 32 bits), ou installez ffmpeg pour lire les autres formats.',
    en: 'Give a PCM WAV (8, 16, 24 or 32-bit, or 32-bit float), or install ffmpeg to read other formats.',
  },

  // Recording.
  'recorder.noRecorder': {
    fr: 'Aucun enregistreur audio installé : il faut sox (ou arecord, ou ffmpeg) pour enregistrer la répétition.',
    en: 'No audio recorder installed: recording the rehearsal needs sox (or arecord, or ffmpeg).',
  },
  'recorder.installHintLinux': {
    fr: 'Installez sox (sudo apt install sox, ou sudo dnf install sox), ou répétez sans --record.',
    en: 'Install sox (sudo apt install sox, or sudo dnf install sox), or rehearse without --record.',
  },
  'recorder.installHintMac': {
    fr: 'Installez sox (brew install sox), ou répétez sans --record.',
    en: 'Install sox (brew install sox), or rehearse without --record.',
  },
  'recorder.noDevice': {
    fr: '{recorder} ne peut pas ouvrir de micro : {reason}.',
    en: '{recorder} cannot open a microphone: {reason}.',
  },
  'recorder.noDeviceHint': {
    fr: 'Branchez ou activez un micro (et autorisez le terminal à s’en servir), ou répétez sans --record.',
    en: 'Plug in or enable a microphone (and allow the terminal to use it), or rehearse without --record.',
  },

  // The report of `pitch analyze`.
  'analyze.title': { fr: 'Analyse de la voix · {file}', en: 'Voice analysis · {file}' },
  'analyze.formatWav': {
    fr: '{rate} Hz, {channels}, {bits} bits{float}',
    en: '{rate} Hz, {channels}, {bits}-bit{float}',
  },
  'analyze.mono': { fr: 'mono', en: 'mono' },
  'analyze.stereo': { fr: 'stéréo', en: 'stereo' },
  'analyze.channels': { fr: '{n} canaux', en: '{n} channels' },
  'analyze.float': { fr: ' flottants', en: ' float' },
  'analyze.formatFfmpeg': { fr: 'décodé par ffmpeg', en: 'decoded by ffmpeg' },
  'analyze.section': {
    fr: 'Section {number} « {title} » · {words} mots',
    en: 'Section {number} "{title}" · {words} words',
  },
  'analyze.duration': { fr: 'Durée', en: 'Duration' },
  'analyze.speech': { fr: 'Parole', en: 'Speech' },
  'analyze.pace': { fr: 'Débit', en: 'Pace' },
  'analyze.speakingPace': { fr: 'Hors pauses', en: 'Without pauses' },
  'analyze.pauses': { fr: 'Pauses', en: 'Pauses' },
  'analyze.speechValue': { fr: '{time} ({percent} % du temps)', en: '{time} ({percent}% of the time)' },
  'analyze.paceValue': { fr: '{wpm} mots/min', en: '{wpm} words/min' },
  'analyze.paceSpan': { fr: 'en {span} du premier au dernier mot', en: 'over {span} from first word to last' },
  'analyze.verdict.slow': {
    fr: 'plus lent que la zone {min}–{max} mots/min',
    en: 'slower than the {min}–{max} words/min band',
  },
  'analyze.verdict.good': { fr: 'dans la zone {min}–{max} mots/min', en: 'within the {min}–{max} words/min band' },
  'analyze.verdict.fast': {
    fr: 'plus rapide que la zone {min}–{max} mots/min',
    en: 'faster than the {min}–{max} words/min band',
  },
  'analyze.noScript': {
    fr: '— (donnez --section pour le mesurer sur le texte dit)',
    en: '— (give --section to measure it against the text said)',
  },
  'analyze.pauseCounts': {
    fr: '{short} ≥ 0,3 s · {long} ≥ 1 s · {veryLong} ≥ 2,5 s',
    en: '{short} ≥ 0.3 s · {long} ≥ 1 s · {veryLong} ≥ 2.5 s',
  },
  'analyze.longest': { fr: 'la plus longue : {seconds} à {at}', en: 'longest: {seconds} at {at}' },
  'analyze.noPause': { fr: 'aucune pause de 0,3 s ou plus', en: 'no pause of 0.3 s or more' },
  'analyze.noSpeech': {
    fr: 'Aucune parole détectée dans cet enregistrement.',
    en: 'No speech detected in this recording.',
  },
  'analyze.noSpeechHint': {
    fr: 'Vérifiez le micro utilisé et son niveau, puis enregistrez à nouveau.',
    en: 'Check which microphone was used and its level, then record again.',
  },
  'analyze.roomReverberant': {
    fr: 'Pièce très réverbérante (écho d’environ {seconds} s) : pauses courtes peu fiables. Rapprochez le micro ou parlez dans une pièce plus meublée.',
    en: 'Very reverberant room (echo of about {seconds} s): short pauses are unreliable. Move the microphone closer or use a more furnished room.',
  },
  'analyze.roomVoices': {
    fr: 'D’autres voix en fond : seules les paroles de la voix la plus proche sont comptées, pauses courtes peu fiables.',
    en: 'Other voices in the background: only the nearest voice is counted, short pauses are unreliable.',
  },
  'analyze.roomNoisy': {
    fr: 'Enregistrement très bruité (voix à {db} dB au-dessus du bruit) : pauses courtes peu fiables.',
    en: 'Very noisy recording (voice {db} dB above the noise): short pauses are unreliable.',
  },
  'analyze.clipped': {
    fr: 'Attention : {percent} % des échantillons saturent ; baissez le gain du micro.',
    en: 'Warning: {percent}% of the samples are clipped; turn the microphone gain down.',
  },
  'analyze.repaired': {
    fr: 'L’en-tête du fichier était incomplet (enregistrement interrompu) : les {time} présentes sur le disque ont été analysées.',
    en: 'The file’s header was incomplete (recording cut short): the {time} on disk were analysed.',
  },
  'analyze.estimated': { fr: 'estimé d’après le texte', en: 'estimated from the text' },
  'analyze.intonation': { fr: 'Intonation', en: 'Intonation' },
  'analyze.rhythm': { fr: 'Rythme', en: 'Rhythm' },
  'analyze.loudness': { fr: 'Volume', en: 'Loudness' },
  'analyze.pitchValue': {
    fr: '{hz} Hz en médiane · étendue {range} demi-tons',
    en: 'median {hz} Hz · range {range} semitones',
  },
  'analyze.pitchUnknown': {
    fr: 'trop peu de voix voisée pour la mesurer',
    en: 'too little voiced speech to measure it',
  },
  'analyze.advice.monotoneAt': {
    fr: 'voix monotone {where} : variez l’intonation (montez sur les mots clés, descendez en fin de phrase)',
    en: 'monotone voice {where}: vary your intonation (rise on key words, fall at the end of sentences)',
  },
  'analyze.where.times': { fr: 'de {from} à {to}', en: 'from {from} to {to}' },
  'analyze.where.split': { fr: 'sur l’étape {n}', en: 'in split {n}' },
  'analyze.where.splits': { fr: 'sur les étapes {list}', en: 'in splits {list}' },
  'analyze.advice.lively': { fr: 'intonation variée', en: 'varied intonation' },
  'analyze.rhythmValue': {
    fr: '{rate} syllabes/s mesurées · {articulation} hors pauses',
    en: '{rate} syllables/s measured · {articulation} without pauses',
  },
  'analyze.rhythmUnknown': { fr: 'trop peu de parole pour le mesurer', en: 'too little speech to measure it' },
  'analyze.advice.departed': {
    fr: '{measured} syllabes entendues pour {script} écrites ({diff}) : vous vous êtes sans doute écarté du texte, le débit en mots/min n’est qu’une estimation',
    en: '{measured} syllables heard for {script} written ({diff}): you probably departed from the text, so the words/min figure is only an estimate',
  },
  'analyze.advice.fast': {
    fr: 'articulation rapide (la conversation tourne autour de 5,7 syllabes/s) : posez vos syllabes',
    en: 'fast articulation (conversation runs at about 5.7 syllables/s): give each syllable its time',
  },
  'analyze.advice.steadyRhythm': { fr: 'rythme posé', en: 'steady rhythm' },
  'analyze.loudnessValue': {
    fr: 'fins de phrase qui s’éteignent : {n} sur {total} ({percent} %)',
    en: '{n} of {total} sentence endings fade ({percent}%)',
  },
  'analyze.loudnessUnknown': {
    fr: 'aucune phrase assez longue pour en juger',
    en: 'no sentence long enough to judge',
  },
  'analyze.advice.fading': {
    fr: 'tenez la voix jusqu’au dernier mot de chaque phrase',
    en: 'keep your voice up to the last word of each sentence',
  },
  'analyze.advice.steadyLoudness': {
    fr: 'volume tenu jusqu’au bout des phrases',
    en: 'loudness held to the end of sentences',
  },
  'analyze.header.range': { fr: 'Étendue', en: 'Range' },
  'analyze.header.syllables': { fr: 'Syll/s', en: 'Syll/s' },
  'analyze.timeline': { fr: 'Au fil du temps', en: 'Over time' },
  'analyze.timelineLegend': {
    fr: '█ parole · ─ silence · pauses ≥ 1 s en jaune, ≥ 2,5 s en rouge',
    en: '█ speech · ─ silence · pauses ≥ 1 s in yellow, ≥ 2.5 s in red',
  },
  'analyze.splits': { fr: 'Par étape', en: 'Per split' },
  'analyze.header.number': { fr: 'N°', en: 'No.' },
  'analyze.header.split': { fr: 'Étape', en: 'Split' },
  'analyze.header.duration': { fr: 'Durée', en: 'Time' },
  'analyze.header.speech': { fr: 'Parole', en: 'Speech' },
  'analyze.header.pauses': { fr: 'Pauses', en: 'Pauses' },
  'analyze.header.longest': { fr: 'Max', en: 'Max' },
  'analyze.header.pace': { fr: 'Débit', en: 'Pace' },
  'analyze.splitUntitled': { fr: 'étape {n}', en: 'split {n}' },
  'analyze.paceOverTime': {
    fr: 'Débit au fil des étapes : {spark} ({from} → {to} mots/min)',
    en: 'Pace over the splits: {spark} ({from} → {to} words/min)',
  },
  'analyze.fromHistory': {
    fr: 'Répétition ({date}) : découpage en étapes repris de l’historique.',
    en: 'Rehearsal ({date}): split times taken from the history.',
  },
} satisfies Record<string, { fr: string; en: string }>;
