import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePitch } from '../../src/pitch/parse.js';
import type { Pitch } from '../../src/pitch/model.js';

export const BUNDLED_PITCH_PATH = join(fileURLToPath(new URL('../..', import.meta.url)), 'data', 'pitch.fr.md');

/** The bundled pitch, parsed (pure: no CLI involved). */
export function bundledPitch(): Pitch {
  return parsePitch(readFileSync(BUNDLED_PITCH_PATH, 'utf8'), BUNDLED_PITCH_PATH);
}
