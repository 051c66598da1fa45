/** The page's pure parts: edits that shift highlights, overlapping highlights, long articles. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { findChange, shiftThrough } from '../web/src/edits.js';
import { paintedSpan, toRuns, WIDE_CHARS } from '../web/src/highlights.js';
import { mergeResults, PartError, splitIntoParts } from '../web/src/parts.js';
import type { Diagnostic, LintResult } from '../src/core/types.js';

describe('shifting highlights through an edit', () => {
  const text = 'They met her respectively. . Then they left.';
  const doubled = { offset: 26, length: 2, excerpt: ' .' };
  const then = { offset: 29, length: 4, excerpt: 'Then' };
  const they = { offset: 0, length: 4, excerpt: 'They' };

  it('keeps spans before the edit, shifts those after and drops those it touched', () => {
    const edited = text.replace('met her', 'met with her');
    const spans = shiftThrough([they, doubled, then], findChange(text, edited));
    expect(spans.map((span) => edited.slice(span.offset, span.offset + span.length))).toEqual([
      'They',
      ' .',
      'Then',
    ]);
    const fixed = text.replace('. .', '.');
    expect(shiftThrough([they, doubled, then], findChange(text, fixed))).toEqual([
      they,
      { ...then, offset: 27 },
    ]);
  });

  it('never leaves a span pointing at other text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.nat(40),
        fc.nat(10),
        fc.string({ maxLength: 10 }),
        (base, at, removed, inserted) => {
          const start = Math.min(at, base.length);
          const after = base.slice(0, start) + inserted + base.slice(start + removed);
          const spans = [];
          for (let offset = 0; offset < base.length; offset++) {
            const length = Math.min(3, base.length - offset);
            spans.push({ offset, length, excerpt: base.slice(offset, offset + length) });
          }
          for (const span of shiftThrough(spans, findChange(base, after))) {
            expect(after.slice(span.offset, span.offset + span.length)).toBe(span.excerpt);
          }
        },
      ),
    );
  });
});

describe('finding the edit', () => {
  it('finds the one changed region, as short as it can be, in long texts too (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n'), maxLength: 8 }),
        fc.nat(300),
        fc.nat(1_500),
        fc.nat(600),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 600 }),
        (seed, repeat, at, removed, inserted) => {
          const before = `${seed}x`.repeat(repeat);
          const start = Math.min(at, before.length);
          const after = before.slice(0, start) + inserted + before.slice(start + removed);
          const change = findChange(before, after);
          if (before === after) {
            expect(change).toBeUndefined();
            return;
          }
          const { start: from, oldEnd, newEnd } = change!;
          // The text around the region is common to both, and the region is the whole difference.
          expect(after.slice(0, from)).toBe(before.slice(0, from));
          expect(after.slice(newEnd)).toBe(before.slice(oldEnd));
          expect(before.slice(0, from) + after.slice(from, newEnd) + before.slice(oldEnd)).toBe(
            after,
          );
          // Neither end can grow: the texts differ right at the region's start and end.
          const shorter = Math.min(before.length, after.length);
          if (from < shorter) expect(before[from]).not.toBe(after[from]);
          if (oldEnd > from && newEnd > from)
            expect(before[oldEnd - 1]).not.toBe(after[newEnd - 1]);
        },
      ),
    );
  });
});

describe('highlight runs', () => {
  const strip = (runs: ReturnType<typeof toRuns>) =>
    runs.map(({ start, end, top, covering, wide, wideTop }) => [
      start,
      end,
      top,
      covering,
      wideTop,
      wide,
    ]);

  it('shows the most severe, then the narrowest, where short diagnostics overlap', () => {
    const phrase = { offset: 0, length: 20, severity: 'info' as const };
    const mark = { offset: 10, length: 2, severity: 'error' as const };
    expect(strip(toRuns([phrase, mark], 25))).toEqual([
      [0, 10, 0, [0], -1, []],
      [10, 12, 1, [0, 1], -1, []],
      [12, 20, 0, [0], -1, []],
      [20, 25, -1, [], -1, []],
    ]);
  });

  it('lays a sentence-long finding beneath, so a finding inside it keeps its own mark', () => {
    // A sentence flagged as an error holds a warning: the warning is still the run's top mark.
    const sentence = { offset: 0, length: WIDE_CHARS + 10, severity: 'error' as const };
    const word = { offset: 5, length: 3, severity: 'warning' as const };
    expect(strip(toRuns([sentence, word], 60))).toEqual([
      [0, 5, -1, [], 0, [0]],
      [5, 8, 1, [1], 0, [0]],
      [8, WIDE_CHARS + 10, -1, [], 0, [0]],
      [WIDE_CHARS + 10, 60, -1, [], -1, []],
    ]);
  });

  it('cuts only the stretch asked for', () => {
    const runs = toRuns([{ offset: 2, length: 10, severity: 'info' }], 30, 5, 20);
    expect(runs.map(({ start, end, top }) => [start, end, top])).toEqual([
      [5, 12, 0],
      [12, 20, -1],
    ]);
  });

  it('paints a zero-length diagnostic on the character beside it', () => {
    expect(paintedSpan({ offset: 3, length: 0, severity: 'warning' }, 10)).toEqual({
      start: 3,
      end: 4,
    });
    expect(paintedSpan({ offset: 10, length: 0, severity: 'warning' }, 10)).toEqual({
      start: 9,
      end: 10,
    });
  });

  it('covers the whole text exactly once, in order', () => {
    const runs = toRuns(
      [
        { offset: 2, length: 5, severity: 'info' },
        { offset: 4, length: 6, severity: 'warning' },
        { offset: 30, length: 3, severity: 'error' },
      ],
      20,
    );
    expect(runs[0]!.start).toBe(0);
    expect(runs.at(-1)!.end).toBe(20);
    for (let index = 1; index < runs.length; index++) {
      expect(runs[index]!.start).toBe(runs[index - 1]!.end);
    }
  });
});

describe('long articles in parts', () => {
  const paragraph = (index: number) => `Paragraph ${index} says something here.`;
  const article = Array.from({ length: 40 }, (_, index) => paragraph(index)).join('\n\n');

  it('keeps a text within the limit whole', () => {
    expect(splitIntoParts('Short.', 100)).toEqual([{ offset: 0, text: 'Short.' }]);
  });

  it('cuts at paragraph breaks, within the limit, and loses nothing', () => {
    const parts = splitIntoParts(article, 200);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.map((part) => part.text).join('')).toBe(article);
    for (const part of parts) {
      expect(part.text.length).toBeLessThanOrEqual(200);
      expect(article.slice(part.offset, part.offset + part.text.length)).toBe(part.text);
      if (part.offset > 0) expect(article.slice(part.offset - 2, part.offset)).toBe('\n\n');
    }
  });

  it('falls back to a line break, then a space, then a hard cut; never splits a surrogate pair', () => {
    const lines = 'one line\n'.repeat(30);
    expect(
      splitIntoParts(lines, 50).every(
        (part) => part.offset === 0 || lines[part.offset - 1] === '\n',
      ),
    ).toBe(true);
    const words = 'word '.repeat(40);
    expect(
      splitIntoParts(words, 50).every(
        (part) => part.offset === 0 || words[part.offset - 1] === ' ',
      ),
    ).toBe(true);
    const emoji = '😀'.repeat(40);
    for (const part of splitIntoParts(emoji, 51)) expect(part.text.length % 2).toBe(0);
  });

  it('never cuts inside a fenced code block in Markdown', () => {
    const fence = '```\n' + 'code\n\n'.repeat(20) + '```';
    const markdown = `Intro.\n\n${fence}\n\nAfter.`;
    const parts = splitIntoParts(markdown, fence.length + 12, 'markdown');
    expect(parts.map((part) => part.text).join('')).toBe(markdown);
    expect(parts.some((part) => part.text.includes(fence))).toBe(true);
  });

  it('refuses HTML over the limit with the limit in the message', () => {
    expect(() => splitIntoParts('<p>x</p>'.repeat(50), 100, 'html')).toThrow(PartError);
    expect(() => splitIntoParts('<p>x</p>'.repeat(50), 100, 'html')).toThrow(/100 characters/);
  });

  it('shifts findings back to the article and adds the summaries up', () => {
    const text = 'First para.\n\nSecond para with a a typo.';
    const parts = splitIntoParts(text, 30);
    expect(parts.map((part) => part.offset)).toEqual([0, 13]);
    const finding = (offset: number, line: number, column: number): Diagnostic =>
      ({
        ruleId: 'repeated-words',
        severity: 'error',
        category: 'fluency/grammar',
        message: 'Repeated',
        offset,
        length: 3,
        line,
        column,
        endLine: line,
        endColumn: column + 3,
        excerpt: 'a a',
        suggestions: ['a'],
        url: 'rules/repeated-words/README.md',
        messageId: 'repeated',
      }) as Diagnostic;
    const results: LintResult[] = [
      {
        diagnostics: [],
        summary: {
          errors: 0,
          warnings: 0,
          infos: 0,
          words: 2,
          sentences: 1,
          categories: {},
          penalty: 0,
          truncated: false,
        },
      },
      {
        diagnostics: [finding(17, 1, 18)],
        summary: {
          errors: 1,
          warnings: 0,
          infos: 0,
          words: 6,
          sentences: 1,
          categories: { 'fluency/grammar': 1 },
          penalty: 83.33,
          truncated: false,
        },
      },
    ];
    const merged = mergeResults(text, parts, results);
    const [shifted] = merged.diagnostics;
    expect(text.slice(shifted!.offset, shifted!.offset + 3)).toBe('a a');
    expect([shifted!.line, shifted!.column]).toEqual([3, 18]);
    expect(merged.summary).toMatchObject({
      errors: 1,
      words: 8,
      sentences: 2,
      categories: { 'fluency/grammar': 1 },
      penalty: 62.5,
    });
  });
});
