import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { createMtLinter } from '../src/linter.js';

// Golden test: each sample article's reviewed, committed diagnostics. A rule change that alters them
// must come with an updated `.expected.json` (`npm run samples:update`) that someone has read.
const samples = readdirSync('samples').filter((file) => file.endsWith('.txt'));

describe('samples', () => {
  const linter = createMtLinter();

  it('has the seed article', () => {
    expect(samples).toContain('xinhua-bachelet-visit.txt');
  });

  it.each(samples)('%s gives its expected diagnostics', (name) => {
    const expected: unknown = JSON.parse(
      readFileSync(`samples/${name.replace(/\.txt$/, '.expected.json')}`, 'utf8'),
    );
    expect(linter.lint(readFileSync(`samples/${name}`, 'utf8'))).toEqual(expected);
  });
});
