import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type RequestHandler } from 'express';
import { pino, type Logger } from 'pino';
import type { Rule } from '../core/index.js';
import { registry as builtinRegistry } from '../linter.js';
import type { LintService, PoolLoad } from './lint-service.js';
import { serveHotRoutes } from './hot-routes.js';
import { createMetrics, httpMetrics } from './metrics.js';
import { bearerAuth } from './middleware/auth.js';
import { cors } from './middleware/cors.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { rateLimit } from './middleware/rate-limit.js';
import { requestId, requestIdAndDeferredHeaders } from './middleware/request-id.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { createOpenApi } from './openapi.js';
import { createHealthRouter, healthHandler, readyHandler } from './routes/health.js';
import { createLanguageToolRouter, plainTextErrors } from './routes/languagetool.js';
import { createLintRoutes } from './routes/lint.js';
import { createMetricsRouter } from './routes/metrics.js';
import { createRuleDocsRouter, createRulesRouter } from './routes/rules.js';
import { createWebRouter } from './routes/web.js';
import { readSettings, type Settings } from './settings.js';

export interface AppDeps {
  /** Where every route lints. */
  lintService: LintService;
  /** Rules known to the service (default: the built-in ones). */
  registry?: ReadonlyMap<string, Rule>;
  /** Limits and switches; anything left out takes its default (createApp never reads env). */
  settings?: Partial<Settings>;
  logger?: Logger;
  /** The pool's load, for /readyz and metrics. */
  load?: () => PoolLoad;
  /** True once shutdown has begun: /readyz answers 503 and connections are not kept alive. */
  isDraining?: () => boolean;
  /** Folder holding `<rule id>/README.md` (default: the package's rules/). */
  rulesDir?: string;
  /** Folder holding the built web page (default: the package's dist/web). */
  webRoot?: string;
  /** Node's default metrics (event loop, memory, GC) in /metrics (default true). */
  defaultMetrics?: boolean;
}

/** Builds the Express app; never listens (src/server.ts does). */
export function createApp(deps: AppDeps): Express {
  const settings: Settings = { ...readSettings({}), ...deps.settings };
  const registry = deps.registry ?? builtinRegistry;
  const { lintService } = deps;
  const logger = deps.logger ?? pino({ level: 'silent' });
  const metrics = createMetrics(deps.load, deps.defaultMetrics ?? true);

  const app = express();
  app.disable('x-powered-by');
  // A hop count: only the entries the service's own proxies appended to X-Forwarded-For count.
  app.set('trust proxy', settings.trustProxy);
  app.set('json spaces', 0);

  // The app-wide middleware, around the metrics (which the hot routes record with their own label).
  const log = requestLog(logger);
  const first: RequestHandler[] = [requestId(), log];
  const headers: RequestHandler[] = [cors(settings.corsOrigins)];
  if (deps.isDraining) {
    const isDraining = deps.isDraining;
    headers.push((_req, res, next) => {
      if (isDraining()) res.setHeader('Connection', 'close');
      next();
    });
  }
  const requestMetrics = httpMetrics(metrics.registry);
  app.use(...first, requestMetrics.middleware, securityHeaders(), ...headers);

  // Guards for the API proper; probes and docs stay open.
  const guards: RequestHandler[] = [];
  if (settings.rateLimit > 0) {
    guards.push(rateLimit({ limit: settings.rateLimit, windowMs: settings.rateWindowMs }));
  }
  // /v2 checks its own credentials (LanguageTool clients send the token as `apiKey`).
  const v2Guard = composeHandlers([...guards]);
  if (settings.token) guards.push(bearerAuth(settings.token));
  const guard = composeHandlers(guards);

  const openapi = createOpenApi(settings);
  const { router: lintRouter, lintSteps } = createLintRoutes({
    lintService,
    metrics,
    bodyLimit: settings.bodyLimit,
    batchBodyLimit: settings.batchBodyLimit,
    maxChars: settings.maxChars,
    batchMaxDocuments: settings.batchMaxDocuments,
    batchConcurrency: deps.load?.().workers ?? settings.workers,
  });

  // The routes: one line per mount point; `guard` = rate limit + bearer auth when configured.
  const health = { load: deps.load, isDraining: deps.isDraining };
  app.use(createHealthRouter(health));
  app.get('/openapi.json', (_req, res) => void res.json(openapi));
  app.use('/metrics', guard, createMetricsRouter(metrics.registry));
  app.use('/v1', guard, lintRouter, createRulesRouter(registry));
  app.use(createRuleDocsRouter(registry, deps.rulesDir ?? defaultRulesDir()));
  // LanguageTool-compatible API for existing clients; it parses its own form bodies.
  app.use('/v2', v2Guard);
  app.use(
    createLanguageToolRouter({
      lintService,
      registry,
      maxTextLength: settings.maxChars,
      token: settings.token,
      bodyLimit: settings.bodyLimit,
    }),
  );
  // The guard's refusals on /v2 (429) in LanguageTool's plain text, like its own errors.
  app.use('/v2', plainTextErrors);
  // The editor's page; its router sets a stricter Content-Security-Policy than the default one.
  app.use(createWebRouter({ root: deps.webRoot }));

  app.use(notFound);
  app.use(errorHandler);

  // The lint route and the probes, also served below the router: the same chain, fewer steps.
  const ready = readyHandler(health);
  serveHotRoutes(app, {
    // The same steps; the request id and security headers are written with the status line.
    before: [requestIdAndDeferredHeaders(), log, ...headers],
    metrics: requestMetrics,
    errorHandler,
    routes: [
      {
        method: 'POST',
        path: '/v1/lint',
        label: '/v1/lint',
        guards: [guard],
        handlers: lintSteps,
        // The rate limit counts per client address: Express's req.ip (trust-proxy hops).
        express: settings.rateLimit > 0,
      },
      ...(['GET', 'HEAD'] as const).flatMap((method) => [
        { method, path: '/healthz', label: '/healthz', handlers: [healthHandler] },
        { method, path: '/readyz', label: '/readyz', handlers: [ready] },
      ]),
    ],
  });
  return app;
}

/** Several middlewares as one, so a guard mounted in several places runs once per request. */
function composeHandlers(handlers: readonly RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let index = 0;
    const step = (error?: unknown): void => {
      const handler = handlers[index++];
      if (error !== undefined || !handler) next(error);
      else void handler(req, res, step);
    };
    step();
  };
}

/** The package's rules/ folder, from src/http (sources) or dist/src/http (build). */
function defaultRulesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return join(dir, 'rules');
}
