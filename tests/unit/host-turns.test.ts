import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostBusy, takeTurn } from "@/lib/ingest/host-turns";
import { type SafeFetchOptions, safeFetch } from "@/lib/ingest/safe-fetch";

// One request at a time per host: the turns themselves, and safeFetch holding them across a
// redirect. Two loopback addresses are two hosts (all of 127.0.0.0/8 is loopback on Linux).

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';
const FROM = "127.0.0.5";
const TO = "127.0.0.6";
const servers: Server[] = [];
const hits = { [FROM]: 0, [TO]: 0 };
let origin = { [FROM]: "", [TO]: "" };

beforeAll(async () => {
  const origins: string[] = [];
  for (const host of [FROM, TO]) {
    const server = createServer((req, res) => {
      hits[host as keyof typeof hits]++;
      if (req.url === "/go") res.writeHead(302, { location: `${origin[TO]}/feed` }).end();
      else res.writeHead(200, { "content-type": "application/rss+xml" }).end(FEED);
    });
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    servers.push(server);
    origins.push(`http://${host}:${(server.address() as AddressInfo).port}`);
  }
  origin = { [FROM]: origins[0] ?? "", [TO]: origins[1] ?? "" };
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const options: SafeFetchOptions = {
  kind: "feed",
  userAgent: "test",
  allowPrivateNetwork: true,
  takeTurn,
};

describe("takeTurn", () => {
  it("gives a host to one caller at a time, first come first served, without holding up others", async () => {
    const order: string[] = [];
    const first = await takeTurn("a.test");
    const second = takeTurn("a.test").then((end) => {
      order.push("second");
      return end;
    });
    const third = takeTurn("a.test").then((end) => {
      order.push("third");
      return end;
    });
    const other = await takeTurn("b.test"); // another host: no wait
    await sleep(10);
    expect(order).toEqual([]);

    first();
    first(); // ending a turn twice does not hand out two
    (await second)();
    (await third)();
    other();

    expect(order).toEqual(["second", "third"]);
    expect(hostBusy("a.test") || hostBusy("b.test")).toBe(false);
  });

  it("lets a caller stop waiting, and the turn goes to the next one", async () => {
    const first = await takeTurn("c.test");
    const quitter = new AbortController();
    const waiting = takeTurn("c.test", quitter.signal);
    const next = takeTurn("c.test");
    quitter.abort(new Error("out of time"));
    await expect(waiting).rejects.toThrow("out of time");

    first();
    (await next)();
    expect(hostBusy("c.test")).toBe(false);
  });
});

describe("safeFetch with host turns", () => {
  it("follows a redirect to another host only when that host is free, giving up the first", async () => {
    const toHost = await takeTurn(TO);
    const before = { ...hits };
    const fetching = safeFetch(`${origin[FROM]}/go`, options);
    await sleep(200);

    expect(hits[FROM] - before[FROM]).toBe(1);
    expect(hits[TO] - before[TO]).toBe(0); // waiting for its turn, not asking
    expect(hostBusy(FROM)).toBe(false);

    toHost();
    const result = await fetching;
    expect(result.status === "ok" && result.body).toBe(FEED);
    expect(hits[TO] - before[TO]).toBe(1);
    expect(hostBusy(FROM) || hostBusy(TO)).toBe(false);
  });

  it("does not count the wait for a busy host against the fetch's timeout", async () => {
    const held = await takeTurn(TO);
    const fetching = safeFetch(`${origin[TO]}/feed`, { ...options, timeoutMs: 200 });
    await sleep(400);
    held();
    const result = await fetching;
    expect(result.status).toBe("ok");
  });
});
