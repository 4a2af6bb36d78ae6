import { describe, expect, it } from "vitest";
import {
  checkUrl,
  describeAddress,
  FetchError,
  forStrangers,
  isPublicAddress,
  resolveAllowed,
} from "@/lib/ingest/address";

function refusal(action: () => unknown): FetchError {
  try {
    action();
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error("expected a FetchError, but nothing was thrown");
}

describe("checkUrl", () => {
  it.each([
    ["ftp://example.com/feed.xml", /not ftp:/],
    ["file:///etc/passwd", /not file:/],
    ["javascript:alert(1)", /not javascript:/],
    ["https://user:secret@example.com/feed.xml", /user name or password/],
    ["not a url", /not a valid web address/],
  ])("refuses %s as invalid_url", (url, message) => {
    const error = refusal(() => checkUrl(url));
    expect(error.code).toBe("invalid_url");
    expect(error.message).toMatch(message);
  });

  it.each([
    ["http://127.0.0.1/", "127.0.0.1", /loopback/],
    ["http://[::1]/", "::1", /loopback/],
    ["http://10.0.0.1/", "10.0.0.1", /private network/],
    ["http://172.16.0.1/", "172.16.0.1", /private network/],
    ["http://192.168.1.1/", "192.168.1.1", /private network/],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254", /metadata/],
    ["http://100.64.0.1/", "100.64.0.1", /carrier-grade NAT/],
    ["http://224.0.0.1/", "224.0.0.1", /multicast/],
    ["http://0.0.0.0/", "0.0.0.0", /unspecified/],
    ["http://[::]/", "::", /unspecified/],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1", /loopback/],
    ["http://[::ffff:7f00:1]/", "::ffff:7f00:1", /loopback/],
    ["http://0177.0.0.1/", "127.0.0.1", /loopback/],
    ["http://0x7f000001/", "127.0.0.1", /loopback/],
    ["http://2130706433/", "127.0.0.1", /loopback/],
    ["http://[fe80::1]/", "fe80::1", /link-local/],
    ["http://[fc00::1]/", "fc00::1", /private network/],
  ])("refuses %s as blocked_address", (url, ip, kind) => {
    const error = refusal(() => checkUrl(url));
    expect(error.code).toBe("blocked_address");
    expect(error.message).toContain(`refused: ${ip} is`);
    expect(error.message).toMatch(kind);
  });

  it("accepts public literal addresses and host names, and resolves relative Locations", () => {
    expect(checkUrl("https://8.8.8.8/feed").hostname).toBe("8.8.8.8");
    expect(checkUrl("http://[2606:4700:4700::1111]/").hostname).toBe("[2606:4700:4700::1111]");
    expect(checkUrl("https://feeds.example.com/show").href).toBe("https://feeds.example.com/show");
    expect(checkUrl("../other.xml", { base: new URL("https://a.example/x/y/feed") }).href).toBe(
      "https://a.example/x/other.xml",
    );
  });

  it("lets a caller's address rule allow what the default refuses", () => {
    expect(checkUrl("http://127.0.0.1:8080/", { isAllowedAddress: () => true }).port).toBe("8080");
  });
});

describe("resolveAllowed", () => {
  it("refuses localhost through a real lookup, naming the address it resolved to", async () => {
    const error = await resolveAllowed("localhost", 80).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe("blocked_address");
    expect((error as FetchError).message).toMatch(
      /^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address$/,
    );
  });

  it("refuses a host when any one of its addresses is private", async () => {
    const lookup = async () => ["8.8.8.8", "10.1.2.3"];
    await expect(resolveAllowed("mixed.example", 443, { lookup })).rejects.toMatchObject({
      code: "blocked_address",
      message: "refused: mixed.example resolves to 10.1.2.3, a private network address",
    });
  });

  it("returns the addresses when all are public", async () => {
    const lookup = async () => ["8.8.8.8", "2606:4700:4700::1111"];
    await expect(resolveAllowed("ok.example", 443, { lookup })).resolves.toEqual([
      "8.8.8.8",
      "2606:4700:4700::1111",
    ]);
  });
});

describe("isPublicAddress", () => {
  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])("accepts %s", (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it.each([
    "255.255.255.255",
    "192.0.2.10", // documentation
    "198.18.0.1", // benchmarking
    "240.0.0.1", // reserved
    "2001:db8::1", // documentation
    "64:ff9b::7f00:1", // NAT64 wrapping 127.0.0.1
    "2002:7f00:1::1", // 6to4 wrapping 127.0.0.1
    "2001::1", // teredo
    "::2", // unassigned, outside 2000::/3
    "ff02::1",
    "fe80::1%eth0",
    "not-an-ip",
  ])("refuses %s", (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it("describes the range a refused address is in", () => {
    expect(describeAddress("192.168.0.5")).toBe("a private network address");
    expect(describeAddress("::ffff:10.0.0.1")).toBe("a private network address");
  });
});

describe("forStrangers", () => {
  it("keeps what an internal host resolves to from anyone but the operator", () => {
    expect(forStrangers("refused: feeds.internal resolves to 10.0.0.5, a private address")).toBe(
      "refused: feeds.internal is not on the public internet",
    );
    expect(forStrangers("refused: 127.0.0.1 is a loopback address")).toBe(
      "refused: that address is not on the public internet",
    );
    expect(forStrangers("the server answered 404")).toBe("the server answered 404");
  });
});
