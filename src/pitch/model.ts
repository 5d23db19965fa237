/** A run of text with the inline formatting it had in the Markdown. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
}

export interface ListItem {
  inlines: Inline[];
  text: string;
  /** 0 for a top-level item, 1 for an item nested in another, … */
  depth: number;
  words: number;
}

export type Block =
  | { kind: 'paragraph'; inlines: Inline[]; text: string; words: number }
  | { kind: 'list'; ordered: boolean; items: ListItem[]; text: string; words: number };

/** A bold term of a section, with the sentence it is said in. */
export interface KeyTerm {
  term: string;
  /** The whole bold span the term was taken from. */
  phrase: string;
  sentence: string;
}

export interface Section {
  /** Stable slug of number + title without duration hint, e.g. "1-pitch-court". */
  id: string;
  /** Position in the document, e.g. "2.3"; "" for a lone document title. */
  number: string;
  /** Heading text without its leading number, e.g. "Pitch court (≈ 2 min)". */
  title: string;
  level: number;
  blocks: Block[];
  children: Section[];
  keyTerms: KeyTerm[];
  /** Words of this section's own blocks and of all its descendants. */
  words: number;
  /** Duration written in the heading, in seconds, or null. */
  targetSeconds: number | null;
}

export interface Pitch {
  /** Where it was read from (for display). */
  file: string;
  sections: Section[];
  /** The language it is written in: front matter `lang:`, else detected from its words (pitch/language.ts). */
  lang?: 'fr' | 'en' | undefined;
  /** Fingerprint of the file's text (rehearsal/identity.ts contentHash), to notice edits. */
  hash?: string | undefined;
  /** The file's resolved path (set by the shell, which knows the file system): the pitch's identity. */
  path?: string | undefined;
}

/** Depth-first list of every section. */
export function flattenSections(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const walk = (list: readonly Section[]) => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}

/** Every block of a section and its descendants, in reading order. */
export function allBlocks(section: Section): Block[] {
  return [...section.blocks, ...section.children.flatMap(allBlocks)];
}
