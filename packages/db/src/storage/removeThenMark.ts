// Expiry of stored files (exports, log archives) in one order: the file is
// deleted from the store first, and only once that succeeded is its row
// marked (or deleted). A delete that fails (storage unreachable, permission
// missing) leaves the row as it was, so the next maintenance run finds it
// again and nothing is orphaned: no row says "gone" for a file still stored,
// and no stored file is left without a row pointing at it. Deleting a file
// that is already missing succeeds (FileStore.remove), so a run that stopped
// between the two steps completes on the next one.

export interface RemoveThenMarkResult<T> {
  /** Items whose files are gone and whose rows `mark` changed. */
  marked: T[];
  /** Items whose files could not be deleted: their rows are untouched, retried next run. */
  failed: { item: T; err: unknown }[];
}

/**
 * For each item in turn: `removeFiles`, then `mark` (true when it changed the
 * row; false when the row no longer qualified, e.g. it was renewed meanwhile).
 * A `mark` that throws (Postgres) stops the run: its file is already gone,
 * and the next run deletes nothing more and marks it.
 */
export async function removeThenMark<T>(
  items: readonly T[],
  removeFiles: (item: T) => Promise<void>,
  mark: (item: T) => Promise<boolean>,
): Promise<RemoveThenMarkResult<T>> {
  const result: RemoveThenMarkResult<T> = { marked: [], failed: [] };
  for (const item of items) {
    try {
      await removeFiles(item);
    } catch (err) {
      result.failed.push({ item, err });
      continue;
    }
    if (await mark(item)) result.marked.push(item);
  }
  return result;
}
