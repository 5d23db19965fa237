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
