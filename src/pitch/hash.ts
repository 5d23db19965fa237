import { createHash } from 'node:crypto';

/** A short, stable fingerprint of a text: 16 hex digits of its SHA-256 (line endings and a BOM ignored). */
export function contentHash(text: string): string {
  return createHash('sha256')
    .update(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), 'utf8')
    .digest('hex')
    .slice(0, 16);
}
