/**
 * A fast reader for the subset of YAML that question packs are written in: block mappings and
 * sequences, plain / quoted scalars, one-line flow sequences, `|` and `>` block scalars, comments.
 *
 * Why it exists: the `yaml` package needs ~200 ms for the bundled bank and seconds for a
 * 5,000-question one, while a pack must load in a blink. This reader either returns exactly what
 * `yaml` would (the differential tests check it on every bundled pack and on generated documents)
 * or returns null the moment it meets anything outside the subset (anchors, tags, flow mappings,
 * multi-line quoted scalars, odd indentation, syntax errors…), and the caller falls back to `yaml`.
 */

/** Where a mapping or sequence starts and where each of its keys or items is (1-based lines). */
export interface NodeLines {
  line: number;
  /** A mapping's keys in order, and the line of each. */
  names?: string[];
  numbers?: number[];
  /** A sequence's items' lines. */
  items?: number[];
}

/** The line of a mapping's key, or of the node itself when the key is not there. */
export function lineOfKey(info: NodeLines | undefined, key: string): number | undefined {
  if (!info) return undefined;
  const at = info.names?.indexOf(key) ?? -1;
  return at >= 0 ? info.numbers![at] : info.line;
}

export interface ParsedYaml {
  value: unknown;
  lines: WeakMap<object, NodeLines>;
}

class Unsupported extends Error {}
const bail = (): never => {
  throw new Unsupported();
};

