/**
 * Asks /healthz every few milliseconds from its own process (so the load generator's event loop
 * does not colour the figures) and prints latency percentiles as JSON when told to stop.
 */
import { Agent, request } from 'node:http';

const [url, intervalArg] = process.argv.slice(2);
const interval = Number(intervalArg ?? 20);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const latencies: number[] = [];
let failures = 0;
let stopping = false;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(`${url}/healthz`, { agent }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === 200) latencies.push(performance.now() - started);
        else failures++;
        resolve();
      });
    });
    req.on('error', () => {
      failures++;
      resolve();
    });
    req.end();
  });
}

process.on('message', () => {
  stopping = true;
});
while (!stopping) {
  await once();
  await new Promise((resolve) => setTimeout(resolve, interval));
}
latencies.sort((a, b) => a - b);
const at = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
process.send!({ count: latencies.length, failures, p50: at(50), p99: at(99), max: at(100) }, () =>
  process.exit(0),
);
