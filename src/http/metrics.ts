import type { NextFunction, Request, Response } from 'express';
import client from 'prom-client';
import type { PoolLoad } from './lint-service.js';

export interface AppMetrics {
  registry: client.Registry;
  lintDuration: client.Histogram<'outcome'>;
}

/**
 * One registry per app (tests build many apps). Request counts and latency by route and status,
 * time per lint, the pool's queue and load, and Node's defaults (event-loop delay, memory, GC).
 */
export function createMetrics(load?: () => PoolLoad, defaults = true): AppMetrics {
  const registry = new client.Registry();
  if (defaults) client.collectDefaultMetrics({ register: registry });
  const lintDuration = new client.Histogram({
    name: 'mtlint_lint_duration_seconds',
    help: 'Time to lint one document, waiting for a worker included, by outcome',
    labelNames: ['outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  if (load) {
    new client.Gauge({
      name: 'mtlint_lint_queue_depth',
      help: 'Documents waiting for a lint worker',
      registers: [registry],
      collect() {
        this.set(load().queued);
      },
    });
    new client.Gauge({
      name: 'mtlint_lint_running',
      help: 'Documents being linted now',
      registers: [registry],
      collect() {
        this.set(load().running);
      },
    });
    new client.Gauge({
      name: 'mtlint_lint_workers',
      help: 'Lint worker threads',
      registers: [registry],
      collect() {
        this.set(load().workers);
      },
    });
  }
  return { registry, lintDuration };
}

/** What the HTTP path records per request, through the router or below it (hot-routes.ts). */
export interface HttpMetrics {
  /** Middleware for the routes the router serves: labels each request by its matched route. */
  middleware: (req: Request, res: Response, next: NextFunction) => void;
  /**
   * Counts a request as in flight from now; the function returned records it (once) when it is
   * over, by method, route label and status.
   */
  begin(): (method: string, route: string, status: number) => void;
}

/** Counts every request and times it by method, route (its pattern, never the raw path) and status. */
export function httpMetrics(registry: client.Registry): HttpMetrics {
  const labelNames = ['method', 'route', 'status'] as const;
  /** A method, route and status: its request count and latency histogram. */
  interface Series {
    /** Requests counted on this thread; `reported` of them are in the counter already. */
    count: number;
    reported: number;
    counter: { inc(value: number): void };
    histogram: { observe(seconds: number): void };
  }
  // The labelled series, by "method route status": prom-client hashes a labels object on every
  // call, which cost the HTTP thread more than counting; the few series are looked up here instead.
  const series = new Map<string, Series>();
  const requests = new client.Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames,
    registers: [registry],
    // Requests are counted in plain numbers and added to the counter when it is scraped: the
    // counter's own increment (labels hashed, a map updated) on every request cost more.
    collect() {
      for (const labelled of series.values()) {
        if (labelled.count === labelled.reported) continue;
        labelled.counter.inc(labelled.count - labelled.reported);
        labelled.reported = labelled.count;
      }
    },
  });
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // Counted in a plain number and read when scraped: a gauge's inc and dec on every request
  // (labels hashed, a map updated, twice) cost the HTTP thread more than the count is worth.
  let inFlight = 0;
  new client.Gauge({
    name: 'http_requests_in_flight',
    help: 'HTTP requests being served',
    registers: [registry],
    collect() {
      this.set(inFlight);
    },
  });
  const seriesFor = (method: string, route: string, status: number): Series => {
    const key = `${method} ${route} ${status}`;
    let found = series.get(key);
    if (!found) {
      const labels = [method, route, String(status)] as const;
      found = {
        count: 0,
        reported: 0,
        counter: requests.labels(...labels),
        histogram: duration.labels(...labels),
      };
      series.set(key, found);
    }
    return found;
  };
  const begin = () => {
    const started = performance.now();
    inFlight++;
    let done = false;
    return (method: string, route: string, status: number) => {
      if (done) return;
      done = true;
      inFlight--;
      const labelled = seriesFor(method, route, status);
      labelled.count++;
      labelled.histogram.observe((performance.now() - started) / 1000);
    };
  };
  return {
    begin,
    middleware(req, res, next) {
      const end = begin();
      const route = captureRoute(req);
      const finish = () => end(req.method, route(), res.statusCode);
      res.on('finish', finish);
      res.on('close', finish);
      next();
    },
  };
}

/**
 * The matched route's pattern keeps label cardinality bounded; unmatched paths share one label.
 * The router sets `req.route` while `req.baseUrl` is the mount path, but restores `baseUrl` when a
 * handler passes an error on; so the label is taken at the moment the route is set.
 */
function captureRoute(req: Request): () => string {
  let label = 'unmatched';
  let current: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set(route: { path?: unknown } | undefined) {
      current = route;
      if (typeof route?.path === 'string') {
        label = route.path === '/' && req.baseUrl ? req.baseUrl : `${req.baseUrl}${route.path}`;
      }
    },
  });
  return () => label;
}
