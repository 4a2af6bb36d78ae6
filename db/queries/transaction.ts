import "server-only";
import { type Db, getDb } from "../client";

/**
 * Runs `work` in one transaction: what it writes through `tx` commits together or not at all.
 * For lib code that joins several query functions (each takes the `tx` as its `db`).
 */
export async function inTransaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction((tx) => work(tx));
}
