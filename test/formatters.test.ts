import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { registry } from '../src/linter.js';
import { formatters, type FileReport, type LintReport } from '../src/formatters/index.js';
import type { Diagnostic, LintResult } from '../src/core/index.js';

// A CommonJS module: its class is both module.exports and .default.
const Ajv = AjvDraft04.default;
const schema = JSON.parse(
  readFileSync(fileURLToPath(new URL('./schemas/sarif-2.1.0.json', import.meta.url)), 'utf8'),
) as object;

function reportOf(files: FileReport[], failures: string[] = []): LintReport {
  const sum = (key: 'errors' | 'warnings' | 'infos' | 'words') =>
    files.reduce((total, file) => total + file.result.summary[key], 0);
  return {
    files,
    totals: {
      files: files.length,
      errors: sum('errors'),
      warnings: sum('warnings'),
      infos: sum('infos'),
      words: sum('words'),
      penalty: 12.5,
    },
    rules: [...registry.values()].map(({ meta }) => ({
      id: meta.id,
      description: meta.description,
      category: meta.category,
      severity: meta.severity,
      url: `rules/${meta.id}/README.md`,
    })),
    gate: { maxPenalty: 10, failures },
    tool: { name: 'mtlint', version: '0.1.0' },
  };
}

/** Formatters are pure: their input is built by hand, independent of what the rules find. */
function diagnostic(fields: Partial<Diagnostic>): Diagnostic {
  return {
    ruleId: 'stray-punctuation',
    severity: 'error',
    category: 'fluency/punctuation',
    message: 'Unexpected `. .`: doubled punctuation, expected `.`',
    offset: 26,
    length: 2,
    line: 1,
    column: 27,
    endLine: 1,
    endColumn: 29,
    excerpt: ' .',
    suggestions: [''],
    url: 'rules/stray-punctuation/README.md',
    messageId: 'doubled',
    ...fields,
  };
}

function summary(errors: number, words: number): LintResult['summary'] {
  return {
    errors,
    warnings: 0,
    infos: 0,
    words,
    sentences: 3,
    categories: errors ? { 'fluency/punctuation': errors } : {},
    penalty: Math.round(((errors * 5 * 100) / words) * 100) / 100,
    truncated: false,
  };
}

// 'They met her respectively. . Then they left.\nA line , with a comma.'
const dirty: FileReport = {
  path: 'news/talks.txt',
  result: {
    diagnostics: [
      diagnostic({}),
      diagnostic({
        message: 'Unexpected space before `,`',
        offset: 51,
        line: 2,
        column: 7,
        endLine: 2,
        endColumn: 9,
        excerpt: ' ,',
        suggestions: [','],
      }),
    ],
    summary: summary(2, 12),
  },
};
const clean: FileReport = {
  path: 'news/clean.txt',
  result: { diagnostics: [], summary: summary(0, 4) },
};

/** A diagnostic whose text and path need escaping in every format. */
const awkwardDiagnostic: Diagnostic = {
  ...dirty.result.diagnostics[0]!,
  message: 'Odd <tag> & "quotes", 100% sure: a\nnew line',
  excerpt: '<&>',
};
const awkward: FileReport = {
  path: 'news/a,b: 50%.md',
  result: { ...dirty.result, diagnostics: [awkwardDiagnostic] },
};

