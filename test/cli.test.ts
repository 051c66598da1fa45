import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { XMLValidator } from 'fast-xml-parser';
import { FIXTURES, expectPositionsInFile, json, mtlint } from './helpers/cli.js';

const at = (...parts: string[]) => join(FIXTURES, ...parts);

/**
 * The fixtures carry stray-punctuation defects on purpose; these tests are about the command, not
 * the rules, so they look at that rule's findings only (other rules may have their say as well).
 */
const STRAY = 'stray-punctuation';
type FileResult = ReturnType<typeof json>['files'][number];
const stray = (file: FileResult) => file.diagnostics.filter((d) => d.ruleId === STRAY);
const lines = (report: ReturnType<typeof json>, path: string) =>
  stray(report.files.find((file) => file.path === path)!).map((d) => d.line);
const severities = (file: FileResult) => stray(file).map((d) => d.severity);

/** The penalty recomputed from a file's counts with the given weights. */
function penalty(file: FileResult, weights: { error: number; warning: number; info: number }) {
  const { errors, warnings, infos, words } = file.summary;
  const points = errors * weights.error + warnings * weights.warning + infos * weights.info;
  return Math.round(((points * 100) / words) * 100) / 100;
}

describe('mtlint on plain text', () => {
  it('lints the seed article: JSON output, exit 1, positions in the file', () => {
    const run = mtlint(['basic/seed.txt', '--format', 'json']);
    expect(run.status).toBe(1);
    const report = json(run);
    const diagnostics = report.files[0]!.diagnostics;
    expect(report.files[0]!.path).toBe('basic/seed.txt');
    expect(diagnostics.some((d) => d.ruleId === 'stray-punctuation' && d.excerpt === ' .')).toBe(
      true,
    );
    expect(report.totals.errors).toBeGreaterThan(0);
    expectPositionsInFile(at('basic/seed.txt'), diagnostics);
  });

  it('passes a clean file with exit 0 and a stylish summary', () => {
    const run = mtlint(['basic/clean.txt']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^✔ 0 problems \(0 errors, 0 warnings, 0 infos\) in 1 file/);
  });

  it('counts CRLF as one line break', () => {
    const run = mtlint(['formats/crlf.txt', '--format', 'json']);
    const diagnostics = json(run).files[0]!.diagnostics;
    expect(stray(json(run).files[0]!).map((d) => [d.line, d.column, d.excerpt])).toEqual([
      [1, 45, ' .'],
      [2, 18, ' ,'],
    ]);
    expectPositionsInFile(at('formats/crlf.txt'), diagnostics);
  });

  it('prints stylish lines as file:line:col  severity  message  ruleId', () => {
    // Wide enough that no message wraps (wrapping: cli-output.test.ts).
    const run = mtlint(['formats/crlf.txt'], { env: { COLUMNS: '160' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^formats\/crlf\.txt:1:45 {2}error {2}Unexpected `\. \.`: doubled punctuation, expected `\.` +stray-punctuation$/m,
    );
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('colours stylish output only when asked (standard output is not a terminal here)', () => {
    expect(mtlint(['formats/crlf.txt', '--color']).stdout).toContain('\u001b[31merror');
    expect(mtlint(['formats/crlf.txt', '--color', '--format', 'json']).stdout).not.toContain(
      '\u001b[',
    );
  });
});

describe('Markdown and HTML: only prose is linted, positions point into the file', () => {
  it('Markdown: skips front matter, code, URLs and disabled regions', () => {
    const report = json(mtlint(['formats/article.md', '--format', 'json']));
    const diagnostics = report.files[0]!.diagnostics;
    // 7: after a link; 12: inside a block quote; 25: before an autolink with `..` in it.
    expect(stray(report.files[0]!).map((d) => [d.ruleId, d.line, d.excerpt])).toEqual([
      ['stray-punctuation', 7, ' .'],
      ['stray-punctuation', 12, ' .'],
      ['stray-punctuation', 25, ' .'],
    ]);
    expectPositionsInFile(at('formats/article.md'), diagnostics);
  });

  it('Markdown: a link followed by a comma is not a space before the comma', () => {
    const run = mtlint(['-', '--stdin-filename', 'doc.md', '--format', 'json'], {
      input: 'The ministers met [the commissioner](https://example.com/a), who spoke.\n',
    });
    expect(stray(json(run).files[0]!)).toEqual([]);
  });

  it('HTML: skips head, style, pre, code, attributes and disabled regions; decodes entities', () => {
    const report = json(mtlint(['formats/article.html', '--format', 'json']));
    const diagnostics = report.files[0]!.diagnostics;
    expect(stray(report.files[0]!).map((d) => [d.line, d.excerpt, d.message])).toEqual([
      [5, ' .', 'Unexpected `. .`: doubled punctuation, expected `.`'],
      [10, ' ,', 'Unexpected space before `,`'],
    ]);
    expectPositionsInFile(at('formats/article.html'), diagnostics);
  });

  it('inline comments: disable-next-line, disable/enable, disable-line', () => {
    const source = [
      'One. . Two.', // 1
      '',
      '<!-- mtlint-disable-next-line -->',
      'Three. . Four.', // 4: the line after the comment
      '',
      '<!-- mtlint-disable stray-punctuation -->',
      '',
      'Five. . Six.', // 8
      '',
      '<!-- mtlint-enable stray-punctuation -->',
      '',
      'Seven. . Eight.', // 12
      '',
      'Nine. . Ten. <!-- mtlint-disable-line -->', // 14
      '',
    ].join('\n');
    const run = mtlint(['-', '--stdin-filename', 'x.md', '--format', 'json'], { input: source });
    expect(lines(json(run), 'x.md')).toEqual([1, 12]);
  });
});

describe('files, directories, globs and ignores', () => {
  it('walks a directory, honours .mtlintignore, sorts paths', () => {
    const report = json(mtlint(['.', '--format', 'json'], { cwd: at('tree') }));
    expect(report.files.map((f) => f.path)).toEqual([
      'desk/story.md',
      'desk/story.txt',
      'desk/sub/deep.txt',
      'top.txt',
    ]);
  });

  it('expands globs and applies --ignore-pattern', () => {
    const run = mtlint(['**/*.txt', '--ignore-pattern', 'desk/sub/', '--format', 'json'], {
      cwd: at('tree'),
    });
    expect(json(run).files.map((f) => f.path)).toEqual(['desk/story.txt', 'top.txt']);
  });

  it('warns about an ignored file named on the command line', () => {
    const run = mtlint(['drafts/draft.txt', 'top.txt', '--format', 'json'], { cwd: at('tree') });
    expect(run.stderr).toContain('drafts/draft.txt is ignored');
    expect(json(run).files.map((f) => f.path)).toEqual(['top.txt']);
  });

  it('exit 2 for a missing file or an empty glob', () => {
    for (const [args, message] of [
      [['nope.txt'], 'No such file or directory: nope.txt'],
      [['**/*.rst'], 'No files match the pattern "**/*.rst"'],
    ] as const) {
      const run = mtlint([...args], { cwd: at('tree') });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
  });
});

describe('config', () => {
  it('finds the nearest config upward, with extends, penalty weights and overrides', () => {
    const report = json(mtlint(['.', '--format', 'json'], { cwd: at('tree') }));
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
    // tree/.mtlintrc.json: readability off, error weight 10.
    expect(severities(byPath['top.txt']!)).toEqual(['error']);
    expect(byPath['top.txt']!.diagnostics.some((d) => d.ruleId === 'readability')).toBe(false);
    expect(byPath['top.txt']!.summary.penalty).toBe(
      penalty(byPath['top.txt']!, { error: 10, warning: 1, info: 0 }),
    );
    expect(byPath['top.txt']!.summary.penalty).toBeGreaterThan(
      penalty(byPath['top.txt']!, { error: 5, warning: 1, info: 0 }),
    );
    // desk/mtlint.config.json extends it, makes stray-punctuation a warning, off for *.md.
    expect(severities(byPath['desk/story.txt']!)).toEqual(['warning']);
    // ...and info for sub/**/*.txt (a glob with a folder).
    expect(severities(byPath['desk/sub/deep.txt']!)).toEqual(['info']);
    expect(severities(byPath['desk/story.md']!)).toEqual([]);
  });

  it('--config replaces discovery; --no-config uses the defaults', () => {
    const withConfig = json(
      mtlint(['top.txt', '--config', 'desk/mtlint.config.json', '--format', 'json'], {
        cwd: at('tree'),
      }),
    );
    expect(severities(withConfig.files[0]!)).toEqual(['warning']);
    const noConfig = json(
      mtlint(['desk/story.md', '--no-config', '--format', 'json'], { cwd: at('tree') }),
    );
    expect(severities(noConfig.files[0]!)).toEqual(['error']);
    expect(noConfig.files[0]!.summary.penalty).toBe(
      penalty(noConfig.files[0]!, { error: 5, warning: 1, info: 0 }),
    );
  });

  it('--rule sets a severity on top of every config', () => {
    const off = mtlint(['top.txt', '--rule', 'stray-punctuation:off', '--format', 'json'], {
      cwd: at('tree'),
    });
    expect(severities(json(off).files[0]!)).toEqual([]);
    expect(off.status).toBe(json(off).totals.errors > 0 ? 1 : 0);
    const info = json(
      mtlint(['top.txt', '--rule', 'stray-punctuation:info', '--format', 'json'], {
        cwd: at('tree'),
      }),
    );
    expect(severities(info.files[0]!)).toEqual(['info']);
  });

  it('a broken config file is exit 2 naming the file and the field', () => {
    const cases = [
      [
        'broken-rule',
        'Config file .mtlintrc.json: field "rules.stray-punctuation": expected a severity',
      ],
      ['broken-json', 'Config file .mtlintrc.json is not valid JSON'],
      [
        'broken-field',
        'Config file .mtlintrc.json: field "rules.no-such-rule": Unknown rule "no-such-rule"',
      ],
    ];
    for (const [dir, message] of cases) {
      const run = mtlint(['a.txt'], { cwd: at(dir!) });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('bad --rule values are usage errors', () => {
    expect(mtlint(['basic/clean.txt', '--rule', 'no-such-rule:error']).stderr).toContain(
      'Unknown rule "no-such-rule"',
    );
    const run = mtlint(['basic/clean.txt', '--rule', 'readability:loud']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('severity must be one of off, info, warning, error');
  });
});

describe('standard input', () => {
  it('reads piped text when no file is given', () => {
    const run = mtlint(['--format', 'json'], {
      input: 'The delegation arrived in Beijing on Monday. . The talks began on Tuesday.',
    });
    expect(run.status).toBe(1);
    expect(json(run).files[0]!.path).toBe('<stdin>');
    expect(stray(json(run).files[0]!)[0]!.offset).toBe(44);
  });

  it('--stdin-filename picks the format: code in Markdown is not linted', () => {
    const input = 'The talks ended on Monday.\n\n```\nNot. . prose\n```\n';
    const lint = (name: string) =>
      json(mtlint(['-', '--stdin-filename', name, '--format', 'json'], { input }));
    expect(lines(lint('a.md'), 'a.md')).toEqual([]);
    expect(lines(lint('a.txt'), 'a.txt')).toEqual([4]);
  });
});

describe('formats and output', () => {
  const files = ['formats/article.md', 'formats/article.html', 'formats/crlf.txt'];

  it('sarif validates against the SARIF 2.1.0 schema and points at the files', () => {
    const schema = JSON.parse(
      readFileSync(join(FIXTURES, '../../schemas/sarif-2.1.0.json'), 'utf8'),
    ) as object;
    const validate = new AjvDraft04.default({
      strict: false,
      validateFormats: false,
      unicodeRegExp: false,
    }).compile(schema);
    const run = mtlint([...files, '--format', 'sarif']);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as {
      runs: {
        results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    expect(validate(log)).toBe(true);
    const uris = log.runs[0]!.results.map(
      (r) => r.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(new Set(uris)).toEqual(new Set(files));
  });

  it('github annotations, GitLab code quality, junit and checkstyle XML', () => {
    const github = mtlint([...files, '--format', 'github']).stdout;
    expect(github).toContain(
      '::error file=formats/crlf.txt,line=2,col=18,endLine=2,endColumn=20,title=mtlint (stray-punctuation)::',
    );
    const codequality = JSON.parse(mtlint([...files, '--format', 'codequality']).stdout) as {
      check_name: string;
      location: { path: string; positions: { begin: { line: number } } };
    }[];
    expect(codequality).toContainEqual(
      expect.objectContaining({
        check_name: 'stray-punctuation',
        location: expect.objectContaining({
          path: 'formats/crlf.txt',
          positions: { begin: { line: 2, column: 18 }, end: { line: 2, column: 20 } },
        }),
      }),
    );
    for (const format of ['junit', 'checkstyle']) {
      const run = mtlint([...files, '--format', format]);
      expect(run.status).toBe(1);
      expect(XMLValidator.validate(run.stdout)).toBe(true);
      expect(run.stdout).toContain('formats/article.html');
    }
  });

  it('--output-file writes the report there and nothing to standard output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mtlint-out-'));
    try {
      const target = join(dir, 'reports', 'mtlint.json');
      const run = mtlint(['formats/crlf.txt', '--format', 'json', '--output-file', target]);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(JSON.parse(readFileSync(target, 'utf8')).files[0].path).toBe('formats/crlf.txt');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown format and an unknown flag with exit 2', () => {
    const format = mtlint(['basic/clean.txt', '--format', 'xml']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain(
      '--format "xml" is not one of stylish, json, sarif, github, junit, checkstyle, codequality',
    );
    const flag = mtlint(['basic/clean.txt', '--frobnicate']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--frobnicate'");
  });
});

describe('quality gate', () => {
  // Thresholds are set just below and at what the file has, so other rules' findings do not matter.
  const tree = { cwd: at('tree') };
  const baseline = () => mtlint(['desk/story.txt', '--format', 'json'], tree);

  it('--max-warnings fails the run when there are more warnings', () => {
    const base = baseline();
    const { warnings } = json(base).totals;
    expect(warnings).toBeGreaterThanOrEqual(1);
    const over = mtlint(['desk/story.txt', '--max-warnings', String(warnings - 1)], tree);
    expect(over.status).toBe(1);
    expect(over.stdout).toContain(
      `Quality gate failed: ${warnings} warnings, more than --max-warnings ${warnings - 1}`,
    );
    const within = mtlint(
      ['desk/story.txt', '--max-warnings', String(warnings), '--format', 'json'],
      tree,
    );
    expect(json(within).gate.failures).toEqual([]);
    expect(within.status).toBe(base.status);
  });

  it('--max-penalty fails any file whose penalty per 100 words is over it', () => {
    const base = baseline();
    expect(base.status).toBe(json(base).totals.errors > 0 ? 1 : 0);
    const { penalty } = json(base).files[0]!.summary;
    expect(penalty).toBeGreaterThan(1);
    const limit = String(penalty - 1);
    const over = mtlint(['desk/story.txt', '--max-penalty', limit, '--format', 'json'], tree);
    expect(over.status).toBe(1);
    expect(json(over).gate.failures).toEqual([
      `desk/story.txt: penalty ${penalty} per 100 words, over --max-penalty ${limit}`,
    ]);
    const within = mtlint(
      ['desk/story.txt', '--max-penalty', String(penalty), '--format', 'json'],
      tree,
    );
    expect(json(within).gate.failures).toEqual([]);
    expect(within.status).toBe(base.status);
  });

  it('rejects a gate that is not a number', () => {
    const run = mtlint(['basic/clean.txt', '--max-penalty', 'high']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--max-penalty must be a number');
  });
});

describe('worker threads', () => {
  it('give the same output, in the same order, as linting in process', () => {
    const args = ['basic', 'formats', 'tree', '--format', 'json'];
    const inProcess = mtlint([...args, '--workers', '1']);
    const threaded = mtlint([...args, '--workers', '2']);
    expect(threaded.status).toBe(inProcess.status);
    expect(threaded.stdout).toBe(inProcess.stdout);
    expect(json(threaded).files.length).toBe(11);
  });

  it('keep file order and every result when batches go to several workers and the main thread', () => {
    // 45 files of different lengths: batches of several files, finished in any order by 3 threads.
    const dir = mkdtempSync(join(tmpdir(), 'mtlint-workers-'));
    try {
      const seed = readFileSync(join(FIXTURES, 'basic', 'seed.txt'), 'utf8').split(/\n\s*\n/);
      for (let n = 0; n < 45; n++) {
        const text = seed.slice(n % seed.length, (n % seed.length) + 1 + (n % 4)).join('\n\n');
        writeFileSync(join(dir, `file-${String(n).padStart(2, '0')}.txt`), `${text}\n`);
      }
      writeFileSync(join(dir, '.mtlintrc.json'), '{}\n');
      const inProcess = mtlint(['.', '--format', 'json', '--workers', '1'], { cwd: dir });
      const threaded = mtlint(['.', '--format', 'json', '--workers', '3'], { cwd: dir });
      expect(threaded.stderr).toBe('');
      expect(threaded.stdout).toBe(inProcess.stdout);
      const paths = json(threaded).files.map((file) => file.path);
      expect(paths).toHaveLength(45);
      expect(paths).toEqual([...paths].sort());
      expect(json(threaded).totals.infos + json(threaded).totals.warnings).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
