// bench:brief's side of the fake provider (scripts/bench/fake-resend-process.ts): start it, set
// its rate limit, ask what it saw.
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import type { FakeReport } from "./fake-resend-process";

export type { FakeReport };

/** Forks the fake, allowing `callsPerSecond`; resolves with the process and its URL. */
export async function startFakeProvider(
  callsPerSecond: number,
): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(new URL("./fake-resend-process.ts", import.meta.url).pathname, [
    String(callsPerSecond),
  ]);
  const [{ url }] = (await once(child, "message")) as [{ url: string }];
  return { child, url };
}

/** Sets the fake's rate limit (null: none). */
export async function setFakeLimit(child: ChildProcess, limit: number | null): Promise<void> {
  child.send({ limit });
  await once(child, "message");
}

export async function fakeReport(child: ChildProcess): Promise<FakeReport> {
  child.send("report");
  const [report] = (await once(child, "message")) as [FakeReport];
  return report;
}