describe('stylish', () => {
  it('prints file:line:col  severity  message  ruleId, per-file counts and a summary', () => {
    const out = formatters.stylish(reportOf([dirty, clean]), { width: 160 });
    expect(out).toMatch(
      /^news\/talks\.txt:1:27 {2}error {2}Unexpected `\. \.`: doubled punctuation, expected `\.` +stray-punctuation$/m,
    );
    expect(out).toMatch(
      /^news\/talks\.txt:2:7 {3}error {2}Unexpected space before `,` +stray-punctuation$/m,
    );
    expect(out).toMatch(
      /^news\/talks\.txt: 2 errors, 0 warnings, 0 infos; \d+ words, penalty [\d.]+ per 100 words$/m,
    );
    expect(out).not.toContain('news/clean.txt');
    expect(out).toMatch(
      /^✖ 2 problems \(2 errors, 0 warnings, 0 infos\) in 2 files, \d+ words, penalty 12\.5 per 100 words$/m,
    );
    expect(out).not.toContain('\u001b[');
  });

  it('colours only when asked, and reports failed gates', () => {
    const out = formatters.stylish(
      reportOf([dirty], ['news/talks.txt: penalty 40 per 100 words']),
      {
        color: true,
      },
    );
    expect(out).toContain('\u001b[31merror');
    expect(out).toContain('Quality gate failed: news/talks.txt: penalty 40 per 100 words');
  });

  it('says so when all is well', () => {
    expect(formatters.stylish(reportOf([clean]))).toMatch(/^✔ 0 problems/);
  });
});

describe('json', () => {
  it('gives per file the diagnostics and summary objects it was given', () => {
    const parsed = JSON.parse(formatters.json(reportOf([dirty, clean]))) as {
      files: { path: string; diagnostics: unknown; summary: unknown }[];
      totals: { errors: number };
    };
    expect(parsed.files.map((file) => file.path)).toEqual(['news/talks.txt', 'news/clean.txt']);
    expect(parsed.files[0]!.diagnostics).toEqual(dirty.result.diagnostics);
    expect(parsed.files[0]!.summary).toEqual(dirty.result.summary);
    expect(parsed.totals.errors).toBe(2);
  });
});

describe('sarif', () => {
  // The published schema's `language` pattern is only valid without the `u` flag.
  const ajv = new Ajv({ strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatters.sarif(reportOf([dirty, clean, awkward]))) as unknown;
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check can fail: a result without a message is rejected', () => {
    const log = JSON.parse(formatters.sarif(reportOf([dirty]))) as {
      runs: { results: { message?: unknown }[] }[];
    };
    delete log.runs[0]!.results[0]!.message;
    expect(validate(log)).toBe(false);
  });

  it('lists rules with help and results with physical locations', () => {
    const log = JSON.parse(
      formatters.sarif(reportOf([dirty, awkward]), { docsBaseUrl: 'https://docs.example/mtlint' }),
    ) as {
      runs: {
        tool: { driver: { rules: { id: string; helpUri?: string; help: { text: string } }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn: number; endColumn: number };
            };
          }[];
        }[];
      }[];
    };
    const run = log.runs[0]!;
    const rule = run.tool.driver.rules.find((r) => r.id === 'stray-punctuation')!;
    expect(rule.helpUri).toBe('https://docs.example/mtlint/rules/stray-punctuation/README.md');
    expect(rule.help.text).toContain('Punctuation left behind');
    expect(run.results).toHaveLength(3);
    const first = run.results[0]!;
    expect(first.level).toBe('error');
    expect(run.tool.driver.rules[first.ruleIndex]!.id).toBe(first.ruleId);
    expect(first.locations[0]!.physicalLocation.artifactLocation.uri).toBe('news/talks.txt');
    expect(first.locations[0]!.physicalLocation.region).toMatchObject({
      startLine: 1,
      startColumn: 27,
      endColumn: 29,
    });
    expect(run.results[2]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'news/a%2Cb%3A%2050%25.md',
    );
  });
});

describe('github', () => {
  it('emits one workflow command per diagnostic, escaped', () => {
    const out = formatters.github(reportOf([dirty, awkward], ['too many warnings']));
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe(
      '::error file=news/talks.txt,line=1,col=27,endLine=1,endColumn=29,title=mtlint (stray-punctuation)::' +
        'Unexpected `. .`: doubled punctuation, expected `.` Suggestion: delete it.',
    );
    expect(lines).toContain(
      '::error file=news/a%2Cb%3A 50%25.md,line=1,col=27,endLine=1,endColumn=29,' +
        'title=mtlint (stray-punctuation)::Odd <tag> & "quotes", 100%25 sure: a%0Anew line Suggestion: delete it.',
    );
    expect(lines).toContain('::error title=mtlint quality gate::too many warnings');
  });

  it('maps info to notice', () => {
    const info: FileReport = {
      path: 'a.txt',
      result: { ...dirty.result, diagnostics: [{ ...awkwardDiagnostic, severity: 'info' }] },
    };
    expect(formatters.github(reportOf([info]))).toMatch(/^::notice file=a\.txt,/);
  });
});

