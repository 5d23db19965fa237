import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/root.js';

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
  it('core modules import no runner', () => {
    for (const f of files.filter((f) => CORE.includes(f.split(/[\\/]/)[0]!)))
      for (const spec of importsOf(f)) expect(layerOf(f, spec), `${f} imports ${spec}`).not.toBe('runners');
  });
  it.each(files.filter((f) => CORE.includes(f.split(/[\\/]/)[0]!)))(
    '%s (core) imports no cli, ui or store module',
    (file) => {
      for (const spec of importsOf(file))
        expect(['cli', 'ui', 'store'], `${file} imports ${spec}`).not.toContain(layerOf(file, spec));
    },
  );
  it.each(files.filter((f) => f.startsWith('runners')))(
    '%s (runner) imports no cli, ui or store module, and takes time and chance from its ports',
    (file) => {
      for (const spec of importsOf(file))
        expect(['cli', 'ui', 'store'], `${file} imports ${spec}`).not.toContain(layerOf(file, spec));
      // Comments may name what the shell wires; the code may not use it.
      const code = readFileSync(join(SRC, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      for (const shell of [
        /\bMath\.random\b/,
        /\bDate\.now\(/,
        /new Date\(\)/,
        /\bperformance\b/,
        /\bprocess\.(?!on\b)/,
        /from 'node:(?!.*types)/,
        /\brandomUUID\b/,
      ])
        expect(code, `${file} uses ${shell}`).not.toMatch(shell);
    },
  );
  it('the command table is the only way into a command module (one list of commands)', () => {
    // analyze-row.ts is the table's analyze row, kept apart so the quick analyze script bundles no other command.
    const table = ['cli/command-table.ts', 'cli/analyze-row.ts'];
    const outside = files.filter((f) => !f.startsWith('cli/commands/') && !table.includes(f));
    for (const f of outside)
      for (const spec of importsOf(f))
        expect(join(f, '..', spec), `${f} imports ${spec}`).not.toMatch(/^cli[\\/]commands[\\/]/);
  });
  it('the workflows live in runners: commands do not drive the live screen or the recorder themselves', () => {
    for (const f of files.filter((f) => f.startsWith('cli/commands/'))) {
      const code = readFileSync(join(SRC, f), 'utf8');
      expect(code, f).not.toMatch(/runLiveLoop|startRecording/);
    }
  });
  it('the shell stays thin: no function in src/cli over 40 lines (workflows are runners, ports are small adapters)', () => {
    const long: string[] = [];
    for (const f of files.filter((f) => f.startsWith('cli/'))) {
      const lines = readFileSync(join(SRC, f), 'utf8').split('\n');
      let start = -1;
      let name = '';
      lines.forEach((line, i) => {
        // Function declarations, and arrow functions with a body, at the top level of the module.
        const m =
          /^(?:export )?(?:async )?function (\w+)/.exec(line) ??
          /^(?:export )?const (\w+) = (?:async )?\(.*\{$/.exec(line);
        if (m && start < 0) [start, name] = [i, m[1]!];
        if (start >= 0 && /^\}/.test(line)) {
          if (i - start + 1 > 40) long.push(`${f.slice('cli/'.length)} ${name} (${i - start + 1} lines)`);
          start = -1;
        }
      });
    }
    expect(long).toEqual([]);
  });
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
    // ui/streams.ts writes the standard output and error by their descriptors (fileWriter, where the
    // shell sent them to a file, as Node's own process.stdout would): no file of its choosing.
    const streams = readFileSync(join(SRC, 'ui/streams.ts'), 'utf8');
    expect(streams.match(/\bwriteSync\(\w+/g)).toEqual(['writeSync(fd']);
    for (const w of writers)
      expect(w.startsWith('store/') || w === 'audio/recorder.ts' || w === 'ui/streams.ts', `${w} writes files`).toBe(
        true,
      );
    expect(writers).toContain('store/safe-write.ts');
  });
});

describe('the unit project needs no build', () => {
  const TEST = join(ROOT, 'test');
  const unitFiles = readdirSync(TEST, { recursive: true })
    .map(String)
    .filter((f) => /^(unit|ui)[\\/].*\.ts$/.test(f));
  it.each(unitFiles)('%s imports neither helpers/cli nor helpers/pty (they drive the built binary)', (file) => {
    expect(readFileSync(join(TEST, file), 'utf8')).not.toMatch(/helpers\/(cli|pty)\.js'/);
  });
});
