#!/usr/bin/env node
// Builds French speech in hard rooms with a KNOWN speech/pause layout, for the speech-detection tests
// and benchmark of issue 21: espeak-ng sentences (edge silences trimmed) joined by pauses of 0.3–2.5 s,
// then the same speech
//   clean.wav      as synthesised
//   white20.wav    + white noise at 20 dB SNR
//   pink5.wav      + pink noise at 5 dB SNR
//   reverb.wav     convolved with a room impulse response (RT60 0.5 s, direct and reverberant energy
//                  equal, as for a laptop about at the room's critical distance) + pink noise at 20 dB
//   sox-reverb.wav through sox's own `reverb` effect (a differently built room) + pink noise at 20 dB
//   babble.wav     + five other voices (other espeak-ng voices and languages, talking without stopping)
//                  at 10 dB below the speaker
// SNRs are speech RMS (silences excluded) over noise RMS. The truth is the DRY speech: a reverberant
// tail is not speech. It comes from exact sample counts, never from a measurement.
//
// Usage: node scripts/make-room-audio.mjs --out DIR [--sentences N] [--seed S] [--voice V] [--speed WPM]
//                                          [--reverberance PERCENT]   (sox reverb's, 50 by default)
//                                          [--rt60 S] [--drr DB]      (the simulated room's, 0.5 s and 0 dB)
//   N = 40 by default (39 pauses, about 150 s); the unit tests use fewer to stay quick.
// Needs espeak-ng and sox. Deterministic for given tools and seed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RATE = 16_000;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const out = option('--out');
const count = Number(option('--sentences', 40));
const seed = Number(option('--seed', 7));
const voice = option('--voice', 'fr');
const speed = Number(option('--speed', 165));
const reverberance = option('--reverberance', '50');
const rt60 = Number(option('--rt60', 0.5));
const drr = Number(option('--drr', 0));
if (!out) {
  console.error('usage: make-room-audio.mjs --out DIR [--sentences N] [--seed S]');
  process.exit(2);
}
for (const tool of ['espeak-ng', 'sox']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`${tool} is not installed (apt-get install espeak-ng sox)`);
    process.exit(3);
  }
}

