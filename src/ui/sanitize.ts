/**
 * Text from user files (pitch Markdown, question packs, file names) goes through here before it reaches
 * the terminal: escape sequences (CSI, OSC — hyperlinks, clipboard writes, titles —, DCS, APC, PM, SOS),
 * C0/C1 control characters (BEL, backspace, carriage return…) and bidi overrides are removed.
 * Newlines and tabs are kept (tabs become spaces); our own renderer adds colour afterwards.
 */
// eslint-disable-next-line no-control-regex
const ESCAPES =
  /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][\s\S]*?(?:\x07|\x1b\\|$)|[PX^_][\s\S]*?(?:\x1b\\|$)|[@-Z\\-_]|$)|[\x9b][0-?]*[ -/]*[@-~]|[\x9d\x90\x98\x9e\x9f][\s\S]*?(?:\x9c|\x07|$)/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export function sanitize(text: string): string {
  return text.replace(ESCAPES, '').replace(/\t/g, '  ').replace(CONTROLS, '');
}

/** For one-line contexts (titles, file names): also turns newlines into spaces. */
export function sanitizeLine(text: string): string {
  return sanitize(text).replace(/\n+/g, ' ');
}

/** Message parameters quoting user data (file names, pack values, parser messages), each made one clean line. */
export function sanitizeParams<T extends Record<string, string | number>>(params: T): T {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) out[key] = typeof value === 'string' ? sanitizeLine(value) : value;
  return out as T;
}

// eslint-disable-next-line no-control-regex
const COLOUR = /^\x1b\[[0-9;]*m$/;
// Every C0 but ESC (kept for the colours left), newline and tab; C1 (a lone C1 character is cut alone, not with
// what follows, so a stray one cannot swallow the rest of a message); bidi overrides and isolates.
// eslint-disable-next-line no-control-regex
const OTHER_CONTROLS = /[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
// ESC (the only start of NOT_COLOUR) and every character OTHER_CONTROLS removes.
// eslint-disable-next-line no-control-regex
const ANY_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const NOT_COLOUR =
  /\x1b\[[0-9;]*m|\x1b(?:\[[0-?]*[ -/]*[@-~]|\][\s\S]*?(?:\x07|\x1b\\|$)|[PX^_][\s\S]*?(?:\x1b\\|$)|[@-Z\\-_]|$)/g;

/**
 * The last guard before stdout/stderr for printed text (not the live screen): our renderers only add SGR
 * colours there, so anything else that looks like a terminal command is a user string someone forgot to
 * sanitize — it goes, whatever it is (clipboard writes, titles, screen clears, C1, bidi overrides).
 */
export function keepColoursOnly(text: string): string {
  // Most printed text (JSON nearly always) holds no control character: one scan instead of three passes.
  if (!ANY_CONTROL.test(text)) return text;
  return text
    .replace(NOT_COLOUR, (seq) => (COLOUR.test(seq) ? seq : ''))
    .replace(/\x1b(?!\[[0-9;]*m)/g, '')
    .replace(OTHER_CONTROLS, '');
}
