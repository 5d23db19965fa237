/**
 * Text placed in the report's HTML and SVG: the five characters that matter in markup are escaped, and
 * control characters (an escape sequence in a section title, say) are dropped — a page is not a terminal,
 * but nothing from a user file should reach it unfiltered.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
