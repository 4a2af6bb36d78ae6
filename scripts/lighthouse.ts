// npm run lighthouse — Lighthouse scores of /feed, one insight page and the show, episode and topic
// pages it links to, mobile and desktop,
// served by `next start` over a throwaway embedded database with the demo catalog.
// Goals: performance ≥ 90 and accessibility ≥ 95 on every row. Run `npm run build` first.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Result } from "lighthouse";
import { freePort } from "./next-server";

const GOALS: Record<string, number> = { performance: 90, accessibility: 95 };
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const REPORT_DIR = "test-results/lighthouse";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
];

let server: ChildProcess | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
let dataDir: string | undefined;
let stopping: Promise<void> | undefined;
let reaper: ChildProcess | undefined;
const serverOutput: string[] = []; // shown only when the server fails to come up

async function main(): Promise<number> {
  const buildId = () =>
    existsSync(".next/BUILD_ID") ? readFileSync(".next/BUILD_ID", "utf8") : "";
  const build = buildId();
  if (!build) {
    console.error("lighthouse: no production build in .next: run `npm run build` first");
    return 1;
  }
  const port = await freePort();
  // Next rewrites 127.0.0.1 to localhost, so measure what the app itself links to.
  const baseUrl = `http://localhost:${port}`;
  dataDir = await mkdtemp(path.join(tmpdir(), "podbrief-lighthouse-"));
  server = startServer(port, path.join(dataDir, "pglite"));
  reapIfKilled(`${server.pid}`);
  console.info(`lighthouse: waiting for ${baseUrl} and the demo catalog…`);
  const insightPath = await waitForDemoFeed(baseUrl, server, 180_000).catch((error: Error) => {
    throw new Error(`${error.message}\n--- server output ---\n${serverOutput.join("")}`);
  });

  await mkdir(REPORT_DIR, { recursive: true });
  const userDataDir = path.join(dataDir, "chrome");
  await mkdir(userDataDir);
  chrome = await chromeLauncher.launch({
    chromePath: "/usr/bin/chromium",
    chromeFlags: CHROME_FLAGS,
    userDataDir, // removed with the database, once Chrome is gone
    handleSIGINT: false, // chrome-launcher's handler would exit before the server is stopped
  });
  reapIfKilled(`-${chrome.pid} ${server.pid}`); // chrome-launcher gives Chrome its own group
  if (stopping) chrome.kill(); // Ctrl-C came during the launch, after cleanUp looked for Chrome
  const rows: { page: string; form: string; scores: Record<string, number> }[] = [];
  const advice: string[] = [];
  const pages = await pagesToScore(baseUrl, insightPath);
  for (const [kind, page] of Object.entries(pages)) {
    for (const form of ["mobile", "desktop"]) {
      const lhr = await measure(`${baseUrl}${page}`, form, chrome.port);
      const name = `${kind}-${form}.json`;
      await writeFile(path.join(REPORT_DIR, name), JSON.stringify(lhr, null, 2));
      const scores = Object.fromEntries(
        CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
      );
      rows.push({ page, form, scores });
      advice.push(`${page} (${form}):`, ...whatToFix(lhr));
    }
  }

  const width = Math.max(...rows.map((row) => row.page.length));
  const header = CATEGORIES.map((c) => c.padStart(15)).join("");
  console.info(`\n${"page".padEnd(width)}  form     ${header}`);
  for (const { page, form, scores } of rows) {
    const cells = CATEGORIES.map((c) => String(scores[c]).padStart(15)).join("");
    console.info(`${page.padEnd(width)}  ${form.padEnd(7)}  ${cells}`);
  }
  console.info(`\nwhat costs points:\n${advice.join("\n")}`);
  console.info(
    `\nfull reports: ${REPORT_DIR}/*.json (drop one on googlechrome.github.io/lighthouse/viewer)`,
  );

  if (buildId() !== build) {
    // A rebuild mid-run makes the server answer 404/500 for assets: unstyled pages, bogus scores.
    console.error(
      "\nlighthouse: .next was rebuilt during the run: these scores are void, run again",
    );
    return 1;
  }
  const misses = rows.flatMap(({ page, form, scores }) =>
    Object.entries(GOALS)
      .filter(([category, goal]) => (scores[category] ?? 0) < goal)
      .map(([category, goal]) => `${page} (${form}) ${category} ${scores[category]} < ${goal}`),
  );
  if (misses.length > 0) {
    console.error(`\nlighthouse: goals missed:\n  ${misses.join("\n  ")}`);
    return 1;
  }
  console.info("\nlighthouse: every row meets performance ≥ 90 and accessibility ≥ 95");
  return 0;
}

/** One Lighthouse run; a second try only when Lighthouse itself failed (e.g. NO_NAVSTART). */
async function measure(url: string, form: string, port: number, retry = true): Promise<Result> {
  const flags = { port, logLevel: "error" as const, onlyCategories: CATEGORIES };
  const lhr = (await lighthouse(url, flags, form === "desktop" ? desktopConfig : undefined))?.lhr;
  if (lhr && !lhr.runtimeError) return lhr;
  if (retry) return measure(url, form, port, false);
  throw new Error(`${url} (${form}): ${lhr?.runtimeError?.message ?? "Lighthouse gave no result"}`);
}

