import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ROOT } from './helpers/cli.js';

/**
 * What a process has loaded, asked of a fresh Node process running the built package: the part-of-
 * speech model takes about half a second to load, and only tagging may load it.
 */
function modelLoadedAfter(script: string): boolean {
  const program = `
    import { createRequire } from 'node:module';
    const { createMtLinter, registry } = await import(${JSON.stringify(join(ROOT, 'dist/src/linter.js'))});
    ${script}
    const cache = createRequire(import.meta.url).cache;
    console.log(Object.keys(cache).some((path) => path.includes('wink-eng-lite-web-model')));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', program], {
    encoding: 'utf8',
  });
  return output.trim().endsWith('true');
}

describe('start-up cost', () => {
  it('importing the rules, validating a config and listing the rules never load the POS model', () => {
    expect(
      modelLoadedAfter(`
        createMtLinter({ rules: { readability: ['info', { age: 16 }] } });
        [...registry.values()].map((rule) => rule.meta.id);
      `),
    ).toBe(false);
  });

  it('tagging a sentence does (the check above can fail)', () => {
    expect(
      modelLoadedAfter(
        `createMtLinter().lint('Face-to-face communication with religious figures to learn about the legal respect.');`,
      ),
    ).toBe(true);
  });
});
