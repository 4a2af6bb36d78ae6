// The fake Resend server of bench:brief, in a process of its own (forked by scripts/bench/
// brief-provider.ts), as the real provider is elsewhere: parsing and keeping 10,000 emails is not
// counted in the bench's time, CPU and garbage collection. It reports what it saw since the last
// report, and changes its rate limit when asked. Its argument: the calls a second it allows.
import { startFakeResend } from "../../tests/support/fake-resend";

export type FakeReport = Record<"emails" | "recipients" | "calls" | "rejected" | "busiest", number>;

const fake = await startFakeResend({ callsPerSecond: Number(process.argv[2]) });
process.send?.({ url: fake.url });
let seen = { emails: 0, calls: 0 };
process.on("message", (message: { limit?: number | null }) => {
  if (message && typeof message === "object" && "limit" in message) {
    fake.limitTo(message.limit ?? Number.POSITIVE_INFINITY);
    process.send?.("ok");
    return;
  }
  const emails = fake.emails.slice(seen.emails);
  const calls = fake.calls.slice(seen.calls);
  seen = { emails: fake.emails.length, calls: fake.calls.length };
  const report: FakeReport = {
    emails: emails.length,
    recipients: new Set(emails.flatMap((e) => e.to)).size,
    calls: calls.length,
    rejected: calls.filter((c) => c.status === 429).length,
    // As fake.busiestSecond(), over these calls only.
    busiest: Math.max(
      0,
      ...calls.map((c) => calls.filter((d) => d.at - c.at < 1000 && d.at >= c.at).length),
    ),
  };
  process.send?.(report);
});
// The parent gone (done, or killed), the server goes too.
process.on("disconnect", () => process.exit(0));