function startServer(port: number, pgliteDir: string): ChildProcess {
  const args = ["node_modules/next/dist/bin/next", "start", "-p", String(port)];
  const child = spawn(process.execPath, args, {
    env: {
      // biome-ignore lint/style/noProcessEnv: the server inherits this shell (PATH, HOME), with our overrides
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "",
      PGLITE_DIR: pgliteDir,
      DEMO_CONTENT: "true",
      AUTH_SECRET: randomBytes(32).toString("hex"),
      CRON_SECRET: randomBytes(16).toString("hex"),
      APP_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => serverOutput.push(String(chunk)));
  child.stderr?.on("data", (chunk) => serverOutput.push(String(chunk)));
  return child;
}

/** /feed, the insight, and the show, episode and topic pages the insight's page links to. */
async function pagesToScore(baseUrl: string, insightPath: string): Promise<Record<string, string>> {
  const html = await (await fetch(`${baseUrl}${insightPath}`)).text();
  const first = (pattern: RegExp) => {
    const path = pattern.exec(html)?.[0];
    if (!path) throw new Error(`${insightPath} links to no ${pattern.source}`);
    return path;
  };
  return {
    feed: "/feed",
    insight: insightPath,
    show: first(/\/shows\/[0-9a-f-]{36}/),
    episode: first(/\/episodes\/[0-9a-f-]{36}/),
    topic: first(/\/topics\/[a-z0-9-]+/),
  };
}

/** Waits until the server is healthy and the demo catalog shows on /feed; the first insight's path. */
async function waitForDemoFeed(baseUrl: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      // Health first: /feed renders an empty list while migrations or the demo load still run.
      if ((await fetch(`${baseUrl}/api/health`)).ok) {
        const html = await (await fetch(`${baseUrl}/feed`)).text();
        const link = /<article[\s\S]*?href="(\/insights\/[0-9a-f-]{36})"/.exec(html)?.[1];
        if (link) return link;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`no demo insights on ${baseUrl}/feed within ${timeoutMs / 1000} s`);
}

/** Failed accessibility audits, and the performance metrics that lost points with likely causes. */
function whatToFix(lhr: Result): string[] {
  const audit = (id: string) => lhr.audits[id];
  const score = (id: string) => audit(id)?.score ?? 1; // null: informative or not applicable
  const shown = (id: string) => (audit(id)?.displayValue ? ` (${audit(id)?.displayValue})` : "");
  const line = (kind: string, id: string, extra = "") =>
    `  ${kind}  ${id}: ${audit(id)?.title}${shown(id)}${extra}`;
  const a11y = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && score(ref.id) < 1)
    .map((ref) => {
      const details = audit(ref.id)?.details as { items?: { node?: { selector?: string } }[] };
      const nodes = (details?.items ?? []).flatMap((item) => item.node?.selector ?? []);
      return line("a11y", ref.id, nodes.length ? ` at ${nodes.slice(0, 3).join(" | ")}` : "");
    });
  const refs = lhr.categories.performance?.auditRefs ?? [];
  const metrics = refs
    .filter((ref) => ref.weight * (1 - score(ref.id)) >= 0.5) // less is rounding noise
    .map((ref) => line("perf", ref.id, `, −${(ref.weight * (1 - score(ref.id))).toFixed(1)} pts`));
  // Insights weigh nothing in the score but estimate what each fix would save on the metrics.
  const savings = (id: string) =>
    Object.values(audit(id)?.metricSavings ?? {}).reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
  const causes = refs
    .filter((ref) => metrics.length && !ref.weight && score(ref.id) < 0.9 && savings(ref.id) > 0)
    .sort((a, b) => savings(b.id) - savings(a.id))
    .slice(0, 3)
    .map((ref) => line("  fix", ref.id));
  const all = [...a11y, ...metrics, ...causes];
  return all.length > 0 ? all : ["  nothing"];
}

/**
 * tsx SIGKILLs a child that does not acknowledge Ctrl-C within ~60 ms, which a busy Lighthouse
 * run cannot: a detached shell then stops what we started once this process is gone.
 */
function reapIfKilled(pids: string) {
  reaper?.kill("SIGKILL");
  const then = `kill -9 ${pids}; sleep 1; rm -rf '${dataDir}'`;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${then}`;
  reaper = spawn("sh", ["-c", script], { detached: true, stdio: "ignore" });
  reaper.unref();
}

// Ctrl-C reaches both the signal handler and main's finally: stop once, not twice in parallel.
function cleanUp(): Promise<void> {
  stopping ??= (async () => {
    chrome?.kill();
    const child = server;
    if (child && child.exitCode === null) {
      await new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      });
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    reaper?.kill("SIGKILL"); // last: it covers for us if tsx kills us during this cleanup
  })();
  return stopping;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // on, not once: Ctrl-C reaches us from the terminal and again relayed by tsx.
  process.on(signal, () => {
    if (!stopping) console.error(`lighthouse: ${signal}, stopping the server and Chrome`);
    void cleanUp().finally(() => process.exit(130));
  });
}

try {
  process.exitCode = await main();
} catch (error) {
  // After Ctrl-C the dying server makes main throw too; that error is noise.
  if (!stopping) console.error(`lighthouse: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
