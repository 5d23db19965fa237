import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers/root.js';

// Every domain's messages are spread into one table (src/i18n/index.ts): a key defined in two files
// silently replaces the other one's text on some screen. Each key must live in exactly one file.
const DIR = join(ROOT, 'src', 'i18n', 'messages');
const domains = await Promise.all(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.ts'))
    .map(async (f) => {
      const mod = (await import(join(DIR, f))) as Record<string, Record<string, { fr: string; en: string }>>;
      return { file: f, keys: Object.values(mod).flatMap((table) => Object.keys(table)) };
    }),
);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('no key is defined in two message files', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const { file, keys } of domains)
      for (const key of keys) {
        const first = owner.get(key);
        if (first) clashes.push(`${key}: ${first} and ${file}`);
        else owner.set(key, file);
      }
    expect(clashes).toEqual([]);
    expect(owner.size).toBeGreaterThan(300);
  });

  it('every message has French and English with the same placeholders', async () => {
    const { report } = await import('../../../src/i18n/messages/report.js');
    for (const [key, { fr, en }] of Object.entries(report)) {
      expect(fr.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(placeholders(fr), key).toEqual(placeholders(en));
    }
  });
});
