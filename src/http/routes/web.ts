/**
 * The editor's web page: the static bundle built from web/ into dist/web (`npm run build`), served
 * at `GET /` with its assets under `/assets/`. The page renders the article as text only; the
 * Content-Security-Policy below backs that up: no inline script, no foreign origin, and Trusted
 * Types required, so any attempt to assign HTML from a string fails in the browser.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type RequestHandler } from 'express';
import { packageRoot } from '../package-root.js';

export interface WebRouterOptions {
  /** Folder with the built page (default: dist/web in the mtlint package). */
  root?: string;
}

export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types none',
].join('; ');

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', WEB_CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
};

export function createWebRouter(options: WebRouterOptions = {}): Router {
  const root = options.root ?? join(packageRoot(), 'dist', 'web');
  const index = join(root, 'index.html');
  const router = Router();

  router.get('/', securityHeaders, (_req, res) => {
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The web page is not built: run `npm run build` to build it.');
      return;
    }
    // Revalidate every time: the page and its assets change together on each release.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });

  router.use(
    '/assets',
    securityHeaders,
    express.static(join(root, 'assets'), {
      index: false,
      fallthrough: true,
      redirect: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  return router;
}
