// Politeness towards podcast hosts: this process sends one request at a time to a host. Every
// ingest download takes its host's turn (fetch-document.ts), so feed checks running side by side,
// a transcript download and two runs in one process still queue per host.

// Hosts with a request in flight, each with the requests waiting for it, first come first served.
const hosts = new Map<string, (() => void)[]>();

/** The host a politeness turn is for: the host name, whatever the port. */
export function hostOf(url: string | URL): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return "";
  }
}

/** Whether a request to `host` is in flight in this process. */
export function hostBusy(host: string): boolean {
  return hosts.has(host);
}

/**
 * Waits for `host`'s turn and resolves with the function that ends it. An abort while waiting
 * leaves the queue and rejects with the signal's reason.
 */
export function takeTurn(host: string, signal?: AbortSignal): Promise<() => void> {
  signal?.throwIfAborted();
  const waiting = hosts.get(host);
  if (!waiting) {
    hosts.set(host, []);
    return Promise.resolve(endTurn(host));
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      waiting.splice(waiting.indexOf(waiter), 1);
      reject(signal?.reason);
    };
    const waiter = () => {
      signal?.removeEventListener("abort", onAbort);
      resolve(endTurn(host));
    };
    waiting.push(waiter);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function endTurn(host: string): () => void {
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    const next = hosts.get(host)?.shift();
    if (next) next();
    else hosts.delete(host);
  };
}
