import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from '@jest/globals';
import type { Response } from 'supertest';
import { createOpenApi } from '../../src/http/openapi.js';
import { readSettings } from '../../src/http/settings.js';

type Spec = {
  paths: Record<string, Record<string, { responses: Record<string, ResponseSpec> }>>;
};
type ResponseSpec = {
  content?: Record<string, { schema: object }>;
  headers?: Record<string, { required?: boolean }>;
};

/** The service's OpenAPI document, loaded into ajv so responses can be checked against it. */
export function createSpecValidator(spec: object = createOpenApi(readSettings({}))) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(spec, 'openapi.json');
  const paths = (spec as Spec).paths;

  /** Operations (`get /healthz`) and answers (`get /healthz 200`) checked so far. */
  const seen = new Set<string>();

  /** Fails unless the spec documents this status for the route and the body matches its schema. */
  function expectToMatchSpec(res: Response, path: string, method = 'post'): void {
    const operation = paths[path]?.[method];
    if (!operation) throw new Error(`openapi.json has no ${method} ${path}`);
    const documented = operation.responses[String(res.status)];
    if (!documented) {
      throw new Error(`openapi.json does not document ${res.status} for ${method} ${path}`);
    }
    for (const [header, { required }] of Object.entries(documented.headers ?? {})) {
      if (required) expect(res.headers[header.toLowerCase()]).toBeDefined();
    }
    const mediaType = String(res.headers['content-type'] ?? '').split(';')[0]!;
    const content = documented.content?.[mediaType];
    if (!content) {
      throw new Error(`openapi.json has no ${mediaType} for ${res.status} ${method} ${path}`);
    }
    const pointer = ['paths', path, method, 'responses', String(res.status), 'content', mediaType]
      .map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1'))
      .join('/');
    const validate = ajv.getSchema(`openapi.json#/${pointer}/schema`);
    if (!validate) throw new Error(`cannot compile the schema at ${pointer}`);
    const body = mediaType === 'application/json' ? res.body : res.text;
    if (!validate(body)) {
      throw new Error(
        `${method} ${path} ${res.status} does not match openapi.json: ${ajv.errorsText(validate.errors)}`,
      );
    }
    seen.add(`${method} ${path}`);
    seen.add(`${method} ${path} ${res.status}`);
  }
  return Object.assign(expectToMatchSpec, { seen });
}

/** Every operation the document describes, as `get /healthz`. */
export function documentedOperations(spec: object): string[] {
  return Object.entries((spec as Spec).paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method} ${path}`),
  );
}
