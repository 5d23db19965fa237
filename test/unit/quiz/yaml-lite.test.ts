import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parse, parseDocument, stringify } from 'yaml';
import { lineOfKey, parseYamlLite } from '../../../src/quiz/yaml-lite.js';
import { BUNDLED_DIR, FIXTURES } from './helpers.js';

const packsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));

/** Lines of every mapping key, the way the `yaml` package counts them: "questions.3.answer" → 42. */
function yamlKeyLines(text: string): Map<string, number> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const out = new Map<string, number>();
  const walk = (node: unknown, path: string) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        out.set(`${path}${key}`, counter.linePos((pair.key as { range: [number] }).range[0]).line);
        walk(pair.value, `${path}${key}.`);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, `${path}${i}.`));
  };
  walk(doc.contents, '');
  return out;
}

function liteKeyLines(text: string): Map<string, number> {
  const parsed = parseYamlLite(text)!;
  const out = new Map<string, number>();
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}${i}.`));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        out.set(`${path}${key}`, lineOfKey(parsed.lines.get(node), key)!);
        walk(value, `${path}${key}.`);
      }
    }
  };
  walk(parsed.value, '');
  return out;
}

describe('parseYamlLite: the fast reader gives exactly what the yaml package gives', () => {
  const packs = [...packsIn(BUNDLED_DIR), ...packsIn(join(FIXTURES, 'good')), ...packsIn(join(FIXTURES, 'extra'))];

  it.each(packs.map((p) => [p.name, p.text]))(
    '%s: same data and the same line for every key, without falling back',
    (_name, text) => {
      const lite = parseYamlLite(text);
      expect(lite).not.toBeNull();
      expect(lite!.value).toEqual(parse(text));
      expect(liteKeyLines(text)).toEqual(yamlKeyLines(text));
    },
  );

  it('reads the constructs packs use', () => {
    const text = [
      '# comment',
      'topic: demo   # trailing comment',
      "title: 'l''exécuteur'",
      'aliases: [a, "b c", \'d\', 12, true, ~]',
      'empty:',
      'questions:',
      '- id: q1',
      '  prompt: >-',
      '    first line',
      '    second line',
      '',
      '    new paragraph',
      '  model: |',
      '    keep',
      '      indented',
      '  number: -42',
      '  quoted: "tab\\there \\u00e9 \\"q\\""',
      '  list:',
      '  - x',
      '  - y: 1',
      '    z: 2',
      '  url: https://example.org/a#b',
      'synonyms:',
      '  - - exécuteur',
      '    - executor',
      '  - [gc, ramasse-miettes]',
    ].join('\n');
    const lite = parseYamlLite(text);
    expect(lite).not.toBeNull();
    expect(lite!.value).toEqual(parse(text));
    expect(lite!.value).toMatchObject({
      title: "l'exécuteur",
      aliases: ['a', 'b c', 'd', 12, true, null],
      empty: null,
      synonyms: [
        ['exécuteur', 'executor'],
        ['gc', 'ramasse-miettes'],
      ],
    });
  });

  it.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['a multi-line quoted string', 'a: "one\n  two"\n'],
    ['a multi-line plain string', 'a: one\n  two\n'],
    ['tags', 'a: !!str 1\n'],
    ['a float', 'a: 1.5\n'],
    ['a hex number', 'a: 0x1F\n'],
    ['tab indentation', 'a:\n\t- b\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a mapping inside a plain scalar', 'a: b: c\n'],
    ['a keep-chomping block', 'a: |+\n  x\n'],
    ['several documents', 'a: 1\n---\nb: 2\n'],
  ])('leaves %s to the yaml package (returns null)', (_what, text) => {
    expect(parseYamlLite(text)).toBeNull();
  });

  const word = fc.constantFrom(
    'Spark',
    'exécuteur',
    'l’état',
    "l'état",
    'a: b',
    'x #y',
    'x#y',
    '"q"',
    "'s'",
    'true',
    'null',
    '~',
    '12',
    '-3',
    '1.5',
    '0x1F',
    '- x',
    '? x',
    '[a]',
    '{b}',
    '&a',
    '*a',
    '!t',
    '%',
    '@',
    '`',
    'a\\b',
    'é',
    '  lead',
    'trail  ',
    '',
    '—',
    '#',
    ':',
    '-',
    'yes',
  );
  const text = fc.array(word, { minLength: 0, maxLength: 6 }).map((ws) => ws.join(' '));
  const scalar = fc.oneof(text, fc.integer({ min: -1000, max: 1000 }), fc.boolean(), fc.constant(null));
  const keyName = fc.constantFrom(
    'id',
    'kind',
    'prompt',
    'answer',
    'options',
    'keyPoints',
    'accept',
    'note',
    'a-b',
    'x_1',
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(keyName, tie('node'), { maxKeys: 5 }),
  })).node;
  const options = fc.record({
    defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_FOLDED', 'BLOCK_LITERAL'),
    lineWidth: fc.constantFrom(0, 20, 40, 80),
    collectionStyle: fc.constantFrom('any', 'block', 'flow'),
    indentSeq: fc.boolean(),
  }) as fc.Arbitrary<Parameters<typeof stringify>[2] & object>;

  it('property: on documents the yaml package writes, even tricky ones, it never disagrees (it may only step aside)', () => {
    fc.assert(
      fc.property(fc.dictionary(keyName, value, { minKeys: 1, maxKeys: 5 }), options, (doc, opts) => {
        const source = stringify(doc, opts);
        const lite = parseYamlLite(source);
        if (lite) expect(lite.value).toEqual(parse(source));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) },
    );
  });

  const tameWord = fc.constantFrom(
    'Spark',
    'exécuteur',
    'l’état',
    "l'état",
    'mémoire',
    'shuffle',
    'OOM',
    'x',
    'k8s',
    'Bâle',
    'a-b',
    'fin.',
    '(note)',
    '42ms',
    'é',
  );
  const tameText = fc.array(tameWord, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
  const tameValue = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, tameText, fc.integer({ min: 0, max: 99 }), tie('list'), tie('map')),
    list: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
    map: fc.dictionary(keyName, tie('node'), { minKeys: 1, maxKeys: 5 }),
  })).node;

  // Written the way people write packs: plain keys, block collections, one-line quoted strings, folded blocks.
  const packStyle = fc
    .oneof(
      fc.record({
        defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
        lineWidth: fc.constant(0),
      }),
      fc.record({
        defaultStringType: fc.constantFrom('BLOCK_FOLDED', 'BLOCK_LITERAL'),
        lineWidth: fc.constantFrom(20, 40, 80),
      }),
    )
    .map((o) => ({ ...o, defaultKeyType: 'PLAIN', collectionStyle: 'block', indentSeq: true })) as fc.Arbitrary<
    Parameters<typeof stringify>[2] & object
  >;

  it('property: on documents shaped like packs, it agrees and does not step aside', () => {
    let fast = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.dictionary(keyName, tameValue, { minKeys: 1, maxKeys: 5 }), packStyle, (doc, opts) => {
        const source = stringify(doc, opts);
        const lite = parseYamlLite(source);
        total++;
        if (lite) {
          fast++;
          expect(lite.value).toEqual(parse(source));
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) },
    );
    // The property is only worth something if the fast path actually runs on most of them.
    expect(fast / total).toBeGreaterThan(0.5);
  });

  it('steps aside for an indicator followed by a tab, as YAML separates by spaces or tabs', () => {
    // "- -\ta" is a sequence in a sequence for the yaml package; the fast reader once read "-\ta" (found by
    // the property below).
    for (const source of ['- -\ta', '-\ta', 'a: -\tb', '- ?\tx', 'k:\n  - :\tx', 'q: -\t1']) {
      const lite = parseYamlLite(source);
      if (lite) expect(lite.value, JSON.stringify(source)).toEqual(parse(source));
    }
  });

  it('property: never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            ' ',
            '\n',
            ':',
            '-',
            '#',
            '"',
            "'",
            '|',
            '>',
            '[',
            ']',
            ',',
            '\t',
            'é',
            '\r',
            '\\',
          ),
        }),
        (source) => {
          const lite = parseYamlLite(source);
          if (lite) expect(lite.value).toEqual(parse(source));
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 2000) },
    );
  });
});
