import { usageError } from '../core/errors.js';

/** Piped answers and batches larger than this are refused (a batch of a few thousand answers fits). */
export const MAX_STDIN_BYTES = 16 * 1024 * 1024;

/** Reads all of standard input as UTF-8 text, refusing more than `maxBytes`. */
export async function readStdinText(stdin: NodeJS.ReadableStream, maxBytes = MAX_STDIN_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxBytes) throw usageError('input.stdinTooLarge', { max: Math.round(maxBytes / 1024) });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
