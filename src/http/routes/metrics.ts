import { Router } from 'express';
import type { Registry } from 'prom-client';

/** Prometheus' text format; mounted at `/metrics`. */
export function createMetricsRouter(registry: Registry): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
