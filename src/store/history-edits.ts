import type { Attempt } from '../rehearsal/types.js';
import { historySpec } from './documents.js';
import type { Store } from './store.js';

/**
 * The edits a user makes to rehearsal history, as store operations: commands never splice the document
 * themselves, so the storage format (a JSON document today) can carry each as one change of its own.
 * Records are never stored: they are recomputed from what remains (rehearsal/records.ts).
 */

/** Saves a new rehearsal; returns every rehearsal after it (for the summary's records). */
export function appendRehearsal(store: Store, attempt: Attempt): Attempt[] {
  return store.update(historySpec, (doc) => {
    doc.rehearsals.push(attempt);
    return doc.rehearsals;
  });
}

/** Removes one rehearsal by id; returns it, or null when no rehearsal has that id. */
export function deleteRehearsal(store: Store, id: string): Attempt | null {
  return store.update(historySpec, (doc) => {
    const index = doc.rehearsals.findIndex((a) => a.id === id);
    if (index < 0) return null;
    return doc.rehearsals.splice(index, 1)[0]!;
  });
}

/** The user kept an implausibly fast run as a record: it counts from now on (its reasons stay on file). */
export function confirmRehearsal(store: Store, id: string): Attempt | null {
  return store.update(historySpec, (doc) => {
    const attempt = doc.rehearsals.find((a) => a.id === id);
    if (!attempt) return null;
    attempt.suspect = false;
    attempt.confirmedFast = true;
    return attempt;
  });
}
