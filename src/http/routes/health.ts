import { Router, type Request, type Response } from 'express';
import type { PoolLoad } from '../lint-service.js';

export interface HealthOptions {
  load?: () => PoolLoad;
  isDraining?: () => boolean;
}

/**
 * `/healthz`: the process answers. `/readyz`: it should get traffic (not draining, not saturated,
 * and lint workers are running). The same handlers serve both through the router and below it
 * (src/http/hot-routes.ts).
 */
export function createHealthRouter(options: HealthOptions): Router {
  const router = Router();
  router.get('/healthz', healthHandler);
  router.get('/readyz', readyHandler(options));
  return router;
}

export function healthHandler(_req: Request, res: Response): void {
  res.json({ status: 'ok' });
}

export function readyHandler({ load, isDraining }: HealthOptions) {
  return (_req: Request, res: Response): void => {
    const current = load?.();
    if (isDraining?.()) {
      res.status(503).json({ status: 'draining', load: current });
    } else if (current?.workersFailing) {
      // No lint worker is running (they failed to start; the log says why): send no traffic here.
      res.status(503).json({ status: 'workers_failing', load: current });
    } else if (current?.saturated) {
      res.status(503).json({ status: 'saturated', load: current });
    } else {
      res.json({ status: 'ready', load: current });
    }
  };
}
