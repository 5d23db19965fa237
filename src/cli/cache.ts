import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/store.js';
import { BUILD_ID } from '../core/build-id.js';
import { isStdinPath } from '../io/input.js';

let codeStamp: string | undefined;
/** The build id, or (running from sources) a hash of this module: a new build never trusts what an older one computed. */
function stampOfCode(): string {
  codeStamp ??=
    BUILD_ID ??
    createHash('sha1')
      .update(readFileSync(fileURLToPath(import.meta.url)))
      .digest('hex');
  return codeStamp;
}

/**
 * A cache key for what was read from ICU (through Intl) rather than from files: the program (a new build
 * never trusts an older one), Node's, ICU's, CLDR's, Unicode's and the tz data's versions, Node's flags and
 * the ICU data options, then `extra` (what else ICU reads for that answer). Used by time-zone.ts and
 * stats-format.ts.
 */
export function icuCacheKey(env: NodeJS.ProcessEnv, extra: readonly string[]): string {
  const v = process.versions;
  const parts = [
    stampOfCode(),
    process.version,
    v.icu ?? '',
    v.cldr ?? '',
    v.unicode ?? '',
    v.tz ?? '',
    process.execArgv.join(' '),
    env.NODE_OPTIONS ?? '',
    env.NODE_ICU_DATA ?? '',
    env.ICU_DATA ?? '',
    ...extra,
  ];
  return createHash('sha1').update(parts.join('\0')).digest('hex');
}

/**
 * What parsing and validating files produced, kept in $PITCH_HOME/cache/<slot>.json and reused while
 * the files' bytes, the language and the program are the same (a 5,000-question bank then loads in
 * a few milliseconds instead of a few hundred). A missing, damaged or unwritable cache only costs time.
 */
export async function cached<T>(
  store: Store,
  slot: string,
  files: ReadonlyArray<{ path: string; name: string }>,
  extra: readonly string[],
  compute: () => Promise<T>,
): Promise<T> {
  const hash = createHash('sha1')
    .update(stampOfCode())
    .update(`${slot}\0${extra.join('\0')}\0`);
  for (const file of files) {
    hash.update(`${file.path}\0${file.name}\0`);
    // Only regular files of a sane size are read here (a pipe would be used up, a FIFO would hang, /dev/zero
    // never ends): anything else goes straight to compute(), which reads it under its caps or refuses it.
    const size = regularSize(file.path);
    if (size === null || size > MAX_HASHED_BYTES) return compute();
    try {
      hash.update(readFileSync(file.path));
    } catch {
      hash.update('\0missing\0'); // compute() reports it properly
    }
  }
  const key = hash.digest('hex');
  // One file per set of paths (and language), so alternating --bank directories or --lang do not evict each other.
  const paths = createHash('sha1')
    .update([...files.map((f) => f.path), ...extra].join('\0'))
    .digest('hex')
    .slice(0, 12);
  const name = `${slot}-${paths}`;
  const hit = store.readCache<T>(name, key) ?? readSeed<T>(name, key);
  if (hit !== undefined) return hit;
  const data = await compute();
  store.writeCache(name, key, data);
  return data;
}

const MAX_HASHED_BYTES = 4 * 1024 * 1024;

/**
 * The build computes the bundled pitch and question packs once and ships the results next to the
 * program (dist/cli/seed-cache, scripts/build.mjs): even the very first run skips the Markdown and
 * YAML parsers. Same key as the store's cache, so an edited file is never served from a seed.
 */
function readSeed<T>(name: string, key: string): T | undefined {
  if (BUILD_ID === null) return undefined;
  try {
    const doc = JSON.parse(readFileSync(new URL(`./seed-cache/${name}.json`, import.meta.url), 'utf8')) as {
      key?: string;
      data?: T;
    };
    return doc.key === key ? doc.data : undefined;
  } catch {
    return undefined;
  }
}

/** The size of a regular file; 0 when missing (compute() says so), null when it is not a regular file. */
function regularSize(path: string): number | null {
  if (isStdinPath(path)) return null;
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : null;
  } catch {
    return 0;
  }
}
