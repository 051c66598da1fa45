/**
 * `--source` and the config's pairing rule: a translation checked against its Chinese source (the
 * built CLI).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sourcePathFor, templateProblem } from '../src/cli/source-pairing.js';
import { json, mtlint, type CliRun } from './helpers/cli.js';

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

describe('the config pairing rule, "source": "{dir}/{base}.zh{ext}"', () => {
  let tree: string;
  const en = 'Chinese Premier Li Qiang said the economy grew 6.2 percent in 2023.\n';
  const zh = '国务院总理李强表示，2023年经济增长5.2%。\n';
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  };
  const mismatches = (run: CliRun) =>
    json(run)
      .files.filter((f) => f.diagnostics.some((d) => d.ruleId === 'number-mismatch'))
      .map((f) => f.path);

  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), 'mtlint-pairing-'));
    write('.mtlintrc.json', '{"source": "{dir}/{base}.zh{ext}"}');
    write('news/a.en.md', en);
    write('news/a.zh.md', zh);
    write('news/b.en.md', en); // its source is missing
    write('news/c.en.txt', en);
    write('news/c.zh.txt', zh);
    write('news/d.en.md', en);
    write('news/d.zh.md', '国务院总理李强表示，2023年经济增长6.2%。\n');
    // A folder whose config pairs with a sibling folder, relative to the config file.
    write('feed/.mtlintrc.json', '{"source": "zh/{name}{ext}"}');
    write('feed/e.md', en);
    write('feed/zh/e.md', zh);
  });
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it('lints each file with its paired source; a missing one is said once, not an error', () => {
    const run = mtlint(['news/*.en.*', 'feed/e.md', '--format', 'json'], { cwd: tree });
    expect(run.status).toBe(1);
    expect(mismatches(run)).toEqual(['feed/e.md', 'news/a.en.md', 'news/c.en.txt']);
    // d's source agrees with it; b has none and is linted English-only, with one warning.
    expect(json(run).files.map((f) => f.path)).toContain('news/b.en.md');
    const warnings = run.stderr.split('\n').filter((line) => line.includes('warning'));
    expect(warnings).toEqual([
      'mtlint: warning: news/b.en.md: no source news/b.zh.md (config "source"); linted without it',
    ]);
  });

  it('--source on the command line wins for a single file', () => {
    const run = mtlint(['news/a.en.md', '--source', 'news/d.zh.md', '--format', 'json'], {
      cwd: tree,
    });
    expect(run.status).toBe(0);
    expect(mismatches(run)).toEqual([]);
    expect(run.stderr).toBe('');
  });

  it('--print-config shows where the source of a file is looked for', () => {
    const printed = JSON.parse(mtlint(['--print-config', 'news/x.en-GB.md'], { cwd: tree }).stdout);
    expect(printed.source).toBe('news/x.zh.md');
  });

  it('a cached result is not reused once the source changes', () => {
    write('cached/f.en.md', en);
    write('cached/f.zh.md', '国务院总理李强表示，2023年经济增长6.2%。\n');
    const cache = ['cached/f.en.md', '--cache', '--cache-location', 'cache', '--format', 'json'];
    expect(mismatches(mtlint(cache, { cwd: tree }))).toEqual([]);
    write('cached/f.zh.md', zh);
    expect(mismatches(mtlint(cache, { cwd: tree }))).toEqual(['cached/f.en.md']);
  });

  it('an unknown placeholder or a template without the file name is a config error', () => {
    for (const [template, message] of [
      ['{dir}/{stem}.zh{ext}', 'unknown placeholder "{stem}"; use {dir}, {name}, {base}, {ext}'],
      ['{dir}/source.zh.md', 'names no file: use {name} or {base}'],
      ['{dir}/{base.zh{ext}', 'unmatched "{"'],
      [42, 'expected a path template'],
    ] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'mtlint-pairing-bad-'));
      writeFileSync(join(dir, '.mtlintrc.json'), JSON.stringify({ source: template }));
      writeFileSync(join(dir, 'a.en.md'), en);
      const run = mtlint(['a.en.md'], { cwd: dir });
      rmSync(dir, { recursive: true, force: true });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('Config file .mtlintrc.json: field "source": ');
      expect(run.stderr).toContain(message);
    }
  });
});

describe('sourcePathFor: the placeholders', () => {
  it('fills {dir}, {name}, {base} and {ext}, relative to the config folder', () => {
    const file = join('/news', '2026', 'story.en.md');
    expect(sourcePathFor('{dir}/{name}.zh{ext}', '/cfg', file)).toBe(
      join('/news', '2026', 'story.en.zh.md'),
    );
    expect(sourcePathFor('{dir}/{base}.zh{ext}', '/cfg', file)).toBe(
      join('/news', '2026', 'story.zh.md'),
    );
    expect(sourcePathFor('zh/{base}{ext}', '/cfg', join('/news', 'story.EN-us.txt'))).toBe(
      join('/cfg', 'zh', 'story.txt'),
    );
    // Only an English tag is taken off {base}; a name without one is kept whole.
    expect(sourcePathFor('{dir}/{base}.zh{ext}', '/cfg', join('/n', 'story.fr.md'))).toBe(
      join('/n', 'story.fr.zh.md'),
    );
    expect(templateProblem('{dir}/{base}.zh{ext}')).toBeUndefined();
  });
});
