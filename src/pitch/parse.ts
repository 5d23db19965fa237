import { lexer, type Token, type Tokens } from 'marked';
import type { Block, Inline, KeyTerm, ListItem, Pitch, Section } from './model.js';
import { countWords } from './words.js';
import { findDurationHint, stripDurationHint } from './duration.js';
import { slugify, splitSentences } from './text.js';
import { contentHash } from './hash.js';
import { detectTextLang, readPitchLang, splitFrontMatter } from './language.js';

/** Headings of these levels become sections; deeper ones are ignored as structure. */
const MAX_LEVEL = 4;

interface Draft {
  section: Section;
  explicitNumber: string | null;
}

/**
 * Markdown → section tree. Pure: the caller reads the file.
 * Numbering: a heading's own number ("2.3 Actions clés") wins; otherwise its position under its parent.
 * A document that opens with its only level-1 heading treats it as the title: number "", children 1, 2, ….
 */
export function parsePitch(markdown: string, file: string): Pitch {
  // A front matter block is metadata (`lang: en`), not a section: Markdown would read "lang: en" + "---" as a heading.
  const { fields, body } = splitFrontMatter(markdown.replace(/^\uFEFF/, ''));
  const tokens = lexer(body);
  const roots: Draft[] = [];
  const stack: Draft[] = [];
  const all: Draft[] = [];

  for (const token of tokens) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth <= MAX_LEVEL) {
      const heading = token as Tokens.Heading;
      const text = plainText(inlinesOf(heading.tokens)).trim();
      const numbered = /^(\d+(?:\.\d+)*)\.?\s+(.+)$/u.exec(text);
      const draft: Draft = {
        explicitNumber: numbered ? numbered[1]! : null,
        section: {
          id: '',
          number: '',
          title: numbered ? numbered[2]!.trim() : text,
          level: heading.depth,
          blocks: [],
          children: [],
          keyTerms: [],
          words: 0,
          targetSeconds: findDurationHint(text),
        },
      };
      while (stack.length && stack[stack.length - 1]!.section.level >= heading.depth) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.section.children.push(draft.section);
      else roots.push(draft);
      stack.push(draft);
      all.push(draft);
      continue;
    }
    const current = stack[stack.length - 1];
    if (!current) continue; // text before the first heading is not part of any section
    const block = toBlock(token);
    if (block) current.section.blocks.push(block);
  }

  const byDraft = new Map(all.map((d) => [d.section, d]));
  const loneTitle = roots.length === 1 && roots[0]!.section.level === 1 && !roots[0]!.explicitNumber;
  const used = new Set<string>();
  const assign = (sections: Section[], parentNumber: string) => {
    sections.forEach((section, index) => {
      const draft = byDraft.get(section)!;
      section.number = draft.explicitNumber ?? (parentNumber ? `${parentNumber}.${index + 1}` : String(index + 1));
      section.id = uniqueId(slugify(`${section.number} ${stripDurationHint(section.title)}`) || 'section', used);
      assign(section.children, section.number);
    });
  };
  if (loneTitle) {
    const title = roots[0]!.section;
    title.number = '';
    title.id = uniqueId(slugify(stripDurationHint(title.title)) || 'pitch', used);
    assign(title.children, '');
  } else {
    assign(
      roots.map((d) => d.section),
      '',
    );
  }
  for (const d of all) d.section.keyTerms = keyTermsOf(d.section.blocks);
  const sumWords = (s: Section): number =>
    (s.words = s.blocks.reduce((n, b) => n + b.words, 0) + s.children.reduce((n, c) => n + sumWords(c), 0));
  const sections = roots.map((d) => d.section);
  sections.forEach(sumWords);
  const lang =
    readPitchLang(fields.lang) ?? detectTextLang(all.flatMap((d) => d.section.blocks.map((b) => b.text)).join('\n'));
  return { file, sections, lang, hash: contentHash(markdown) };
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function toBlock(token: Token): Block | null {
  if (token.type === 'paragraph') {
    const inlines = inlinesOf((token as Tokens.Paragraph).tokens);
    const text = plainText(inlines).trim();
    return text ? { kind: 'paragraph', inlines, text, words: countWords(text) } : null;
  }
  if (token.type === 'list') {
    const items: ListItem[] = [];
    collectItems(token as Tokens.List, 0, items);
    if (!items.length) return null;
    const text = items.map((i) => i.text).join('\n');
    return { kind: 'list', ordered: (token as Tokens.List).ordered, items, text, words: countWords(text) };
  }
  if (token.type === 'blockquote') {
    const inner = ((token as Tokens.Blockquote).tokens ?? []).map(toBlock).filter((b): b is Block => b !== null);
    const inlines = inner.flatMap((b) => (b.kind === 'paragraph' ? b.inlines : b.items.flatMap((i) => i.inlines)));
    const text = plainText(inlines).trim();
    return text ? { kind: 'paragraph', inlines, text, words: countWords(text) } : null;
  }
  return null;
}

