import type { ClientRequest, IncomingMessage, RequestOptions } from "node:http";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { type AddressRule, FetchError, type HostLookup, portOf, resolveAllowed } from "./address";

// One hop of a safe fetch: a GET on its own connection whose every resolved address must pass
// the rules, with a time limit on connecting.

export type RequestSettings = {
  headers: Record<string, string>;
  connectTimeoutMs: number;
  lookup: HostLookup | undefined;
  isAllowedAddress: AddressRule;
};

export function send(
  url: URL,
  settings: RequestSettings,
  signal: AbortSignal,
): Promise<{ request: ClientRequest; response: IncomingMessage }> {
  return new Promise((resolve, reject) => {
    const options: RequestOptions = {
      method: "GET",
      headers: settings.headers,
      // No pooling: a pooled socket would skip the lookup hook, and the address rules may
      // differ between calls.
      agent: false,
      lookup: guardedLookup(portOf(url), settings),
      signal,
    };
    const request =
      url.protocol === "https:" ? httpsRequest(url, options) : httpRequest(url, options);
    const connectTimer = setTimeout(() => {
      const message = `could not connect to ${url.host} within ${formatSeconds(settings.connectTimeoutMs)}`;
      request.destroy(new FetchError("timeout", message, { url: url.href }));
    }, settings.connectTimeoutMs);
    request.on("socket", (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once("connect", () => clearTimeout(connectTimer));
    });
    request.on("response", (response) => {
      clearTimeout(connectTimer);
      // Errors after we stop reading (redirects, refusals) are expected; reads see them anyway.
      response.on("error", () => {});
      resolve({ request, response });
    });
    request.on("error", (error) => {
      clearTimeout(connectTimer);
      reject(explain(error, url, signal));
    });
    request.end();
  });
}

/** Node's `lookup` hook: every address a host resolves to must pass the rules. */
function guardedLookup(port: number, settings: RequestSettings): LookupFunction {
  return (hostname, options, callback) => {
    resolveAllowed(hostname, port, settings)
      .then((addresses) => {
        const wanted = familyNumber(options.family);
        const found = addresses
          .map((address) => ({ address, family: isIP(address) }))
          .filter((entry) => wanted === 0 || entry.family === wanted);
        const first = found[0];
        if (!first) throw new FetchError("network", `${hostname} has no IPv${wanted} address`);
        if (options.all) callback(null, found);
        else callback(null, first.address, first.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, "", 0));
  };
}

function familyNumber(family: number | string | undefined): number {
  if (family === "IPv4" || family === 4) return 4;
  if (family === "IPv6" || family === 6) return 6;
  return 0;
}

/** Turns whatever a socket or stream threw into a FetchError, keeping ours as they are. */
export function explain(error: unknown, url: URL, signal: AbortSignal): unknown {
  if (error instanceof FetchError) return error;
  if (signal.aborted) {
    // Our deadline carries a FetchError; a caller's own abort reason goes back to the caller.
    return signal.reason;
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code ? ` (${code})` : "";
  return new FetchError("network", `could not fetch from ${url.host}${reason}`, { url: url.href });
}

export function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
