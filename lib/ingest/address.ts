import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

// Which URLs and addresses the ingest fetcher may reach. Feed URLs come from strangers, so a
// URL must never become a way to reach this server's own network (SSRF).

export type FetchErrorCode =
  | "invalid_url"
  | "blocked_address"
  | "too_many_redirects"
  | "timeout"
  | "too_large"
  | "http_error"
  | "rate_limited"
  | "bad_content_type"
  | "network";

// Lives here rather than in safe-fetch.ts so checkUrl can throw it without an import cycle;
// safe-fetch.ts re-exports it.
export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly details: { httpStatus?: number; retryAfterSeconds?: number; url?: string } = {},
  ) {
    super(message);
    this.name = "FetchError";
  }
}

export type AddressRule = (ip: string, port: number) => boolean;
export type HostLookup = (hostname: string) => Promise<string[]>;

// IPv6 global unicast is allocated from 2000::/3 only; anything outside it that ipaddr still
// calls "unicast" (e.g. ::2) is unassigned space, not the internet.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

/** True only for globally routable unicast addresses; anything unparsable is not public. */
export function isPublicAddress(ip: string): boolean {
  const address = parseAddress(ip);
  if (address?.range() !== "unicast") return false;
  return address.kind() === "ipv4" || address.match(GLOBAL_UNICAST_V6);
}

/** "a loopback address", for refusal messages a person can act on. */
export function describeAddress(ip: string): string {
  if (ip === "169.254.169.254") return "the cloud metadata address";
  const address = parseAddress(ip);
  if (!address) return "not an IP address";
  const range = address.range();
  const labels: Record<string, string> = {
    loopback: "a loopback address",
    private: "a private network address",
    uniqueLocal: "a private network address",
    linkLocal: "a link-local address",
    carrierGradeNat: "a carrier-grade NAT address",
    multicast: "a multicast address",
    broadcast: "the broadcast address",
    unspecified: "an unspecified address",
    reserved: "a reserved address",
  };
  if (labels[range]) return labels[range];
  // Public, yet refused: only a caller's own rule (a test's "internet") does that.
  if (isPublicAddress(ip)) return "an address outside the allowed set";
  return range === "unicast" ? "an unassigned address" : `a non-public address (${range})`;
}

/**
 * Parses a URL the fetcher may request: http(s) only, no credentials, and a literal IP host
 * must pass `isAllowedAddress` now, because Node skips the DNS lookup hook for IP hosts.
 */
export function checkUrl(
  raw: string,
  options: { base?: string | URL; isAllowedAddress?: AddressRule } = {},
): URL {
  let url: URL;
  try {
    url = new URL(raw, options.base);
  } catch {
    throw new FetchError("invalid_url", `"${truncate(raw)}" is not a valid web address`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError(
      "invalid_url",
      `only http and https addresses can be fetched, not ${url.protocol}`,
      { url: url.href },
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new FetchError(
      "invalid_url",
      "the address contains a user name or password; remove them and try again",
    );
  }
  const ip = literalIp(url);
  if (ip) assertAllowed(ip, ip, portOf(url), options.isAllowedAddress ?? isPublicAddress);
  return url;
}

/**
 * Resolves a host name and refuses it when *any* address is not allowed: a host that answers
 * with one public and one private address could otherwise be steered to the private one.
 */
export async function resolveAllowed(
  hostname: string,
  port: number,
  options: { lookup?: HostLookup; isAllowedAddress?: AddressRule } = {},
): Promise<string[]> {
  const lookup = options.lookup ?? lookupAll;
  const addresses = await lookup(hostname);
  if (addresses.length === 0) {
    throw new FetchError("network", `could not find ${hostname} in DNS`);
  }
  for (const ip of addresses) {
    assertAllowed(hostname, ip, port, options.isAllowedAddress ?? isPublicAddress);
  }
  return addresses;
}

export function portOf(url: URL): number {
  if (url.port !== "") return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

async function lookupAll(hostname: string): Promise<string[]> {
  try {
    const results = await dnsLookup(hostname, { all: true, order: "verbatim" });
    return results.map((result) => result.address);
  } catch {
    throw new FetchError("network", `could not find ${hostname} in DNS`);
  }
}

function assertAllowed(host: string, ip: string, port: number, isAllowed: AddressRule): void {
  if (isAllowed(ip, port)) return;
  const what = describeAddress(ip);
  const message =
    host === ip ? `refused: ${ip} is ${what}` : `refused: ${host} resolves to ${ip}, ${what}`;
  throw new FetchError("blocked_address", message);
}

function literalIp(url: URL): string | null {
  // URL keeps the brackets around IPv6 hosts and has already canonicalised odd IPv4 spellings.
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return isIP(host) === 0 ? null : host;
}

function parseAddress(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(ip)) return null;
  // process() unwraps IPv4-mapped IPv6 (::ffff:127.0.0.1) so the embedded IPv4 is judged.
  return ipaddr.process(ip);
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * A reason as shown to anyone but the operator: what a host name resolves to inside our network
 * is the operator's business, so "refused: feeds.internal resolves to 10.0.0.5, a private
 * address" becomes "refused: feeds.internal is not on the public internet".
 */
export function forStrangers(reason: string): string {
  return reason
    .replace(
      /refused: (\S+) resolves to [^,;]+, [^;]+/g,
      "refused: $1 is not on the public internet",
    )
    .replace(
      /refused: [0-9a-f.:[\]]+ is [^;]+/gi,
      "refused: that address is not on the public internet",
    );
}
