/**
 * The composition root: environment -> lint worker pool -> app -> listen, and graceful shutdown on
 * SIGTERM/SIGINT (stop accepting, finish in-flight requests, close the pool, exit 0 within a bound).
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApp } from './http/app.js';
import { drainable } from './http/drain.js';
import { createLogDestination } from './http/log-destination.js';
import { createPoolLintService } from './http/lint-service.js';
import { readSettings, SettingsError, type Settings } from './http/settings.js';

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = readSettings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    process.stderr.write(`mtlint: ${error.message}\n`);
    process.exit(2);
  }
  // Asynchronous, batched writes (see createLogDestination); flushed before exit.
  const destination = createLogDestination();
  const logger = pino({ level: settings.logLevel }, destination);

  const lintService = createPoolLintService({
    ...settings,
    // A worker that fails outside a check (while starting, say); /readyz fails when none is left.
    onWorkerError: (err) => logger.error({ err }, 'lint worker failed'),
  });
  let draining = false;
  const app = createApp({
    lintService,
    settings,
    logger,
    load: () => lintService.load(),
    isDraining: () => draining,
  });

  const server = settings.host
    ? app.listen(settings.port, settings.host)
    : app.listen(settings.port);
  server.requestTimeout = settings.requestTimeoutMs;
  server.headersTimeout = settings.headersTimeoutMs;
  server.keepAliveTimeout = settings.keepAliveTimeoutMs;
  server.maxConnections = settings.maxConnections;
  const { drain } = drainable(server);
  await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;
  logger.info({ address, port, workers: settings.workers }, 'mtlint listening');
  // Written at once, not with the next batch: supervisors and tests wait for this line.
  destination.flush();

  const shutdown = async (signal: string) => {
    if (draining) return;
    draining = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error({ timeoutMs: settings.shutdownTimeoutMs }, 'shutdown timed out');
      destination.flushSync();
      process.exit(1);
    }, settings.shutdownTimeoutMs);
    force.unref();
    // Stops accepting, answers in-flight requests with `Connection: close`, and closes each
    // connection once idle: the process exits as soon as the work in flight is done.
    await drain();
    await lintService.close();
    logger.info('shut down');
    destination.flushSync();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

await main();
