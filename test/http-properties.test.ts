import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import type { LintResult } from '../src/core/index.js';
import { createApp } from '../src/http/app.js';
import { createInProcessLintService, createPoolLintService } from '../src/http/lint-service.js';
import { createMtLinter } from '../src/linter.js';

/** Pieces that break naive text handling: lone surrogates, NUL, zero-width and bidi marks, CRLF. */
const awkward = fc.constantFrom(
  '\uD800',
  '\uDC00',
  '\uD83D\uDE00',
  '👩‍👩‍👧',
  '\u0000',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u202E',
  '\u2066',
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\t',
  ' ',
  'e\u0301',
  '. .',
  ' ,',
  ',.',
  '..',
  '...',
  ' .',
  'a',
  'an',
  'the the',
  'U.S.',
  'Ms.',
  '"',
  '”',
  '1.5',
  '。',
  '，',
  'They met her respectively',
);
const piece = fc.oneof(
  { weight: 4, arbitrary: awkward },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);
const shortText = fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join(''));
/** Very long lines with no break. */
const longLine = fc
  .tuple(fc.constantFrom('a', 'a ', '. ', '😀', 'ab ', ' , '), fc.integer({ min: 500, max: 2500 }))
  .map(([unit, count]) => unit.repeat(count));
const anyText = fc.oneof({ weight: 6, arbitrary: shortText }, { weight: 1, arbitrary: longLine });

/** Line and column of an offset: 1-based, CRLF, LF and CR each one line break. */
function pointAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    const char = text[index];
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function expectValidPlaces(text: string, { diagnostics }: LintResult): void {
  for (const d of diagnostics) {
    const end = d.offset + d.length;
    expect(d.offset).toBeGreaterThanOrEqual(0);
    expect(d.length).toBeGreaterThanOrEqual(0);
    expect(end).toBeLessThanOrEqual(text.length);
    expect(splitsSurrogatePair(text, d.offset)).toBe(false);
    expect(splitsSurrogatePair(text, end)).toBe(false);
    expect(d.excerpt).toBe(text.slice(d.offset, end));
    expect({ line: d.line, column: d.column }).toEqual(pointAt(text, d.offset));
    expect({ line: d.endLine, column: d.endColumn }).toEqual(pointAt(text, end));
  }
}

const all = createMtLinter({ extends: 'all' });
const recommended = createInProcessLintService();
const pool = createPoolLintService({ workers: 2, maxQueue: 100 });

describe('the engine on any string', () => {
  it('never throws, and places every diagnostic inside the text on whole characters', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectValidPlaces(text, all.lint(text));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with itself in process and through the worker pool', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        expect(await pool.lint(text)).toEqual(await recommended.lint(text));
      }),
      { numRuns: 40 },
    );
  });
});

describe('under 50 concurrent requests', () => {
  let server: Server;
  beforeAll(async () => {
    const app = createApp({ lintService: pool, load: () => pool.load(), defaultMetrics: false });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers each request with what the engine gives in process', async () => {
    const texts = fc.sample(anyText, { numRuns: 50, seed: 6 });
    const responses = await Promise.all(
      texts.map((text) => request(server).post('/v1/lint').send({ text })),
    );
    for (const [index, res] of responses.entries()) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual(await recommended.lint(texts[index]!));
    }
  });
});

afterAll(() => pool.close());
