import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { createApp } from '../src/http/app.js';
import { createInProcessLintService } from '../src/http/lint-service.js';
import { createWebRouter, WEB_CONTENT_SECURITY_POLICY } from '../src/http/routes/web.js';
import { createSpecValidator } from './helpers/openapi.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mtlint-web-router-'));
  mkdirSync(join(root, 'site', 'assets'), { recursive: true });
  writeFileSync(join(root, 'site', 'index.html'), '<!doctype html><title>mtlint</title>');
  writeFileSync(join(root, 'site', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'not for the web');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const appFor = (folder: string) => express().use(createWebRouter({ root: folder }));

describe('the web router', () => {
  it('serves the page at / with a CSP that allows no inline script', async () => {
    const response = await request(appFor(join(root, 'site')))
      .get('/')
      .expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('<title>mtlint</title>');
    const csp = response.headers['content-security-policy'];
    expect(csp).toBe(WEB_CONTENT_SECURITY_POLICY);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves assets with the same headers, and nothing outside the page folder', async () => {
    const app = appFor(join(root, 'site'));
    const asset = await request(app).get('/assets/app.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
    await request(app).get('/assets/../../secret.txt').expect(404);
    await request(app).get('/assets/%2e%2e/%2e%2e/secret.txt').expect(404);
    await request(app).get('/index.html').expect(404);
  });

  it('says the page is not built, rather than failing, when it is missing', async () => {
    const response = await request(appFor(join(root, 'nowhere')))
      .get('/')
      .expect(503);
    expect(response.text).toMatch(/npm run build/);
  });
});

describe('the page in the service', () => {
  const expectToMatchSpec = createSpecValidator();
  const service = (webRoot: string) =>
    createApp({ lintService: createInProcessLintService(), webRoot, defaultMetrics: false });

  it('is served by createApp at / as documented, built or not', async () => {
    const built = await request(service(join(root, 'site'))).get('/');
    expect(built.status).toBe(200);
    expectToMatchSpec(built, '/', 'get');
    const missing = await request(service(join(root, 'nowhere'))).get('/');
    expect(missing.status).toBe(503);
    expectToMatchSpec(missing, '/', 'get');
  });
});
