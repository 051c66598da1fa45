import { describe, expect, it } from '@jest/globals';
import { buildLayout } from '../src/core/index.js';

describe('buildLayout', () => {
  const text =
    'Headline without a stop\nHe said "yes, now." and “later” too.\n“Open quote runs on\nDone.';
  const layout = buildLayout(text);

  it('finds the line of an offset', () => {
    expect(layout.lineAt(text.indexOf('He said')).text).toBe(
      'He said "yes, now." and “later” too.',
    );
    expect(layout.lineAt(text.indexOf('Done')).text).toBe('Done.');
  });

  it('tells headlines from prose by their final punctuation', () => {
    expect(layout.isHeadingLine(layout.lineAt(0))).toBe(true);
    expect(layout.isHeadingLine(layout.lineAt(text.indexOf('Done')))).toBe(false);
  });

  it('knows quoted stretches, including a quotation left open to the end of its line', () => {
    expect(layout.isQuoted(text.indexOf('yes'))).toBe(true);
    expect(layout.isQuoted(text.indexOf('later'))).toBe(true);
    expect(layout.isQuoted(text.indexOf('and'))).toBe(false);
    expect(layout.isQuoted(text.indexOf('runs'))).toBe(true);
    expect(layout.isQuoted(text.indexOf('Done'))).toBe(false);
  });
});
