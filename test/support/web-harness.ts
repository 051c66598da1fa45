/**
 * TEST HARNESS for the web page and the LanguageTool routes: a minimal app with `POST /v1/lint` and
 * `GET /v1/rules` in the service's documented shapes, backed by the in-process lint service, plus
 * the web and LanguageTool routers. The service's `createApp` replaces it once both are in one app.
 */
import express, { type ErrorRequestHandler } from 'express';
import { ConfigError } from '../../src/core/index.js';
import { createLanguageToolRouter } from '../../src/http/routes/languagetool.js';
import { createWebRouter } from '../../src/http/routes/web.js';
import { registry } from '../../src/linter.js';
import { createInProcessLintService } from './in-process-lint-service.js';

export function createWebHarnessApp(options: { webRoot?: string } = {}) {
  const lintService = createInProcessLintService();
  const app = express();
  app.use('/v1', express.json({ limit: '1mb' }));

  app.post('/v1/lint', async (req, res) => {
    const { text, config } = (req.body ?? {}) as { text?: unknown; config?: unknown };
    if (typeof text !== 'string') {
      res
        .status(400)
        .json({ error: { code: 'invalid_request', message: '"text" must be a string' } });
      return;
    }
    res.json(await lintService.lint(text, config));
  });

  app.get('/v1/rules', (_req, res) => {
    res.json({
      rules: [...registry.values()].map(({ meta }) => ({
        id: meta.id,
        category: meta.category,
        severity: meta.severity,
        recommended: meta.recommended !== false,
        description: meta.description,
        url: `rules/${meta.id}/README.md`,
      })),
    });
  });

  app.use(createLanguageToolRouter({ lintService, registry }));
  app.use(createWebRouter({ root: options.webRoot }));

  const errors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const status = error instanceof ConfigError ? 400 : 500;
    const code = error instanceof ConfigError ? 'invalid_config' : 'internal';
    res.status(status).json({ error: { code, message: (error as Error).message } });
  };
  app.use(errors);
  return { app, lintService };
}