function collectItems(list: Tokens.List, depth: number, out: ListItem[]): void {
  for (const item of list.items) {
    const own: Inline[] = [];
    const nested: Tokens.List[] = [];
    for (const child of item.tokens) {
      if (child.type === 'list') nested.push(child as Tokens.List);
      else if ('tokens' in child && Array.isArray(child.tokens)) {
        if (own.length) own.push({ text: ' ' });
        own.push(...inlinesOf(child.tokens));
      } else if ('text' in child && typeof child.text === 'string') own.push({ text: child.text });
    }
    const text = plainText(own).trim();
    if (text) out.push({ inlines: own, text, depth, words: countWords(text) });
    for (const n of nested) collectItems(n, depth + 1, out);
  }
}

/** Flattens marked's inline tokens into formatted runs (bold / italic / code). */
function inlinesOf(tokens: Token[] | undefined, style: Omit<Inline, 'text'> = {}): Inline[] {
  const out: Inline[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'strong':
        out.push(...inlinesOf((t as Tokens.Strong).tokens, { ...style, bold: true }));
        break;
      case 'em':
        out.push(...inlinesOf((t as Tokens.Em).tokens, { ...style, italic: true }));
        break;
      case 'codespan':
        out.push({ ...style, code: true, text: decodeEntities((t as Tokens.Codespan).text) });
        break;
      case 'br':
        out.push({ ...style, text: '\n' });
        break;
      case 'link':
      case 'del':
        out.push(...inlinesOf((t as Tokens.Link).tokens, style));
        break;
      case 'image':
        out.push({ ...style, text: (t as Tokens.Image).text });
        break;
      case 'html':
        break; // raw HTML is not spoken
      default: {
        const nested = (t as { tokens?: Token[] }).tokens;
        if (nested?.length) out.push(...inlinesOf(nested, style));
        else out.push({ ...style, text: decodeEntities((t as { text?: string }).text ?? t.raw) });
      }
    }
  }
  return merge(out);
}

function merge(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && !!last.bold === !!r.bold && !!last.italic === !!r.italic && !!last.code === !!r.code)
      last.text += r.text;
    else if (r.text) out.push({ ...r });
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00A0' };
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!);
}

export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((i) => i.text).join('');
}

/**
 * Key terms of a section: its bold spans, in order, with their sentence.
 * Spans listing several things ("Dynatrace, Grafana, Kibana") give one term each.
 * A span that reads as a phrase — longer than 4 words, or opening with a lower-case word — yields
 * the proper nouns inside it ("projet Bâle IV" → "Bâle IV", "Créé … avec Argo Workflows" → "Argo Workflows");
 * a phrase without proper nouns ("calcul des risques de marché") stays whole.
 */
export function keyTermsOf(blocks: readonly Block[]): KeyTerm[] {
  const terms: KeyTerm[] = [];
  const seen = new Set<string>();
  const units = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.inlines] : b.items.map((i) => i.inlines)));
  for (const inlines of units) {
    const full = plainText(inlines);
    const sentences = splitSentences(full);
    let offset = 0;
    for (const run of inlines) {
      const start = offset;
      offset += run.text.length;
      if (!run.bold) continue;
      const sentence = sentenceAt(full, sentences, start) ?? full.trim();
      for (const part of run.text.split(/\s*[,;]\s*/u)) {
        const phrase = part.replace(/[.:…]+$/u, '').trim();
        if (!phrase) continue;
        for (const term of termsOfPhrase(phrase)) {
          const key = term.toLowerCase();
          if (seen.has(key)) continue;
          seen.add(key);
          terms.push({ term, phrase, sentence });
        }
      }
    }
  }
  return terms;
}

const isProper = (word: string) => /^[\p{Lu}\p{N}]/u.test(word) || /\p{N}/u.test(word);

function termsOfPhrase(phrase: string): string[] {
  const words = phrase.split(/\s+/u);
  if (countWords(phrase) <= 4 && isProper(words[0]!)) return [phrase];
  const runs: string[][] = [];
  let current: string[] = [];
  const close = () => {
    if (current.length) runs.push(current);
    current = [];
  };
  words.forEach((raw, i) => {
    // A bracket opens a new run: "jobs Spark (Java & PySpark)" → "Spark", "Java & PySpark".
    if (/^[([]/u.test(raw)) close();
    const w = raw.replace(/^[([«"]+|[)\]»".:]+$/gu, '');
    const joiner = w === '/' || w === '&';
    if ((i > 0 && isProper(w)) || (joiner && current.length)) current.push(w);
    else close();
    if (/[)\]]$/u.test(raw)) close();
  });
  close();
  const cleaned = runs.map((r) => r.join(' ').replace(/\s*[/&]$/u, '')).filter((r) => /\p{L}/u.test(r));
  return cleaned.length ? cleaned : [phrase];
}

function sentenceAt(full: string, sentences: string[], index: number): string | undefined {
  let from = 0;
  for (const s of sentences) {
    const at = full.indexOf(s, from);
    if (at < 0) continue;
    if (index >= at && index < at + s.length) return s;
    from = at + s.length;
  }
  return undefined;
}