const SPECIAL_KEY = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL|__proto__)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const SPECIAL_FLOAT = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const BLOCK_HEADER = /^([|>])(-?) *(?:#.*)?$/;

export function parseYamlLite(source: string): ParsedYaml | null {
  try {
    return new Reader(source).read();
  } catch (error) {
    // Nesting deep enough to exhaust the stack is not a pack either: let the full parser say what it thinks.
    if (error instanceof Unsupported || error instanceof RangeError) return null;
    throw error;
  }
}

class Reader {
  private readonly lines: string[];
  private readonly indents: Int32Array;
  private i = 0;
  private readonly positions = new WeakMap<object, NodeLines>();

  constructor(source: string) {
    const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    this.lines = text.split('\n');
    const n = this.lines.length;
    // -1 marks a line that holds nothing for the parser (blank or comment).
    this.indents = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      let line = this.lines[k]!;
      if (line.endsWith('\r') && k < n - 1) this.lines[k] = line = line.slice(0, -1);
      if (line.includes('\r')) bail(); // a lone CR is a line break to YAML
      let s = 0;
      while (s < line.length && line.charCodeAt(s) === 32) s++;
      if (s === line.length) {
        this.indents[k] = -1;
        continue;
      }
      const c = line.charCodeAt(s);
      if (c === 9) bail(); // tabs around indentation: leave the subtle rules to the full parser
      this.indents[k] = c === 35 /* # */ ? -1 : s;
    }
  }

  read(): ParsedYaml {
    let first = this.nextContent(0);
    if (first < this.lines.length && this.lines[first] === '---') first = this.nextContent(first + 1);
    if (first >= this.lines.length) return { value: null, lines: this.positions };
    this.i = first;
    const value = this.block(this.indents[first]!);
    if (this.nextContent(this.i + 1) < this.lines.length) bail();
    return { value, lines: this.positions };
  }

  private nextContent(from: number): number {
    let k = from;
    while (k < this.lines.length && this.indents[k] === -1) k++;
    return k;
  }

  /** A mapping or a sequence whose first line is this.i, indented by `indent`. Every node reader leaves this.i on its last line. */
  private block(indent: number): unknown {
    const line = this.lines[this.i]!;
    if (line.startsWith('---') || line.startsWith('...')) bail();
    return isItem(line, indent) ? this.sequence(indent) : this.mapping(indent, indent);
  }

  /**
   * A block mapping whose keys sit at column `indent`. Its first key may start further right on the
   * current line (`firstCol`), as in a sequence item `- id: x`.
   */
  private mapping(indent: number, firstCol: number): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    const names: string[] = [];
    const numbers: number[] = [];
    this.positions.set(obj, { line: this.i + 1, names, numbers });
    let col = firstCol;
    for (;;) {
      const line = this.lines[this.i]!;
      const end = keyEnd(line, col);
      const key = line.slice(col, end);
      const first = key.charCodeAt(0);
      // true/false/null keys are not strings to YAML; __proto__ is not a plain key to JavaScript.
      if (
        (first === 116 ||
          first === 84 ||
          first === 102 ||
          first === 70 ||
          first === 110 ||
          first === 78 ||
          first === 95) &&
        SPECIAL_KEY.test(key)
      )
        bail();
      // A handful of keys per mapping: a scan beats a hash lookup on freshly sliced strings.
      if (names.includes(key)) bail();
      names.push(key);
      numbers.push(this.i + 1);
      let from = end + 1;
      while (line.charCodeAt(from) === 32) from++;
      obj[key] = this.value(line.slice(from), indent, true);
      const next = this.nextContent(this.i + 1);
      if (next >= this.lines.length) break;
      const ind = this.indents[next]!;
      if (ind < indent) break;
      if (ind > indent) bail();
      // A "- " at the mapping's own column belongs to an enclosing sequence: give it back.
      if (isItem(this.lines[next]!, indent)) break;
      this.i = next;
      col = indent;
    }
    return obj;
  }

  private sequence(indent: number): unknown[] {
    const arr: unknown[] = [];
    const items: number[] = [];
    this.positions.set(arr, { line: this.i + 1, items });
    for (;;) {
      const line = this.lines[this.i]!;
      items.push(this.i + 1);
      let col = indent + 1;
      while (col < line.length && line.charCodeAt(col) === 32) col++;
      // "- - x" opens a sequence inside the item, as "- key: x" opens a mapping.
      if (isItem(line, col)) arr.push(this.sequence(col));
      else if (keyEnd(line, col, false) > 0) arr.push(this.mapping(col, col));
      else arr.push(this.value(line.slice(col), indent, false));
      const next = this.nextContent(this.i + 1);
      if (next >= this.lines.length) break;
      const ind = this.indents[next]!;
      if (ind < indent) break;
      if (ind > indent) bail();
      // Not an item: the enclosing mapping's next key, at the same column.
      if (!isItem(this.lines[next]!, indent)) break;
      this.i = next;
    }
    return arr;
  }

  /**
   * The value after "key:" or "- " on line this.i. `parent` is the column of the key (or dash):
   * nested blocks must sit right of it. Leaves this.i on the value's last line.
   */
  private value(rest: string, parent: number, inMapping: boolean): unknown {
    if (rest.charCodeAt(0) === 9) bail(); // tabs as separators: the full parser knows where they count
    if (rest === '' || rest.startsWith('#')) {
      const next = this.nextContent(this.i + 1);
      if (next < this.lines.length) {
        const ind = this.indents[next]!;
        if (ind > parent || (inMapping && ind === parent && isItem(this.lines[next]!, ind))) {
          this.i = next;
          return this.block(ind);
        }
      }
      return null;
    }
    const c = rest[0]!;
    let value: unknown;
    if (c === '|' || c === '>') {
      const header = BLOCK_HEADER.exec(rest);
      if (!header) bail();
      value = this.blockScalar(header![1] === '>', header![2] === '-', parent);
    } else {
      if (c === '[') {
        const list = flowSequence(rest);
        const line = this.i + 1;
        this.positions.set(list, { line, items: list.map(() => line) });
        value = list;
      } else if (c === '"' || c === "'") {
        const [text, end] = quoted(rest, 0);
        if (!isTrailingBlank(rest, end)) bail();
        value = text;
      } else value = plain(rest);
    }
    // A more indented line after a one-line scalar would continue it (multi-line scalar): not ours.
    const next = this.nextContent(this.i + 1);
    if (next < this.lines.length && this.indents[next]! > parent) bail();
    return value;
  }

  private blockScalar(folded: boolean, strip: boolean, parent: number): string {
    const start = this.i + 1;
    let k = start;
    const n = this.lines.length;
    // The first non-blank line fixes the indentation; leading blank lines are left to the full parser.
    if (k >= n || isBlank(this.lines[k]!)) bail();
    const first = this.lines[k]!;
    let indent = 0;
    while (indent < first.length && first.charCodeAt(indent) === 32) indent++;
    if (indent <= parent || first.charCodeAt(indent) === 9) bail();
    const body: string[] = [];
    for (; k < n; k++) {
      const line = this.lines[k]!;
      if (isBlank(line)) {
        if (line.length > indent) bail(); // spaces beyond the indentation are content: subtle
        body.push('');
        continue;
      }
      let s = 0;
      while (s < line.length && line.charCodeAt(s) === 32) s++;
      if (s < indent) break;
      const content = line.slice(indent);
      if (folded && (content.charCodeAt(0) === 32 || content.charCodeAt(0) === 9)) bail(); // "more indented" folding rules
      body.push(content);
    }
    while (body.length && body[body.length - 1] === '') body.pop();
    // Leave this.i on the scalar's last content line.
    this.i = start + body.length - 1;
    let text: string;
    if (!folded) text = body.join('\n');
    else {
      text = '';
      let breaks = 0;
      for (const line of body) {
        if (line === '') {
          breaks++;
          continue;
        }
        text += text === '' ? line : breaks ? '\n'.repeat(breaks) + line : ' ' + line;
        breaks = 0;
      }
    }
    return strip ? text : text + '\n';
  }
}

/**
 * Where a plain key starting at `col` ends (the index of its ':'), when the line holds `key:` followed by a
 * space or the end of the line. Otherwise bails, or returns -1 when `strict` is false.
 */
function keyEnd(line: string, col: number, strict = true): number {
  let k = col;
  const c = line.charCodeAt(k);
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95)) return strict ? bail() : -1;
  for (k++; k < line.length; k++) {
    const d = line.charCodeAt(k);
    if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 95 || d === 45) continue;
    break;
  }
  if (line.charCodeAt(k) !== 58 /* : */ || (k + 1 < line.length && line.charCodeAt(k + 1) !== 32))
    return strict ? bail() : -1;
  return k;
}

