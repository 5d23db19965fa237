import * as nodeFs from 'node:fs';

/**
 * The file-system calls the store makes, as one object: tests replace single calls to throw the
 * faults a real machine throws (ENOSPC half-way through a write, a short write, EIO on fsync)
 * without needing a full disk. Production code always passes `realFs`.
 */
export type StoreFs = Pick<
  typeof nodeFs,
  | 'openSync'
  | 'closeSync'
  | 'readSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'fstatSync'
  | 'ftruncateSync'
  | 'renameSync'
  | 'rmSync'
  | 'unlinkSync'
  | 'mkdirSync'
  | 'readdirSync'
  | 'statSync'
  | 'lstatSync'
  | 'readFileSync'
  | 'linkSync'
>;

export const realFs: StoreFs = nodeFs;
