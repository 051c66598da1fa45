/**
 * The floor under the service's HTTP thread, for `npm run bench:load`: Node's own HTTP server
 * handing each `POST /v1/lint` body to the service's worker pool and lint worker (the same threads,
 * heap limits and result bytes), and nothing else: no Express, request id, log line, metrics,
 * headers, admission, timeouts or validation. What the HTTP thread spends per request here is
 * what any Node service that lints in worker threads spends; the service's figure minus this one
 * is what its own steps cost. Not a server to deploy: a body it cannot read gets a bare 400, a
 * failed lint a bare 500.
 *
 * It prints the service's listening line (with its port) so the bench starts it the same way.
 */
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { readSettings } from '../src/http/settings.js';
import { WorkerPool } from '../src/http/worker-pool.js';
import type { LintTaskOutcome } from '../src/http/lint-task.js';
import { fromRoot } from './shared.js';

const settings = readSettings();
const pool = new WorkerPool({
  module: pathToFileURL(fromRoot('dist/src/http/lint-worker.js')).href,
  threads: settings.workers,
  workerData: {},
  resourceLimits: {
    maxOldGenerationSizeMb: settings.workerMaxOldMb,
    maxYoungGenerationSizeMb: settings.workerYoungMb,
  },
});

/** In flight, for /readyz: the bench waits until nothing is running between phases. */
let running = 0;

const server = createServer((req, res) => {
  if (req.method === 'GET' && (req.url === '/readyz' || req.url === '/healthz')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ready', load: { running, queued: 0 } }));
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let text: string;
    try {
      ({ text } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string });
    } catch {
      res.writeHead(400).end();
      return;
    }
    running++;
    (pool.run({ text, json: true, bytes: true }) as Promise<LintTaskOutcome>).then(
      (outcome) => {
        running--;
        const bytes = 'bytes' in outcome ? outcome.bytes : Buffer.from('{}');
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': bytes.length,
        });
        res.end(bytes);
      },
      () => {
        running--;
        res.writeHead(500).end();
      },
    );
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(JSON.stringify({ msg: 'mtlint listening', port }));
});
process.on('SIGTERM', () => {
  server.close();
  void pool.close().then(() => process.exit(0));
});
