// Latency percentiles of one address under a steady load: `connections` clients, each sending
// its next request when the last one is answered, for `seconds`. autocannon reports p97.5 and
// p99 but no p95, which the API's goal is stated in.
import { quantile } from "./report";

export type Latency = { requests: number; failed: number; p50: number; p95: number; p99: number };

export async function measureLatency({
  url,
  headers,
  connections,
  seconds,
}: {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}): Promise<Latency> {
  const until = performance.now() + seconds * 1000;
  const times: number[] = [];
  let failed = 0;
  const client = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const response = await fetch(url, { headers }).catch(() => null);
      await response?.arrayBuffer();
      if (response?.status === 200) times.push(performance.now() - started);
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(quantile(times, q));
  return { requests: times.length + failed, failed, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
