import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { Rule } from '../src/core/index.js';
import { registry } from '../src/linter.js';
import {
  beginMarker,
  endMarker,
  headings,
  newReadme,
  readmeProblems,
  SECTIONS,
  withGeneratedParts,
} from '../scripts/rule-readme.js';
import { renderOptions, typeOf } from '../scripts/rule-readme-parts.js';

const readmeOf = (id: string) => readFileSync(`rules/${id}/README.md`, 'utf8');

// Every rule's README: the same sections in the same order, and the generated header, Options and
// Examples equal to what the rule gives now (a rule changed without `npm run docs` fails here).
describe.each([...registry.keys()])('rules/%s/README.md', (id) => {
  it('exists', () => {
    expect(existsSync(`rules/${id}/README.md`)).toBe(true);
  });

  it('has every section in order, and its generated parts are current (else: `npm run docs`)', () => {
    expect(readmeProblems(readmeOf(id), registry.get(id)!)).toEqual([]);
  });
});

describe('the rule README check', () => {
  const rule = registry.get('long-sentence')!;
  const readme = readmeOf('long-sentence');
  const changed = (meta: Partial<Rule['meta']>): Rule => ({
    ...rule,
    meta: { ...rule.meta, ...meta },
  });

  it('asks for `npm run docs` when the meta changed since the README was generated', () => {
    const problems = readmeProblems(readme, changed({ description: 'Something else entirely' }));
    expect(problems).toEqual([
      "its generated header is not what the rule's meta gives now: run `npm run docs`",
    ]);
    expect(readmeProblems(readme, changed({ severity: 'error' }))).toHaveLength(3);
  });

  it('names a missing or misplaced section', () => {
    const withoutLimits = readme.replace('## Limits', '## Caveats');
    expect(readmeProblems(withoutLimits, rule).join('\n')).toMatch(/every rule README has/);
    const swapped = readme
      .replace('## Precision', '## PLACEHOLDER')
      .replace('## How it decides', '## Precision')
      .replace('## PLACEHOLDER', '## How it decides');
    expect(readmeProblems(swapped, rule).join('\n')).toMatch(/has the sections/);
  });

  it('names a generated part whose markers are gone', () => {
    const without = readme.replace(endMarker('options'), '');
    expect(readmeProblems(without, rule)).toContain(
      `has no \`${endMarker('options')}\` line: add the markers, then run \`npm run docs\``,
    );
    expect(() => withGeneratedParts(without, rule)).toThrow(/long-sentence\/README\.md has no/);
  });

  it('rewrites only the generated parts, and is stable', () => {
    const stale = readme.replace(/^# long-sentence\n\n.*$/m, '# long-sentence\n\nOld words.');
    expect(stale).not.toBe(readme);
    expect(withGeneratedParts(stale, rule)).toBe(readme);
    expect(withGeneratedParts(readme, rule)).toBe(readme);
  });

  it('gives a new rule a README with every section, the hand-written ones still to write', () => {
    const fresh = newReadme(rule);
    expect(
      headings(fresh)
        .filter((heading) => heading.level === 2)
        .map((heading) => heading.title),
    ).toEqual([...SECTIONS]);
    expect(fresh.startsWith(beginMarker('header'))).toBe(true);
    expect(readmeProblems(fresh, rule)).toEqual(
      SECTIONS.filter((section) => section !== 'Options' && section !== 'Examples').map(
        (section) => `its "${section}" section is not written yet`,
      ),
    );
  });
});

describe('generated options', () => {
  it('reads types, bounds and defaults from the zod schema', () => {
    expect(typeOf({ type: 'integer', minimum: 6, maximum: 30 })).toBe('integer 6–30');
    expect(typeOf({ type: 'integer', minimum: 5, maximum: Number.MAX_SAFE_INTEGER })).toBe(
      'integer ≥ 5',
    );
    expect(typeOf({ type: 'number', exclusiveMinimum: 0, maximum: 1 })).toBe('number > 0, ≤ 1');
    expect(typeOf({ anyOf: [{ const: 1 }, { const: 2 }] })).toBe('`1` | `2`');
    expect(typeOf({ type: 'array', items: { type: 'string' } })).toBe('string[]');
    const table = renderOptions(registry.get('readability')!);
    expect(table).toContain('| `age` | integer 6–30 | `22` | reader age the text should suit |');
    expect(table).toContain('| `threshold` | number > 0, ≤ 1 | ≈ `0.7143` |');
  });

  it('says so when a rule has none', () => {
    expect(renderOptions(registry.get('dateline')!)).toMatch(/^## Options\n\nNone\./);
  });
});
