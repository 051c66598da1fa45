/** The page's pure parts: edits that shift highlights, overlapping highlights, HTML files. */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { findChange, shiftThrough } from '../web/src/edits.js';
import { paintedSpan, toRuns } from '../web/src/highlights.js';
import { decodeEntities, htmlToText } from '../web/src/html-to-text.js';

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

describe('highlight runs', () => {
  it('shows the most severe, then the narrowest, where diagnostics overlap', () => {
    const sentence = { offset: 0, length: 20, severity: 'info' as const };
    const mark = { offset: 10, length: 2, severity: 'error' as const };
    const runs = toRuns([sentence, mark], 25);
    expect(runs.map(({ start, end, top, covering }) => [start, end, top, covering])).toEqual([
      [0, 10, 0, [0]],
      [10, 12, 1, [0, 1]],
      [12, 20, 0, [0]],
      [20, 25, -1, []],
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

describe('opening an HTML file', () => {
  it('keeps the text a reader sees and drops markup, scripts and comments', () => {
    const html =
      '<!doctype html><html><head><title>x</title><script>alert(1)</script></head><body>' +
      '<h1>Visit&nbsp;ends</h1><!-- note --><p>They met <b title="a > b">her</b> &amp; left.<br>Then &#8220;stop&#x201D;.</p>' +
      '<img src=x onerror="alert(2)"><style>p{}</style><p>a < b &bogus; done</p></body></html>';
    expect(htmlToText(html)).toBe(
      'Visit\u00a0ends\n\nThey met her & left.\nThen “stop”.\n\na < b &bogus; done',
    );
  });

  it('ends a head left open at the body, and survives unclosed tags', () => {
    expect(htmlToText('<head><meta charset=utf-8><body><p>Text')).toBe('Text');
    expect(htmlToText('<p>Text <span title="unclosed')).toBe('Text');
    expect(decodeEntities('&#0; &#x110000; &lt;')).toBe('&#0; &#x110000; <');
  });
});
