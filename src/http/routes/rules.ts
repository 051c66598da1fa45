import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import { defaultDocsUrl, type Rule } from '../../core/index.js';
import { HttpError } from '../errors.js';
import type { RuleDescription } from '../schemas.js';

/** A rule as `GET /v1/rules` lists it (its schema: ruleSchema); options as JSON Schema. */
export function describeRules(registry: ReadonlyMap<string, Rule>): RuleDescription[] {
  return [...registry.values()].map(({ meta }) => ({
    id: meta.id,
    category: meta.category,
    severity: meta.severity,
    recommended: meta.recommended !== false,
    description: meta.description,
    options: meta.options
      ? (z.toJSONSchema(meta.options, { io: 'input', unrepresentable: 'any' }) as Record<
          string,
          unknown
        >)
      : null,
    url: defaultDocsUrl(meta.id),
  }));
}

/** `GET /rules` under /v1: every rule's metadata, computed once. */
export function createRulesRouter(registry: ReadonlyMap<string, Rule>): Router {
  const rules = describeRules(registry);
  const router = Router();
  router.get('/rules', (_req, res) => {
    res.json({ rules });
  });
  return router;
}

/**
 * `GET /rules/:id/README.md`: each rule's documentation, where a diagnostic's relative `url`
 * points. Only ids in the registry are looked up, so the path can never leave the rules folder.
 */
export function createRuleDocsRouter(
  registry: ReadonlyMap<string, Rule>,
  rulesDir: string,
): Router {
  const router = Router();
  router.get('/rules/:id/README.md', async (req, res) => {
    const id = req.params.id;
    if (!registry.has(id)) throw new HttpError(404, 'not_found', `No rule "${id}"`);
    let doc: string;
    try {
      doc = await readFile(join(rulesDir, id, 'README.md'), 'utf8');
    } catch {
      throw new HttpError(404, 'not_found', `Rule "${id}" has no documentation`);
    }
    res.type('text/markdown; charset=utf-8').send(doc);
  });
  return router;
}