describe('junit', () => {
  it('is well-formed XML with one test case per file and failures for files with errors', () => {
    const out = formatters.junit(reportOf([dirty, clean, awkward]));
    expect(XMLValidator.validate(out)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(out) as {
      testsuites: {
        tests: string;
        failures: string;
        testsuite: { testcase: { name: string; failure?: { '#text': string } }[] };
      };
    };
    expect(doc.testsuites.tests).toBe('3');
    expect(doc.testsuites.failures).toBe('2');
    const cases = doc.testsuites.testsuite.testcase;
    expect(cases.map((c) => c.name)).toEqual([
      'news/talks.txt',
      'news/clean.txt',
      'news/a,b: 50%.md',
    ]);
    expect(cases[1]!.failure).toBeUndefined();
    expect(cases[2]!.failure!['#text']).toContain('Odd <tag> & "quotes"');
  });
});

describe('checkstyle', () => {
  it('is well-formed XML with an error element per diagnostic', () => {
    const out = formatters.checkstyle(reportOf([dirty, clean, awkward]));
    expect(XMLValidator.validate(out)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(out) as {
      checkstyle: { file: { name: string; error?: unknown }[] };
    };
    const files = doc.checkstyle.file;
    expect(files.map((f) => f.name)).toEqual([
      'news/talks.txt',
      'news/clean.txt',
      'news/a,b: 50%.md',
    ]);
    expect(files[0]!.error).toHaveLength(2);
    expect(files[2]!.error).toMatchObject({
      line: '1',
      column: '27',
      severity: 'error',
      source: 'mtlint.stray-punctuation',
      message: 'Odd <tag> & "quotes", 100% sure: a\nnew line',
    });
  });

  it('the XML check can fail', () => {
    expect(XMLValidator.validate('<checkstyle><file name="a"></checkstyle>')).not.toBe(true);
  });
});

describe('codequality', () => {
  type Issue = {
    check_name: string;
    severity: string;
    fingerprint: string;
    location: { path: string; positions: { begin: { line: number; column: number } } };
  };
  const issues = (files: FileReport[]) =>
    JSON.parse(formatters.codequality(reportOf(files))) as Issue[];

  it('gives one GitLab issue per diagnostic with its place and severity', () => {
    const [first, second] = issues([dirty, clean]);
    expect(first).toMatchObject({
      check_name: 'stray-punctuation',
      severity: 'major',
      location: { path: 'news/talks.txt', positions: { begin: { line: 1, column: 27 } } },
    });
    expect(second!.location.positions.begin).toEqual({ line: 2, column: 7 });
    expect(first!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(first!.fingerprint).not.toBe(second!.fingerprint);
  });

  it('keeps fingerprints when lines move, tells repeated findings apart', () => {
    const moved: FileReport = {
      ...dirty,
      result: {
        ...dirty.result,
        diagnostics: dirty.result.diagnostics.map((d) => ({ ...d, line: d.line + 5 })),
      },
    };
    expect(issues([moved]).map((i) => i.fingerprint)).toEqual(
      issues([dirty]).map((i) => i.fingerprint),
    );
    const twice: FileReport = {
      ...dirty,
      result: {
        ...dirty.result,
        diagnostics: [dirty.result.diagnostics[0]!, dirty.result.diagnostics[0]!],
      },
    };
    const [a, b] = issues([twice]);
    expect(a!.fingerprint).not.toBe(b!.fingerprint);
  });
});
