/** `--source`: a translation checked against its Chinese source (the built CLI). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, mtlint } from './helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mtlint-source-'));
  writeFileSync(
    join(dir, 'story.en.md'),
    '# Growth\n\nChinese Premier Li Qiang said the economy grew 6.2 percent in 2023.\n',
  );
  writeFileSync(join(dir, 'story.zh.md'), '# 增长\n\n国务院总理李强表示，2023年经济增长5.2%。\n');
  writeFileSync(join(dir, 'other.en.md'), 'Another story.\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mtlint FILE --source SOURCE', () => {
  it('reports what the translation changed, with its place in the source', () => {
    const run = mtlint(['story.en.md', '--source', 'story.zh.md', '--format', 'json'], {
      cwd: dir,
    });
    const found = json(run).files[0]!.diagnostics.find((d) => d.ruleId === 'number-mismatch');
    expect(found?.excerpt).toBe('6.2 percent');
    expect(found?.sourceOffset).toBeGreaterThan(0);
    expect(run.status).toBe(1);
    // Without --source the translation alone has nothing to compare.
    const alone = json(mtlint(['story.en.md', '--format', 'json'], { cwd: dir }));
    expect(alone.files[0]!.diagnostics.some((d) => d.ruleId === 'number-mismatch')).toBe(false);
  });

  it('is a usage error for several files or a missing source', () => {
    const several = mtlint(['.', '--source', 'story.zh.md'], { cwd: dir });
    expect(several.status).toBe(2);
    expect(several.stderr).toMatch(/source of one file/);
    const missing = mtlint(['story.en.md', '--source', 'nope.zh.md'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read the source nope\.zh\.md/);
  });
});
