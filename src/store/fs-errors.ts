import { basename, dirname } from 'node:path';
import { failure, PitchError, usageError } from '../core/errors.js';

/** The errno code of a system error, or undefined. */
export function errnoOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Thrown by the store's own checks when a write did not put every byte on disk (a short write). */
export class ShortWriteError extends Error {
  readonly code = 'ENOSPC';
  constructor(file: string, wrote: number, wanted: number) {
    super(`short write to ${basename(file)}: ${wrote} of ${wanted} bytes`);
  }
}

/**
 * A file-system failure of the store as one sentence for the user. Writes say that nothing was
 * changed (the store only ever replaces or appends whole, checked units). Faults of the machine (a
 * full disk, an I/O error) are failures (exit 1); faults of the place the user chose for their data (a
 * read-only or forbidden folder, a symlink loop, a name too long) are usage errors (exit 2): changing
 * PITCH_HOME or the folder's rights fixes them.
 */
export function storeFsError(error: unknown, file: string, action: 'read' | 'write'): PitchError {
  if (error instanceof PitchError) return error;
  const dir = dirname(file);
  switch (errnoOf(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return failure('store.diskFull', { file }, 'store.diskFullHint', { dir });
    case 'EROFS':
      return usageError('store.readOnly', { dir }, 'store.homeHint');
    case 'EACCES':
    case 'EPERM':
      return usageError(
        action === 'read' ? 'store.unreadable' : 'store.noPermission',
        { file },
        'store.permissionsHint',
      );
    case 'ELOOP':
      return usageError('store.symlinkLoop', { file }, 'store.homeHint');
    case 'ENAMETOOLONG':
      return usageError('store.nameTooLong', { file }, 'store.homeHint');
    case 'ENOTDIR':
      return usageError('store.notDirectory', { file }, 'store.homeHint');
    default: {
      const reason = errnoOf(error) ?? (error instanceof Error ? error.message : String(error));
      return action === 'read'
        ? failure('store.readFailed', { file, reason }, 'store.permissionsHint')
        : failure('store.writeFailed', { file, reason }, 'store.writeFailedHint');
    }
  }
}
