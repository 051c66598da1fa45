import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { XMLValidator } from 'fast-xml-parser';
import { FIXTURES, expectPositionsInFile, json, mtlint } from './helpers/cli.js';

const at = (...parts: string[]) => join(FIXTURES, ...parts);
const lines = (report: ReturnType<typeof json>, path: string) =>
  report.files.find((file) => file.path === path)!.diagnostics.map((d) => d.line);

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
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([
      [1, 27],
      [2, 14],
    ]);
    expectPositionsInFile(at('formats/crlf.txt'), diagnostics);
  });

  it('prints stylish lines as file:line:col  severity  message  ruleId', () => {
    const run = mtlint(['formats/crlf.txt']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^formats\/crlf\.txt:1:27 {2}error {2}Unexpected `\. \.`: doubled punctuation, expected `\.` +stray-punctuation$/m,
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
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.excerpt])).toEqual([
      ['stray-punctuation', 7, ' .'],
      ['stray-punctuation', 12, ' .'],
      ['stray-punctuation', 25, ' .'],
    ]);
    expectPositionsInFile(at('formats/article.md'), diagnostics);
  });

  it('Markdown: a link followed by a comma is not a space before the comma', () => {
    const run = mtlint(['-', '--stdin-filename', 'doc.md', '--format', 'json'], {
      input: 'They met [the commissioner](https://example.com/a), who spoke.\n',
    });
    expect(json(run).files[0]!.diagnostics).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('HTML: skips head, style, pre, code, attributes and disabled regions; decodes entities', () => {
    const report = json(mtlint(['formats/article.html', '--format', 'json']));
    const diagnostics = report.files[0]!.diagnostics;
    expect(diagnostics.map((d) => [d.line, d.excerpt, d.message])).toEqual([
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

  it('exit 2 for a missing file, an empty glob, or only ignored files', () => {
    for (const [args, message] of [
      [['nope.txt'], 'No such file or directory: nope.txt'],
      [['**/*.rst'], 'No files match the pattern "**/*.rst"'],
      [['drafts/draft.txt'], 'Every file given is ignored'],
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
    expect(byPath['top.txt']!.diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(byPath['top.txt']!.summary.penalty).toBe(142.86);
    // desk/mtlint.config.json extends it, makes stray-punctuation a warning, off for *.md.
    expect(byPath['desk/story.txt']!.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    // ...and info for sub/**/*.txt (a glob with a folder).
    expect(byPath['desk/sub/deep.txt']!.diagnostics.map((d) => d.severity)).toEqual(['info']);
    expect(byPath['desk/story.md']!.diagnostics).toEqual([]);
  });

  it('--config replaces discovery; --no-config uses the defaults', () => {
    const withConfig = json(
      mtlint(['top.txt', '--config', 'desk/mtlint.config.json', '--format', 'json'], {
        cwd: at('tree'),
      }),
    );
    expect(withConfig.files[0]!.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    const noConfig = json(
      mtlint(['desk/story.md', '--no-config', '--format', 'json'], { cwd: at('tree') }),
    );
    expect(noConfig.files[0]!.diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(noConfig.files[0]!.summary.penalty).toBe(71.43);
  });

  it('--rule sets a severity on top of every config', () => {
    const off = mtlint(['top.txt', '--rule', 'stray-punctuation:off'], { cwd: at('tree') });
    expect(off.status).toBe(0);
    const info = json(
      mtlint(['top.txt', '--rule', 'stray-punctuation:info', '--format', 'json'], {
        cwd: at('tree'),
      }),
    );
    expect(info.files[0]!.diagnostics.map((d) => d.severity)).toEqual(['info']);
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
      input: 'They met her respectively. . Then they left.',
    });
    expect(run.status).toBe(1);
    expect(json(run).files[0]!.path).toBe('<stdin>');
    expect(json(run).files[0]!.diagnostics[0]!.offset).toBe(26);
  });

  it('--stdin-filename picks the format: code in Markdown is not linted', () => {
    const input = 'Fine.\n\n```\nNot. . prose\n```\n';
    expect(mtlint(['-', '--stdin-filename', 'a.md'], { input }).status).toBe(0);
    expect(mtlint(['-', '--stdin-filename', 'a.txt'], { input }).status).toBe(1);
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

  it('github annotations, junit and checkstyle XML', () => {
    const github = mtlint([...files, '--format', 'github']).stdout;
    expect(github).toContain(
      '::error file=formats/crlf.txt,line=2,col=14,endLine=2,endColumn=16,title=mtlint (stray-punctuation)::',
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
      '--format "xml" is not one of stylish, json, sarif, github, junit, checkstyle',
    );
    const flag = mtlint(['basic/clean.txt', '--frobnicate']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--frobnicate'");
  });
});

describe('quality gate', () => {
  it('--max-warnings fails the run when there are more warnings', () => {
    const over = mtlint(['desk/story.txt', '--max-warnings', '0'], { cwd: at('tree') });
    expect(over.status).toBe(1);
    expect(over.stdout).toContain('Quality gate failed: 1 warnings, more than --max-warnings 0');
    expect(mtlint(['desk/story.txt', '--max-warnings', '1'], { cwd: at('tree') }).status).toBe(0);
  });

  it('--max-penalty fails any file whose penalty per 100 words is over it', () => {
    const over = mtlint(['desk/story.txt', '--max-penalty', '14', '--format', 'json'], {
      cwd: at('tree'),
    });
    expect(over.status).toBe(1);
    expect(json(over).gate.failures).toEqual([
      'desk/story.txt: penalty 14.29 per 100 words, over --max-penalty 14',
    ]);
    expect(mtlint(['desk/story.txt', '--max-penalty', '15'], { cwd: at('tree') }).status).toBe(0);
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
});
