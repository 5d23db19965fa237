/** A writable terminal-ish stream: process.stdout in real life, a buffer in tests. */
export interface OutStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}
