/**
 * Config files in every format discovery reads, --print-config and --init (the built CLI:
 * `npm run build` first). The behaviour of the config itself (extends, overrides, penalty) is in
 * cli.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { json, mtlint } from './helpers/cli.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'mtlint-config-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder holding `files` (path -> content) and the article `a.txt`. */
let count = 0;
function project(files: Record<string, string>): string {
  const dir = join(root, `p${count++}`);
  for (const [path, content] of Object.entries({ 'a.txt': ARTICLE, ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

// One doubled full stop: stray-punctuation, an error by default.
const ARTICLE = 'The delegation arrived in Beijing on Monday. . The talks began on Tuesday.\n';

/** The severity stray-punctuation reports with, in `cwd`, on `file`. */
function strayIn(cwd: string, file = 'a.txt'): string | undefined {
  const run = mtlint([file, '--format', 'json'], { cwd });
  if (run.status === 2) throw new Error(run.stderr);
  return json(run).files[0]!.diagnostics.find((d) => d.ruleId === 'stray-punctuation')?.severity;
}

describe('config file formats', () => {
  it('reads each name and format discovery knows', () => {
    const cases: Record<string, string> = {
      '.mtlintrc': 'rules:\n  stray-punctuation: warning\n',
      '.mtlintrc.json': '{"rules": {"stray-punctuation": "warning"}}',
      '.mtlintrc.jsonc':
        '{\n  // editors call this JSONC\n  "rules": {"stray-punctuation": "warning",},\n}\n',
      '.mtlintrc.yaml': 'rules:\n  stray-punctuation: [warning, {}]\n',
      '.mtlintrc.yml': '# comment\nrules: { stray-punctuation: warning }\n',
      'mtlint.config.json': '{"rules": {"stray-punctuation": "warning"}}',
      'mtlint.config.js': 'export default { rules: { "stray-punctuation": "warning" } };\n',
      'mtlint.config.mjs': 'export default { rules: { "stray-punctuation": "warning" } };\n',
      'package.json': '{"name": "x", "mtlint": {"rules": {"stray-punctuation": "warning"}}}',
    };
    for (const [name, content] of Object.entries(cases)) {
      const dir = project({ [name]: content });
      expect([name, strayIn(dir)]).toEqual([name, 'warning']);
    }
  });

  it('.mtlintrc may also be JSON with comments', () => {
    const dir = project({ '.mtlintrc': '{ /* JSON */ "rules": {"stray-punctuation": "info"} }' });
    expect(strayIn(dir)).toBe('info');
  });

  it('a package.json without an "mtlint" key is passed over, up to the next config', () => {
    const dir = project({
      '.mtlintrc.yml': 'rules:\n  stray-punctuation: info\n',
      'desk/package.json': '{"name": "desk"}',
      'desk/a.txt': ARTICLE,
    });
    expect(strayIn(dir, 'desk/a.txt')).toBe('info');
  });

  it('a dedicated file beats package.json in the same folder', () => {
    const dir = project({
      'package.json': '{"mtlint": {"rules": {"stray-punctuation": "info"}}}',
      '.mtlintrc.json': '{"rules": {"stray-punctuation": "warning"}}',
    });
    expect(strayIn(dir)).toBe('warning');
  });

  it('extends and overrides work across formats', () => {
    const dir = project({
      'base.json': '{"rules": {"stray-punctuation": "warning"}, "penalty": {"warning": 3}}',
      '.mtlintrc.yaml': [
        'extends: [recommended, ./base.json]',
        'overrides:',
        '  - files: "*.md"',
        '    rules: { stray-punctuation: info }',
      ].join('\n'),
      'b.md': ARTICLE,
    });
    const report = json(mtlint(['a.txt', 'b.md', '--format', 'json'], { cwd: dir }));
    const [txt, md] = report.files;
    expect(txt!.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(md!.diagnostics.map((d) => d.severity)).toEqual(['info']);
    expect(txt!.summary.penalty).toBe(Math.round((3 * 100 * 100) / txt!.summary.words) / 100);
  });

  it('"style" names the house style, and a file’s own wins over what it extends', () => {
    const dir = project({
      'base.yml': 'style: ap\n',
      '.mtlintrc.yml': 'extends: ./base.yml\nstyle: reuters\n',
      'c.txt': 'The US economy grew.\n',
    });
    const found = json(mtlint(['c.txt', '--format', 'json'], { cwd: dir })).files[0]!.diagnostics;
    expect(found.map((d) => [d.ruleId, d.excerpt])).toEqual([['house-style', 'US']]);
    const printed = JSON.parse(mtlint(['--print-config', 'c.txt'], { cwd: dir }).stdout);
    expect(printed.style).toBe('reuters');
    expect(printed.rules['house-style']).toEqual(['warning', { style: 'reuters' }]);
  });

  it('--config takes any format', () => {
    const dir = project({ 'team.yml': 'rules:\n  stray-punctuation: info\n' });
    const run = mtlint(['a.txt', '--config', 'team.yml', '--format', 'json'], { cwd: dir });
    expect(json(run).files[0]!.diagnostics.map((d) => d.severity)).toEqual(['info']);
  });
});

describe('a config file that cannot be used is exit 2, naming it', () => {
  const broken: [string, string, string][] = [
    [
      '.mtlintrc.yml',
      'rules:\n  stray-punctuation: [warning\n',
      'Config file .mtlintrc.yml is not valid YAML',
    ],
    ['.mtlintrc.yaml', 'rules: 1\nrules: 2\n', 'Config file .mtlintrc.yaml is not valid YAML'],
    ['.mtlintrc.jsonc', '{ "rules": { // open\n', 'Config file .mtlintrc.jsonc is not valid JSON'],
    ['.mtlintrc', '{ "rules": ', 'Config file .mtlintrc is not valid JSON'],
    ['.mtlintrc.json', '{ "rules": {}, }', 'Config file .mtlintrc.json is not valid JSON'],
    ['mtlint.config.mjs', 'export default {', 'Config file mtlint.config.mjs could not be loaded'],
    [
      'mtlint.config.js',
      'export const x = 1;\n',
      'Config file mtlint.config.js has no default export',
    ],
    ['package.json', '{"mtlint": ', 'Config file package.json is not valid JSON'],
    ['.mtlintrc.yml', '   \n', 'Config file .mtlintrc.yml is empty'],
    ['.mtlintrc.yml', 'rules:\n  stray: warning\n', 'field "rules.stray": Unknown rule "stray"'],
    ['.mtlintrc.yml', 'rule: {}\n', 'Config file .mtlintrc.yml: field "(top level)"'],
  ];
  it.each(broken)('%s: %j', (name, content, message) => {
    // Above it a valid config: a broken nearer one must not silently give way to it.
    const dir = project({
      '.mtlintrc.json': '{}',
      [`desk/${name}`]: content,
      'desk/a.txt': ARTICLE,
    });
    const run = mtlint(['a.txt'], { cwd: join(dir, 'desk') });
    expect(run.stderr).toContain(message);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('package.json named by --config must have the key', () => {
    const dir = project({ 'package.json': '{"name": "x"}' });
    const run = mtlint(['a.txt', '--config', 'package.json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Config file package.json has no "mtlint" key');
  });
});

describe('--print-config', () => {
  it('prints what applies to a file: every rule, the weights, the config file', () => {
    const dir = project({
      '.mtlintrc.yml': [
        'rules: { readability: off }',
        'penalty: { error: 8 }',
        'overrides:',
        '  - files: "*.md"',
        '    rules: { stray-punctuation: info }',
      ].join('\n'),
    });
    const run = mtlint(['--print-config', 'news/story.md', '--rule', 'calque:error'], {
      cwd: dir,
    });
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as {
      configFile: string;
      format: string;
      rules: Record<string, unknown>;
      penalty: Record<string, number>;
    };
    expect(printed.configFile).toBe('.mtlintrc.yml');
    expect(printed.format).toBe('markdown');
    expect(printed.rules['readability']).toBe('off');
    expect(printed.rules['stray-punctuation']).toEqual(['info', expect.anything()]);
    expect((printed.rules['calque'] as unknown[])[0]).toBe('error');
    expect(printed.penalty).toEqual({ error: 8, warning: 1, info: 0 });
    // A .txt file is not under the override.
    const txt = JSON.parse(mtlint(['--print-config', 'a.txt'], { cwd: dir }).stdout) as {
      rules: Record<string, unknown[]>;
    };
    expect(txt.rules['stray-punctuation']![0]).toBe('error');
  });

  it('with --no-config, the recommended preset and no file', () => {
    const dir = project({ '.mtlintrc.json': '{"rules": {"readability": "off"}}' });
    const printed = JSON.parse(
      mtlint(['--print-config', 'a.txt', '--no-config'], { cwd: dir }).stdout,
    ) as { configFile: null; extends: string; rules: Record<string, unknown> };
    expect(printed.configFile).toBeNull();
    expect(printed.extends).toBe('recommended');
    expect(printed.rules['readability']).not.toBe('off');
  });

  it('takes no files to lint, and reports a broken config', () => {
    const dir = project({ '.mtlintrc.yml': 'rules: [' });
    expect(mtlint(['--print-config', 'a.txt', 'a.txt'], { cwd: dir }).stderr).toContain(
      '--print-config takes no files to lint',
    );
    const broken = mtlint(['--print-config', 'a.txt'], { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('Config file .mtlintrc.yml is not valid YAML');
  });
});

describe('--init', () => {
  it('writes a starter .mtlintrc.json that mtlint then uses', () => {
    const dir = project({});
    const run = mtlint(['--init'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Wrote .mtlintrc.json');
    const written = JSON.parse(readFileSync(join(dir, '.mtlintrc.json'), 'utf8')) as object;
    expect(written).toMatchObject({ extends: 'recommended', rules: {} });
    const printed = JSON.parse(mtlint(['--print-config', 'a.txt'], { cwd: dir }).stdout) as {
      configFile: string;
    };
    expect(printed.configFile).toBe('.mtlintrc.json');
  });

  it('refuses to overwrite a config, whatever its format', () => {
    for (const [name, content] of [
      ['.mtlintrc.json', '{"rules": {}}'],
      ['.mtlintrc.yml', 'rules: {}\n'],
      ['package.json', '{"mtlint": {}}'],
    ] as const) {
      const dir = project({ [name]: content });
      const run = mtlint(['--init'], { cwd: dir });
      expect([name, run.status]).toEqual([name, 2]);
      expect(readFileSync(join(dir, name), 'utf8')).toBe(content);
      expect(existsSync(join(dir, '.mtlintrc.json'))).toBe(name === '.mtlintrc.json');
    }
  });

  it('writes beside a package.json that has no mtlint config', () => {
    const dir = project({ 'package.json': '{"name": "x"}' });
    expect(mtlint(['--init'], { cwd: dir }).status).toBe(0);
    expect(existsSync(join(dir, '.mtlintrc.json'))).toBe(true);
  });
});
