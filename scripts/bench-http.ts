// npm run bench:http — do the pages hold a crowd? Starts `next start` (from the existing build:
// it builds nothing) on the bench catalog that bench:feed seeds (100k insights, 10k readers),
// signs a bench reader in with a database session, and loads each path at 50 connections for
// 15 s with autocannon: the health route (the floor: the proxy, one trivial handler), the landing
// page, the feed signed out and signed in, an insight page, and a page with next to nothing on it
// rendered per request (what no per-request page can beat), and the JSON API's feed with a reader
// token (its p95 measured apart, at 10 connections, see ./bench/latency). Prints req/s, p50, p99, errors,
// each path's req/s as a share of the floor's, and the server's memory before and after. The
// server runs with the Node options `npm start` gives it (a bounded heap).
// Goals (issue 13): the public pages ≥ 50% of the floor and p99 ≤ 250 ms; the signed-in feed
// ≥ 100 req/s and p99 ≤ 600 ms; memory after ≤ 1.5× before. Issue 15: GET /api/v1/insights
// p95 ≤ 50 ms. Always exits 0: it is a measurement.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { measureLatency } from "./bench/latency";
import { printVerdicts } from "./bench/report";
import { openBenchCatalog } from "./bench-catalog";
import { runCli } from "./cli";
import { freePort, startNodeOptions, stopServer, waitForHealth } from "./next-server";

const GOAL = {
  publicShare: 0.5,
  publicP99: 250,
  readerRps: 100,
  readerP99: 600,
  memory: 1.5,
  apiP95: 50,
};

const { values: args } = parseArgs({
  options: {
    connections: { type: "string", default: "50" },
    seconds: { type: "string", default: "15" },
    reseed: { type: "boolean", default: false },
  },
});
const CONNECTIONS = Number(args.connections);
const SECONDS = Number(args.seconds);

type Load = { rps: number; p50: number; p99: number; errors: number; non2xx: number };
type Result = Load & { label: string; rss: number };
type BenchPath = { label: string; path: string; headers?: Record<string, string> };

await runCli(async () => {
  if (!existsSync(".next/BUILD_ID")) {
    throw new Error("bench:http serves the existing build: run `npm run build` first");
  }
  const { db } = await openBenchCatalog({ script: "bench:http", reseed: args.reseed });
  const { env } = await import("@/lib/env");
  const { pick, token } = await signInBenchReader(db);
  const { createApiToken } = await import("@/lib/api-tokens");
  const api = await createApiToken({ userId: pick.userId, name: "bench:http" });
  const bearer = { authorization: `Bearer ${api.secret}` };
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const server = startServer(base, port, env);
  try {
    await waitForHealth(base, server, 90_000);
    const cookie = `authjs.session-token=${token}`;
    const paths: BenchPath[] = [
      { label: "/api/health (floor)", path: "/api/health" },
      { label: "/", path: "/" },
      { label: "/feed signed out", path: "/feed" },
      { label: "/feed signed in", path: "/feed", headers: { cookie } },
      { label: "/insights/<id>", path: `/insights/${pick.insightId}` },
      // The ceiling for any page rendered per request: one with next to nothing on it.
      { label: "rendered floor", path: "/signin/check-email" },
      { label: "/api/v1/insights", path: "/api/v1/insights", headers: bearer },
    ];
    await firstRequests(base, paths);
    const before = rssMb(server);
    const results: Result[] = [];
    for (const { label, path, headers } of paths) {
      const load = await loadPath(`${base}${path}`, headers);
      results.push({ label, ...load, rss: rssMb(server) });
      console.info(`  ${label}: ${load.rps.toFixed(1)} req/s`);
    }
    const after = rssMb(server);
    // One program calling at a time (a reader's script or assistant), then ten at once.
    const apiLatency = [];
    for (const connections of [1, 10]) {
      const latency = await measureLatency({
        url: `${base}/api/v1/insights`,
        headers: bearer,
        connections,
        seconds: SECONDS,
      });
      apiLatency.push({ connections, ...latency });
    }
    const database = new URL(env.DATABASE_URL ?? "").pathname.slice(1);
    printResults(results, { before, after, database });
    for (const run of apiLatency) {
      console.info(
        `GET /api/v1/insights at ${run.connections} connection(s): ${run.requests} requests, ${run.failed} failed, p50 ${run.p50} ms, p95 ${run.p95} ms, p99 ${run.p99} ms`,
      );
    }
    printVerdicts(
      apiLatency.map((run) => [
        run.p95 <= GOAL.apiP95 && run.failed === 0,
        `/api/v1/insights at ${run.connections} connection(s): p95 ${run.p95} ms (goal ≤ ${GOAL.apiP95})`,
      ]),
    );
  } finally {
    await stopServer(server);
    await db.execute(sql`delete from sessions where session_token = ${token}`);
    await db.execute(sql`delete from api_tokens where id = ${api.token.id}`);
    await db.execute(sql`delete from rate_limits where key = ${`api:${api.token.id}`}`);
  }
});

