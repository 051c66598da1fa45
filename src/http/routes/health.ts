import { Router } from 'express';
import type { PoolLoad } from '../lint-service.js';

export interface HealthOptions {
  load?: () => PoolLoad;
  isDraining?: () => boolean;
}

/**
 * `/healthz`: the process answers. `/readyz`: it should get traffic (not draining, not saturated,
 * and lint workers are running).
 */
export function createHealthRouter({ load, isDraining }: HealthOptions): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
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
  });
  return router;
}
