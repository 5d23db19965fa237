import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

/** The import rules of docs/architecture.md, checked on the sources (type-only imports included). */
const SRC = join(ROOT, 'src');
const files = readdirSync(SRC, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts'));
const importsOf = (file: string) =>
  [...readFileSync(join(SRC, file), 'utf8').matchAll(/(?:from|import\()\s*'([^']+)'/g)]
    .map((m) => m[1]!)
    .filter((p) => p.startsWith('.'));
const layerOf = (file: string, spec: string) => join(file, '..', spec).split(/[\\/]/)[0]!;

describe('who may import whom', () => {
  const CORE = ['pitch', 'rehearsal', 'quiz', 'interview', 'stats', 'report', 'audio', 'core'];
  it.each(files.filter((f) => CORE.includes(f.split(/[\\/]/)[0]!)))(
    '%s (core) imports no cli, ui or store module',
    (file) => {
      for (const spec of importsOf(file))
        expect(['cli', 'ui', 'store'], `${file} imports ${spec}`).not.toContain(layerOf(file, spec));
    },
  );
  it.each(files.filter((f) => f.startsWith('ui')))('%s (ui) imports no cli or store module', (file) => {
    for (const spec of importsOf(file))
      expect(['cli', 'store'], `${file} imports ${spec}`).not.toContain(layerOf(file, spec));
  });
  it('only the store (user data and exports) and the recorder write files', () => {
    const writers = files.filter((f) =>
      /\b(writeFileSync|writeSync|renameSync|appendFileSync|createWriteStream)\b/.test(
        readFileSync(join(SRC, f), 'utf8'),
      ),
    );
    for (const w of writers)
      expect(w.startsWith('store/') || w === 'audio/recorder.ts', `${w} writes files`).toBe(true);
    expect(writers).toContain('store/safe-write.ts');
  });
});
