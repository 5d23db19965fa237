import type { DocSpec } from './store.js';

/** Settings the user chose once: for now, which pitch is theirs (`pitch init`). */
export interface ConfigDoc {
  version: number;
  /** Absolute path of the default pitch; absent = the bundled one. */
  pitchFile?: string | undefined;
}

export const configSpec: DocSpec<ConfigDoc> = {
  file: 'config.json',
  version: 1,
  empty: () => ({ version: 1 }),
  validate(doc) {
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'not an object';
    const file = (doc as Record<string, unknown>).pitchFile;
    if (file !== undefined && (typeof file !== 'string' || !file.trim() || file.length > 4096))
      return '"pitchFile" is not a path';
    return null;
  },
  migrations: {},
};