/** A small seeded generator (mulberry32): the same seed, the same room and the same pauses. */
function random(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = random(seed);
const gauss = () => {
  const u = Math.max(1e-12, rng());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
};

// Sentences without commas (espeak-ng pauses at a comma, which would blur the truth).
const SENTENCES = [
  'Bonjour je suis ingénieur DataOps.',
  'Je travaille sur une plateforme de risque de marché.',
  'Le projet répond à la réforme Bâle quatre.',
  'Nous calculons des sensibilités chaque nuit.',
  'Les calculs tournent avec Spark sur Kubernetes.',
  'Argo Workflows enchaîne les étapes du traitement.',
  'Chaque étape écrit ses résultats dans Oracle.',
  'Les analystes interrogent les données avec Trino.',
  'Nous déployons les applications avec ArgoCD.',
  'Les images sont construites dans GitLab.',
  'Une revue de code précède chaque fusion.',
  'Les tests automatiques bloquent les régressions.',
  'La supervision passe par Dynatrace et Grafana.',
  'Les journaux sont centralisés dans Kibana.',
  'Un incident de production réveille toujours quelqu un.',
  'Nous avons réduit le temps de calcul de moitié.',
  'Le partitionnement des données était mal choisi.',
  'Une jointure déséquilibrée ralentissait tout le job.',
  'Nous avons ajouté du sel sur la clé chaude.',
  'Le cache a évité de relire les mêmes fichiers.',
  'La mémoire des exécuteurs était trop juste.',
  'Les pods redémarraient sans message clair.',
  'Nous avons fixé des limites de ressources.',
  'Le quota du namespace a été revu.',
  'Les rapports réglementaires partent chaque matin.',
  'Le régulateur exige une piste d audit complète.',
  'Chaque chiffre doit être reproductible.',
  'Nous versionnons aussi les données de référence.',
  'Les équipes métier valident les résultats.',
  'Je documente chaque décision technique.',
  'Le support en production demande de la rigueur.',
  'Nous tenons un journal des incidents.',
  'Les alertes inutiles ont été supprimées.',
  'Le temps de rétablissement a beaucoup baissé.',
  'Je forme les nouveaux arrivants.',
  'Nous partageons les bonnes pratiques chaque semaine.',
  'Ce qui me motive est la fiabilité.',
  'Je cherche un poste avec plus de responsabilités.',
  'Merci de votre attention.',
  'Je serai ravi de répondre à vos questions.',
];
// Babble: other voices, other languages, other rates, talking all the time.
const BABBLE = [
  { voice: 'fr+m3', speed: 185, text: SENTENCES.slice(20).join(' ') },
  { voice: 'fr+f2', speed: 170, text: SENTENCES.slice(0, 20).reverse().join(' ') },
  {
    voice: 'en-gb',
    speed: 175,
    text: 'The meeting starts at ten. We should order lunch for everyone. Did you see the match last night. The train was late again this morning. I think the printer is broken.',
  },
  {
    voice: 'de',
    speed: 165,
    text: 'Wir treffen uns morgen um neun Uhr. Das Wetter ist heute sehr schön. Hast du die Unterlagen schon gelesen. Der Kaffee ist leider kalt geworden.',
  },
  {
    voice: 'es',
    speed: 180,
    text: 'Mañana vamos al mercado temprano. La reunión terminó muy tarde ayer. Necesito llamar a mi hermana esta noche. El proyecto avanza bastante bien.',
  },
];

const work = mkdtempSync(join(tmpdir(), 'pitch-room-'));
const run = (cmd, cmdArgs) => {
  const r = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')}: ${r.stderr}`);
  return r.stdout + r.stderr;
};

/** Mono 16 kHz float samples of a WAV, through sox (raw 32-bit float out). */
function read(file) {
  const raw = join(work, 'read.f32');
  run('sox', ['-R', file, '-r', String(RATE), '-c', '1', '-b', '32', '-e', 'floating-point', '-t', 'raw', raw]);
  const b = readFileSync(raw);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
}

function write(file, x) {
  const raw = join(work, 'write.f32');
  writeFileSync(raw, Buffer.from(x.buffer, x.byteOffset, x.byteLength));
  run('sox', [
    '-R',
    '-t',
    'raw',
    '-r',
    String(RATE),
    '-c',
    '1',
    '-b',
    '32',
    '-e',
    'floating-point',
    raw,
    '-b',
    '16',
    '-e',
    'signed-integer',
    file,
  ]);
}

function synth(text, voice, speed, name) {
  const rawFile = join(work, `${name}-raw.wav`);
  const trimmed = join(work, `${name}.wav`);
  run('espeak-ng', ['-v', voice, '-s', String(speed), '-w', rawFile, text]);
  run('sox', [
    '-R',
    rawFile,
    '-r',
    String(RATE),
    '-c',
    '1',
    '-b',
    '16',
    trimmed,
    'silence',
    '1',
    '0.005',
    '0.5%',
    'reverse',
    'silence',
    '1',
    '0.005',
    '0.5%',
    'reverse',
  ]);
  return read(trimmed);
}

const rms = (x, ranges) => {
  let e = 0;
  let n = 0;
  for (const [a, b] of ranges)
    for (let i = a; i < b; i++) {
      e += x[i] * x[i];
      n++;
    }
  return Math.sqrt(e / Math.max(1, n));
};

/** Noise of a colour: white, or pink by Paul Kellett's refined filter (−3 dB per octave). */
function noise(n, colour) {
  const x = new Float32Array(n);
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  let b4 = 0;
  let b5 = 0;
  let b6 = 0;
  for (let i = 0; i < n; i++) {
    const w = gauss();
    if (colour === 'white') {
      x[i] = w;
      continue;
    }
    b0 = 0.99886 * b0 + w * 0.0555179;
    b1 = 0.99332 * b1 + w * 0.0750759;
    b2 = 0.969 * b2 + w * 0.153852;
    b3 = 0.8665 * b3 + w * 0.3104856;
    b4 = 0.55 * b4 + w * 0.5329522;
    b5 = -0.7616 * b5 - w * 0.016898;
    x[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
    b6 = w * 0.115926;
  }
  return x;
}

/** x + other scaled so that speech RMS (over `speech` ranges of x) / other RMS = snr dB. */
function mix(x, other, snrDb, speech) {
  const gain = rms(x, speech) / rms(other, [[0, other.length]]) / 10 ** (snrDb / 20);
  const y = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = x[i] + gain * other[i % other.length];
  return y;
}

/**
 * A room impulse response: the direct sound, a few early reflections (5–40 ms), then a diffuse tail of
 * Gaussian noise decaying by 60 dB in rt60 seconds, low-passed (walls absorb the highs). The tail's
 * energy is scaled so that direct / reverberant energy = drrDb.
 */
function impulseResponse(rt60, drrDb) {
  const n = Math.round(rt60 * 1.2 * RATE);
  const h = new Float32Array(n);
  const tail = new Float32Array(n);
  let lp = 0;
  for (let i = Math.round(0.005 * RATE); i < n; i++) {
    const t = i / RATE;
    lp = 0.6 * lp + 0.4 * gauss();
    tail[i] = lp * 10 ** ((-3 * t) / rt60); // −60 dB at rt60: amplitude 10^(−3 t / rt60)
  }
  for (let k = 0; k < 6; k++) {
    const at = Math.round((0.005 + rng() * 0.035) * RATE);
    tail[at] += (rng() < 0.5 ? -1 : 1) * (0.3 + rng() * 0.3);
  }
  let energy = 0;
  for (let i = 0; i < n; i++) energy += tail[i] * tail[i];
  const scale = Math.sqrt(1 / energy / 10 ** (drrDb / 10));
  for (let i = 0; i < n; i++) h[i] = tail[i] * scale;
  h[0] = 1;
  return h;
}

/**
 * Convolution through sox's `fir` effect (FFT-based): h as coefficients, one per line. sox takes a FIR
 * for linear-phase and advances its output by (taps − 1) / 2; h.length − 1 leading zeros cancel that
 * exactly, so the reverberant copy stays aligned with the truth.
 */
function convolve(file, h, outFile) {
  const coefficients = join(work, 'rir.txt');
  const padded = [...new Array(h.length - 1).fill('0'), ...Array.from(h, (v) => v.toPrecision(6))];
  writeFileSync(coefficients, padded.join('\n'));
  run('sox', ['-R', file, '-b', '32', '-e', 'floating-point', outFile, 'fir', coefficients]);
  return read(outFile);
}

try {
  mkdirSync(out, { recursive: true });
  // Pauses: 39 of them spread over 0.3–2.5 s (a few at each end of the range), shuffled.
  const gaps = [];
  for (let k = 0; k < count - 1; k++) gaps.push(0.3 + (2.2 * k) / Math.max(1, count - 2));
  for (let k = gaps.length - 1; k > 0; k--) {
    const j = Math.floor(rng() * (k + 1));
    [gaps[k], gaps[j]] = [gaps[j], gaps[k]];
  }
  const lead = 0.8;
  const tailSeconds = 1.2;
  const clips = [];
  for (let k = 0; k < count; k++) clips.push(synth(SENTENCES[k % SENTENCES.length], voice, speed, `s${k}`));
  const total =
    Math.round(lead * RATE) +
    clips.reduce((n, c) => n + c.length, 0) +
    gaps.reduce((n, g) => n + Math.round(g * RATE), 0) +
    Math.round(tailSeconds * RATE);
  const clean = new Float32Array(total);
  const segments = [];
  let at = Math.round(lead * RATE);
  clips.forEach((clip, k) => {
    clean.set(clip, at);
    segments.push([at, at + clip.length]);
    at += clip.length + (k < gaps.length ? Math.round(gaps[k] * RATE) : 0);
  });
  // A 0.7 peak: a sensible recording level, and room for the reverberant copy without clipping.
  let peak = 0;
  for (const v of clean) peak = Math.max(peak, Math.abs(v));
  for (let i = 0; i < clean.length; i++) clean[i] *= 0.5 / peak;

  write(join(out, 'clean.wav'), clean);
  write(join(out, 'white20.wav'), mix(clean, noise(total, 'white'), 20, segments));
  write(join(out, 'pink5.wav'), mix(clean, noise(total, 'pink'), 5, segments));

  const wet = convolve(join(out, 'clean.wav'), impulseResponse(rt60, drr), join(work, 'wet.wav'));
  let wetPeak = 0;
  for (const v of wet) wetPeak = Math.max(wetPeak, Math.abs(v));
  const wetScaled = wet.subarray(0, total).map((v) => (v * 0.7) / wetPeak);
  write(join(out, 'reverb.wav'), mix(wetScaled, noise(total, 'pink'), 20, segments));

  run('sox', [
    '-R',
    join(out, 'clean.wav'),
    join(work, 'sox-reverb.wav'),
    'reverb',
    reverberance,
    '50',
    '100',
    '100',
    '0',
    '0',
  ]);
  const soxWet = read(join(work, 'sox-reverb.wav'));
  write(join(out, 'sox-reverb.wav'), mix(soxWet.subarray(0, total), noise(total, 'pink'), 20, segments));

  const babble = new Float32Array(total);
  BABBLE.forEach((b, k) => {
    const talk = synth(b.text, b.voice, b.speed, `b${k}`);
    const level = 1 / rms(talk, [[0, talk.length]]);
    const offset = Math.floor(rng() * talk.length);
    for (let i = 0; i < total; i++) babble[i] += talk[(i + offset) % talk.length] * level;
  });
  write(join(out, 'babble.wav'), mix(clean, babble, 10, segments));

  const layout = {
    description: `make-room-audio.mjs: ${count} espeak-ng sentences (${voice}, ${speed} wpm), ${count - 1} pauses of 0.3–2.5 s, seed ${seed}; RT60 ${rt60} s, DRR ${drr} dB; truth = dry speech`,
    sampleRate: RATE,
    durationSeconds: total / RATE,
    conditions: ['clean', 'white20', 'pink5', 'reverb', 'sox-reverb', 'babble'],
    segments: segments.map(([a, b]) => ({ start: a / RATE, end: b / RATE })),
  };
  writeFileSync(join(out, 'layout.json'), `${JSON.stringify(layout, null, 1)}\n`);
  console.log(`wrote ${layout.conditions.length} files, ${count} sentences, ${(total / RATE).toFixed(1)} s, in ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