function isItem(line: string, indent: number): boolean {
  return line.charCodeAt(indent) === 45 /* - */ && (line.length === indent + 1 || line.charCodeAt(indent + 1) === 32);
}

function isBlank(line: string): boolean {
  for (let k = 0; k < line.length; k++) if (line.charCodeAt(k) !== 32) return false;
  return true;
}

function isTrailingBlank(text: string, from: number): boolean {
  let k = from;
  while (k < text.length && text.charCodeAt(k) === 32) k++;
  if (k === text.length) return true;
  return text.charCodeAt(k) === 35 && k > from; // " # comment"
}

/** A quoted scalar starting at `start`; returns its value and the index after the closing quote. */
function quoted(text: string, start: number): [string, number] {
  const q = text[start]!;
  let out = '';
  let k = start + 1;
  if (q === "'") {
    for (;;) {
      const end = text.indexOf("'", k);
      if (end < 0) bail();
      out += text.slice(k, end);
      if (text[end + 1] === "'") {
        out += "'";
        k = end + 2;
      } else return [out, end + 1];
    }
  }
  for (;;) {
    const quote = text.indexOf('"', k);
    if (quote < 0) bail(); // closes on a later line: multi-line folding rules
    const backslash = text.indexOf('\\', k);
    const stop = backslash >= 0 && backslash < quote ? backslash : quote;
    out += text.slice(k, stop);
    if (text[stop] === '"') return [out, stop + 1];
    const e = text[stop + 1];
    k = stop + 2;
    switch (e) {
      case '\\':
        out += '\\';
        break;
      case '"':
        out += '"';
        break;
      case '/':
        out += '/';
        break;
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'u': {
        const hex = text.slice(k, k + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) bail();
        out += String.fromCharCode(parseInt(hex, 16));
        k += 4;
        break;
      }
      default:
        bail();
    }
  }
}

/** `[a, "b", 'c']` on one line. */
function flowSequence(text: string): unknown[] {
  const out: unknown[] = [];
  let k = 1;
  const skip = () => {
    while (text.charCodeAt(k) === 32) k++;
  };
  for (;;) {
    skip();
    if (k >= text.length) bail();
    const c = text[k]!;
    if (c === ']') {
      k++;
      break;
    }
    if (c === '"' || c === "'") {
      const [value, end] = quoted(text, k);
      out.push(value);
      k = end;
    } else {
      let end = k;
      while (end < text.length && !',]['.includes(text[end]!)) end++;
      const raw = text.slice(k, end).trimEnd();
      if (raw === '' || /[{}:]|\s#/.test(raw)) bail();
      out.push(plain(raw));
      k = end;
    }
    skip();
    if (text[k] === ',') {
      k++;
      continue;
    }
    if (text[k] === ']') {
      k++;
      break;
    }
    bail();
  }
  if (!isTrailingBlank(text, k)) bail();
  return out;
}

/** A plain (unquoted) scalar, with the core schema's types: null, booleans, decimal integers. */
function plain(raw: string): unknown {
  let text = raw;
  // " #" or "\t#" starts a comment.
  let hash = text.indexOf('#');
  while (hash > 0 && text.charCodeAt(hash - 1) !== 32 && text.charCodeAt(hash - 1) !== 9)
    hash = text.indexOf('#', hash + 1);
  if (hash > 0) text = text.slice(0, hash);
  text = text.trimEnd();
  if (text === '') return null;
  const c = text.charCodeAt(0);
  // Indicators that would change the meaning: & * ! % @ ` { } [ ] , | > " ' #
  if (INDICATOR[c] === 1) bail();
  // "- x", "? x", ": x", with a space or a tab after the indicator (YAML separates by either).
  if (
    (c === 45 || c === 63 || c === 58) &&
    (text.length === 1 || text.charCodeAt(1) === 32 || text.charCodeAt(1) === 9)
  )
    bail();
  if (text.indexOf(': ') >= 0 || text.indexOf(':\t') >= 0 || text.charCodeAt(text.length - 1) === 58) bail();
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (/^[-+]?[0-9]+$/.test(text)) {
      if (text.length > 15) bail();
      return Number(text);
    }
    // Other numbers (floats, 0x, 0o, .inf, .nan) are left to the full parser; these are the core schema's own tests.
    if (FLOAT.test(text) || EXP.test(text) || SPECIAL_FLOAT.test(text) || /^0[ox][0-9a-fA-F]+$/.test(text)) bail();
    return text;
  }
  if (c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) {
    switch (text) {
      case '~':
      case 'null':
      case 'Null':
      case 'NULL':
        return null;
      case 'true':
      case 'True':
      case 'TRUE':
        return true;
      case 'false':
      case 'False':
      case 'FALSE':
        return false;
    }
  }
  return text;
}

const INDICATOR = new Uint8Array(128);
for (const ch of '&*!%@`{}[],|>"\'#') INDICATOR[ch.charCodeAt(0)] = 1;