/**
 * A reader who follows topics and shows, signed in the way Auth.js signs in: a session row and
 * its cookie's token (the caller removes the row at the end); and an insight to load.
 */
async function signInBenchReader(
  db: Db,
): Promise<{ pick: { userId: string; insightId: string }; token: string }> {
  const { rowsOf } = await import("@/db/client");
  const [pick] = rowsOf<{ userId: string; insightId: string }>(
    await db.execute(sql`select p.user_id as "userId",
        (select id from insights order by created_at desc limit 1 offset 50) as "insightId"
      from profiles p where cardinality(p.followed_topics) > 0 order by p.user_id limit 1`),
  );
  if (!pick) throw new Error("the bench database has no readers");
  const token = `bench-http-${randomBytes(16).toString("hex")}`;
  await db.execute(sql`insert into sessions (session_token, user_id, expires)
                       values (${token}, ${pick.userId}, now() + interval '1 day')`);
  return { pick, token };
}

/** `next start` on the bench database, with the Node options `npm start` gives it. */
function startServer(
  base: string,
  port: number,
  env: { DATABASE_URL?: string; AUTH_SECRET?: string },
): ChildProcess {
  return spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: {
      // biome-ignore lint/style/noProcessEnv: the server inherits this shell (PATH, HOME), with our overrides
      ...process.env,
      NODE_ENV: "production",
      NODE_OPTIONS: startNodeOptions(),
      DATABASE_URL: env.DATABASE_URL,
      APP_URL: base,
      AUTH_SECRET: env.AUTH_SECRET ?? randomBytes(32).toString("hex"),
      DEMO_CONTENT: "false",
      NEXT_TELEMETRY_DISABLED: "1",
      // The API's per-token limit would answer the load with 429s: measure the API, not the limit.
      API_REQUESTS_PER_MINUTE: "1000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/**
 * One request each first: the signed-in feed must be the reader's, and a cached page's first
 * render is not what a crowd gets.
 */
async function firstRequests(base: string, paths: BenchPath[]): Promise<void> {
  for (const { path, headers } of paths) {
    const response = await fetch(`${base}${path}`, { headers, redirect: "manual" });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    if (headers?.cookie && !text.includes("Your feed")) {
      throw new Error("the bench reader is not signed in: /feed did not show their feed");
    }
  }
}

function printResults(
  results: Result[],
  { before, after, database }: { before: number; after: number; database: string },
): void {
  const floor = results[0]?.rps ?? 1;
  console.info(`\n${CONNECTIONS} connections, ${SECONDS} s per path, next start on ${database}`);
  console.info(
    `${"path".padEnd(22)}${"req/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"errors".padStart(8)}${"non-2xx".padStart(9)}${"÷ floor".padStart(9)}${"RSS after".padStart(10)}`,
  );
  for (const r of results) {
    console.info(
      `${r.label.padEnd(22)}${r.rps.toFixed(1).padStart(9)}${String(r.p50).padStart(9)}${String(r.p99).padStart(9)}${String(r.errors).padStart(8)}${String(r.non2xx).padStart(9)}${`${((100 * r.rps) / floor).toFixed(0)}%`.padStart(9)}${`${r.rss} MB`.padStart(10)}`,
    );
  }
  console.info(`server memory (RSS): ${before} MB before, ${after} MB after\n`);
  const goals: [boolean, string][] = results
    .filter((r) => ["/", "/feed signed out", "/insights/<id>"].includes(r.label))
    .map((r) => {
      const share = r.rps / floor;
      return [
        share >= GOAL.publicShare && r.p99 <= GOAL.publicP99 && r.errors + r.non2xx === 0,
        `${r.label}: ${(100 * share).toFixed(0)}% of the floor (goal ≥ ${100 * GOAL.publicShare}%), p99 ${r.p99} ms (goal ≤ ${GOAL.publicP99})`,
      ];
    });
  const reader = results.find((r) => r.label === "/feed signed in");
  if (reader) {
    goals.push([
      reader.rps >= GOAL.readerRps &&
        reader.p99 <= GOAL.readerP99 &&
        reader.errors + reader.non2xx === 0,
      `/feed signed in: ${reader.rps.toFixed(1)} req/s (goal ≥ ${GOAL.readerRps}), p99 ${reader.p99} ms (goal ≤ ${GOAL.readerP99})`,
    ]);
  }
  goals.push([
    after <= GOAL.memory * before,
    `memory after ${after} MB = ${(after / before).toFixed(2)}× before (goal ≤ ${GOAL.memory}×)`,
  ]);
  printVerdicts(goals);
}

async function loadPath(url: string, headers?: Record<string, string>): Promise<Load> {
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: SECONDS,
  }); // a redirect (to /onboarding, to sign-in) is not followed: it counts as non-2xx
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** The server's resident memory in MB, from /proc (Linux, like the machines this runs on). */
function rssMb(server: ChildProcess): number {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}
