import { beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { kindOf } from '../src/cli/document.js';
import { createMtLinter } from '../src/linter.js';
import {
  loadProcessor,
  processorFor,
  PLACEHOLDER,
  toOriginal,
  type Format,
  type Prose,
} from '../src/core/index.js';

beforeAll(async () => {
  await Promise.all([loadProcessor('markdown'), loadProcessor('html')]);
});

const extractProse = (source: string, format: Format): Prose =>
  processorFor(format).process(source);

/**
 * The map is exact when every character of the prose that stands for one source character is that
 * character, and the map never runs backwards.
 */
function expectExactMap(source: string, prose: Prose): void {
  const { starts, ends, text } = prose;
  expect(starts!.length).toBe(text.length);
  let previous = 0;
  for (let index = 0; index < text.length; index++) {
    const start = starts![index]!;
    const end = ends![index]!;
    if (start < previous) throw new Error(`map runs backwards at ${index}`);
    previous = start;
    // A soft line break is read as a space.
    const same = source[start] === text[index] || (source[start] === '\n' && text[index] === ' ');
    if (end - start === 1 && !same) {
      throw new Error(
        `prose[${index}] = ${JSON.stringify(text[index])} but source[${start}] = ${JSON.stringify(source[start])}`,
      );
    }
  }
}

describe('kindOf', () => {
  it('picks the format by extension', () => {
    expect(['a.md', 'b.MARKDOWN', 'c.html', 'd.htm', 'e.txt', 'f.rst'].map(kindOf)).toEqual([
      'markdown',
      'markdown',
      'html',
      'html',
      'text',
      'text',
    ]);
  });
});

describe('Markdown prose', () => {
  it('keeps text, drops markup, replaces code and URLs by one placeholder', () => {
    const source =
      '---\ntitle: x . .\n---\n\n# Head\n\nSee [the *report*](http://x.org/a), run `make` and visit https://example.com/a?b=1.\n';
    const prose = extractProse(source, 'markdown');
    expect(prose.text).toBe(
      `Head\n\nSee the report, run ${PLACEHOLDER} and visit ${PLACEHOLDER}.\n\n`,
    );
    expectExactMap(source, prose);
  });

  it('maps text out of block quotes, list items and escapes', () => {
    const source = '> one\n> two \\* three\n\n- item one\n  goes on\n';
    const prose = extractProse(source, 'markdown');
    expect(prose.text).toBe('one two * three\n\nitem one goes on\n\n');
    expect(prose.hints.map((hint) => [prose.text.slice(hint.start, hint.end), hint.kind])).toEqual([
      ['one two * three', 'quotation'],
      ['item one goes on', 'list-item'],
    ]);
    expectExactMap(source, prose);
  });

  it('reads a GitHub table cell by cell, each a block of its own', () => {
    const source =
      '| Option | What it does |\n| --- | --- |\n| format | The value is added to the response |\n| choices | the list of choices |\n';
    const prose = extractProse(source, 'markdown');
    const blocks = prose.text.split(/\n{2,}/u).filter(Boolean);
    expect(blocks).toEqual([
      'Option',
      'What it does',
      'format',
      'The value is added to the response',
      'choices',
      'the list of choices',
    ]);
    expectExactMap(source, prose);
  });

  it('reads inline directives from HTML comments', () => {
    const prose = extractProse(
      '<!-- mtlint-disable a-rule, other -- why -->\n\nText.\n',
      'markdown',
    );
    expect(prose.directives).toEqual([
      { kind: 'disable', rules: ['a-rule', 'other'], start: 0, end: 44 },
    ]);
  });
});

describe('HTML prose', () => {
  it('keeps the text of the body, decodes character references onto their whole reference', () => {
    const source =
      '<html><head><title>T</title></head><body><p>China&rsquo;s <b>talks</b> &amp; more</p><script>x . .</script><p>Next</p></body></html>';
    const prose = extractProse(source, 'html');
    expect(prose.text.trim()).toBe('China’s talks & more\n\nNext');
    const apostrophe = prose.text.indexOf('’');
    expect(source.slice(prose.starts![apostrophe]!, prose.ends![apostrophe]!)).toBe('&rsquo;');
    expect(toOriginal(prose, apostrophe, 1)).toEqual([
      source.indexOf('&rsquo;'),
      source.indexOf('&rsquo;') + 7,
    ]);
    expectExactMap(source, prose);
  });

  // The parser places such a text at the reference's last character (`;x`).
  it.each([
    ['  &amp;x', '&amp;'],
    [' &#8217;x', '&#8217;'],
    ['<!-- c -->  &rsquo;&amp;x', '&rsquo;'],
    ['    &amp;[link](http://a.b/c)# &#8217;', '&amp;'],
  ])('maps a text that opens with a reference after dropped white space: %j', (source, first) => {
    const prose = extractProse(source, 'html');
    expect(source.slice(prose.starts![0]!, prose.ends![0]!)).toBe(first);
    expectExactMap(source, prose);
  });

  it('leaves a text that opens with a semicolon where it is', () => {
    const source = '<p><b>x</b>;y &amp;amp;</p>';
    const prose = extractProse(source, 'html');
    expect(prose.text.trim()).toBe('x;y &amp;');
    expect(source.slice(prose.starts![1]!, prose.ends![1]!)).toBe(';');
    expectExactMap(source, prose);
  });
});

describe('diagnostics map back onto the file', () => {
  const linter = createMtLinter();

  it('offsets, lines and excerpts point into the original Markdown', () => {
    const source = '# Title\n\n> They met [her](http://x.org). . Then\n> they left.\n';
    const result = linter.lint(source, { format: 'markdown' });
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ line: 3, column: 32, endLine: 3, endColumn: 34, excerpt: ' .' });
    expect(source.slice(d!.offset, d!.offset + d!.length)).toBe(' .');
  });

  it('a disabled rule leaves the summary and penalty recounted', () => {
    const source = '<!-- mtlint-disable -->\n\nThey met her. . Then they left.\n';
    expect(linter.lint(source.replace('<!-- mtlint-disable -->', '')).summary.errors).toBe(1);
    const result = linter.lint(source, { format: 'markdown' });
    expect(result.diagnostics).toEqual([]);
    expect(result.summary).toMatchObject({ errors: 0, penalty: 0, categories: {} });
  });
});

describe('the map is exact on any mix of prose and markup', () => {
  const piece = fc.constantFrom(
    'word',
    ' ',
    '\n',
    '\n\n',
    '. ',
    ', ',
    '*em*',
    '**strong**',
    '`code`',
    '[link](http://a.b/c)',
    '<https://x.y/z>',
    '> ',
    '- ',
    '# ',
    '\\*',
    '&amp;',
    '&rsquo;',
    '&#8217;',
    '<b>',
    '</b>',
    '<p>',
    '</p>',
    '<!-- c -->',
    '\r\n',
    '    ',
    '```\n',
    'é',
    '😀',
  );
  const document = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

  it.each(['markdown', 'html'] as const)('%s', (kind) => {
    fc.assert(
      fc.property(document, (source) => {
        expectExactMap(source, extractProse(source, kind));
      }),
      { numRuns: 300 },
    );
  });
});
