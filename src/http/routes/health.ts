import type { IncomingMessage, ServerResponse } from 'node:http';
import { Router } from 'express';
import { sendJson } from '../json-response.js';
import type { PoolLoad } from '../lint-service.js';

export interface HealthOptions {
  load?: () => PoolLoad;
  isDraining?: () => boolean;
}

/**
 * `/healthz`: the process answers. `/readyz`: it should get traffic (not draining, not saturated,
 * and lint workers are running). The same handlers serve both through the router and below it
 * (src/http/hot-routes.ts), with Node's own request and response.
 */
export function createHealthRouter(options: HealthOptions): Router {
  const router = Router();
  router.get('/healthz', healthHandler);
  router.get('/readyz', readyHandler(options));
  return router;
}

export function healthHandler(req: IncomingMessage, res: ServerResponse): void {
  sendJson(req, res, 200, { status: 'ok' });
}

export function readyHandler({ load, isDraining }: HealthOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const current = load?.();
    if (isDraining?.()) {
      sendJson(req, res, 503, { status: 'draining', load: current });
    } else if (current?.workersFailing) {
      // No lint worker is running (they failed to start; the log says why): send no traffic here.
      sendJson(req, res, 503, { status: 'workers_failing', load: current });
    } else if (current?.saturated) {
      sendJson(req, res, 503, { status: 'saturated', load: current });
    } else {
      sendJson(req, res, 200, { status: 'ready', load: current });
    }
  };
}
