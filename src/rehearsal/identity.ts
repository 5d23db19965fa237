import type { Pitch, Section } from '../pitch/model.js';
import { contentHash } from '../pitch/hash.js';
import type { Attempt } from './types.js';

/**
 * Which pitch a rehearsal belongs to. Attempts, records and cue levels are kept per pitch file: two files
 * with a section of the same heading are two different races. The path is the key; the hash only tells
 * that the text was edited (an edited pitch keeps its history).
 */
export interface PitchIdentity {
  /** The file's resolved path (symbolic links and relative paths resolved by the shell). */
  file: string;
  /** contentHash of the whole file. */
  hash: string;
  /**
   * Records saved before identities existed carry no pitchFile; they belong to the pitch that was the
   * default then (the bundled one), and to no other file.
   */
  ownsLegacy: boolean;
}

/** Fingerprint of what is said in a section (its blocks and its subsections', headings included). */
export function sectionHash(section: Section): string {
  const walk = (s: Section): string[] => [s.title, ...s.blocks.map((b) => b.text), ...s.children.flatMap(walk)];
  return contentHash(walk(section).join('\n'));
}

/** True when an attempt was made on this pitch file (every attempt when identity is null). */
export function belongsTo(identity: PitchIdentity | null): (a: Attempt) => boolean {
  if (!identity) return () => true;
  return (a) => (a.pitchFile == null ? identity.ownsLegacy : a.pitchFile === identity.file);
}

/**
 * The identity of a loaded pitch. `bundledPath` is the resolved path of the pitch shipped with the program:
 * records without a pitchFile belong to it. Null when the shell did not resolve the pitch's path.
 */
export function identityOf(pitch: Pitch, bundledPath: string | null): PitchIdentity | null {
  if (!pitch.path) return null;
  return { file: pitch.path, hash: pitch.hash ?? '', ownsLegacy: bundledPath !== null && pitch.path === bundledPath };
}
