import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../client";

// Rows of our own tables as work units, the one way every queue claims, leases and releases them:
// a unit is held while its `lease_until` is ahead, a claim takes due rows that no one holds and
// skips those another claim has locked, and (where the table counts them) every claim is an
// attempt. What is due is each queue's own `where`; how long, how many and how often is the
// caller's (lib/work/units.ts). Statements only: a caller may run them in its own transaction.

/** A table whose rows are work units, with the alias its queue's conditions are written against. */
export type WorkTable = {
  table: string;
  alias: string;
  /** The unit's key column. */
  key: string;
  /** Whether the table counts claims in `attempts`. */
  attempts: boolean;
};

const units = (table: string, alias: string, attempts: boolean, key = "id"): WorkTable => ({
  table,
  alias,
  key,
  attempts,
});

export const FEED_UNITS = units("podcasts", "f", false);
export const EPISODE_UNITS = units("episodes", "e", true);
export const BRIEF_UNITS = units("briefs", "b", true);
export const EXTRACTION_UNITS = units("extraction_cache", "x", false, "key");

/** The end of a lease of `seconds` taken at `at`. */
export function leaseEnd(at: Date, seconds: number): Date {
  return new Date(at.getTime() + seconds * 1000);
}

const stamp = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/** The unit's lease is free at `at`: never taken, given back, or run out. */
export function leaseFree(unit: WorkTable, at: Date): SQL {
  const a = sql.raw(unit.alias);
  return sql`(${a}.lease_until is null or ${a}.lease_until < ${stamp(at)})`;
}

export type Claim = {
  /** The moment leases are judged at. */
  at: Date;
  until: Date;
  limit: number;
  /** What makes a unit due, against the table's alias (and `join`'s). */
  where: SQL;
  order: SQL;
  /** Tables the conditions need beside the unit's own. */
  join?: SQL;
  /** Units claimed this often are left alone (tables that count attempts). */
  maxClaims?: number;
  /** Further columns picked with each unit (", u.email as email"), readable as `picked.<name>`. */
  carry?: SQL;
  /** What the claim returns; the unit's key by default. */
  returning?: SQL;
};

/**
 * Claims up to `limit` due units whose lease is free, until `until`, in one statement: concurrent
 * claims never get the same unit (rows locked by another claim are skipped), and a claimed unit
 * stays out until its lease ends. Counts the claim as an attempt where the table counts them.
 */
export async function claimUnits<Row = { key: string }>(
  db: Db,
  unit: WorkTable,
  claim: Claim,
): Promise<Row[]> {
  const a = sql.raw(unit.alias);
  const table = sql.raw(unit.table);
  const key = sql.raw(unit.key);
  const underMax =
    claim.maxClaims === undefined ? sql`` : sql`and ${a}.attempts < ${claim.maxClaims}`;
  return rowsOf<Row>(
    await db.execute(sql`
      with picked as (
        select ${a}.${key} ${claim.carry ?? sql``}
        from ${table} ${a} ${claim.join ?? sql``}
        where ${claim.where} and ${leaseFree(unit, claim.at)} ${underMax}
        order by ${claim.order}
        limit ${claim.limit}
        for update of ${a} skip locked
      )
      update ${table} ${a} set lease_until = ${stamp(claim.until)}${countAttempt(unit)}
      from picked where ${a}.${key} = picked.${key}
      returning ${claim.returning ?? sql`${a}.${key} as key`}`),
  );
}

/**
 * Sets a new lease on the units `where` picks, whoever held them: a claim taking over a unit whose
 * lease ran out, or a holder renewing its own (pass its lease in `where`). With `countAttempt`, a
 * takeover is an attempt. `set` changes the unit's state in the same statement. Returns the keys.
 */
export async function setLeases(
  db: Db,
  unit: WorkTable,
  { where, until, set, countAttempt: counted = false }: LeaseChange & { until: Date },
): Promise<string[]> {
  return changeLeases(db, unit, {
    where,
    set: sql`lease_until = ${stamp(until)}${counted ? countAttempt(unit) : sql``}${extra(set)}`,
  });
}

/**
 * Gives units back: free at once (or from `freeFrom`), and with `refundAttempt` the claim not
 * counted, for a claim that did no work through no fault of the unit's. Returns the keys.
 */
export async function releaseUnits(
  db: Db,
  unit: WorkTable,
  {
    where,
    set,
    freeFrom = null,
    refundAttempt = false,
  }: Omit<LeaseChange, "countAttempt"> & { freeFrom?: Date | null; refundAttempt?: boolean },
): Promise<string[]> {
  const a = sql.raw(unit.alias);
  const refund = refundAttempt ? sql`, attempts = greatest(${a}.attempts - 1, 0)` : sql``;
  const lease = freeFrom ? stamp(freeFrom) : sql`null`;
  return changeLeases(db, unit, { where, set: sql`lease_until = ${lease}${refund}${extra(set)}` });
}

type LeaseChange = {
  /** The units, against the table's alias. */
  where: SQL;
  /** Further columns set in the same statement ("status = 'sending'"). */
  set?: SQL;
  countAttempt?: boolean;
};

async function changeLeases(
  db: Db,
  unit: WorkTable,
  { where, set }: { where: SQL; set: SQL },
): Promise<string[]> {
  const a = sql.raw(unit.alias);
  const key = sql.raw(unit.key);
  const rows = rowsOf<{ key: string }>(
    await db.execute(sql`
      update ${sql.raw(unit.table)} ${a} set ${set}
      where ${where}
      returning ${a}.${key} as key`),
  );
  return rows.map((r) => r.key);
}

function countAttempt(unit: WorkTable): SQL {
  return unit.attempts ? sql`, attempts = ${sql.raw(unit.alias)}.attempts + 1` : sql``;
}

function extra(set: SQL | undefined): SQL {
  return set ? sql`, ${set}` : sql``;
}

/** `ids` as a list of uuids for `in (…)`. */
export function uuidList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}
