import { describe, expect, it } from '@jest/globals';
import { createMtLinter } from '../../src/linter.js';

const linter = createMtLinter();
const own = (text: string) => linter.lint(text).diagnostics.filter((d) => d.ruleId === 'dateline');

describe('dateline', () => {
  it('reports the seed article dateline that credits two agencies', () => {
    const text =
      'China News Agency, Beijing, May 28 (Xinhua) -- United Nations High Commissioner for Human Rights Michelle Bachelet visited China in late May.';
    const [found, ...rest] = own(text);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      severity: 'warning',
      category: 'locale-convention',
      offset: 0,
      excerpt: 'China News Agency, Beijing, May 28 (Xinhua) --',
      suggestions: ['Beijing, May 28 (China News Service) --', 'Beijing, May 28 (Xinhua) --'],
    });
    expect(found!.message).toContain('two agencies, China News Agency and Xinhua');
  });

  it('rewrites the Chinese order into an English dateline', () => {
    const [found] = own('Xinhua News Agency, Beijing, February 11th. On February 11th, it opened.');
    expect(found).toMatchObject({
      excerpt: 'Xinhua News Agency, Beijing, February 11th.',
      suggestions: ['Beijing, February 11 (Xinhua) --'],
    });
    expect(found!.message).toContain('Chinese order');
  });

  it('says when one agency is credited twice', () => {
    const [found] = own('Xinhua News Agency BEIJING, February 11 (Xinhua) -- It opened.');
    expect(found!.message).toBe('The dateline credits Xinhua twice');
    expect(found!.suggestions).toEqual(['BEIJING, February 11 (Xinhua) --']);
  });

  it('finds datelines at the start of any line, with exact offsets', () => {
    const text = 'A headline\n  Chinanews.com, Beijing, February 11. The forum opened.';
    const [found] = own(text);
    expect(found).toMatchObject({ line: 2, column: 3, offset: 13 });
    expect(found!.excerpt).toBe('Chinanews.com, Beijing, February 11.');
  });

  it('reports a missing separator and a missing place', () => {
    expect(own('BEIJING, May 28 (Xinhua) The forum opened.')[0]!.message).toContain(
      'ends with `nothing`',
    );
    expect(own('May 28 (Xinhua) -- The forum opened.')[0]!.message).toContain('no place');
  });

  it('stays quiet mid-line, on credits it does not know, and on well-formed datelines', () => {
    expect(own('He said: China News Agency, Beijing, May 28 (Xinhua) -- it opened.')).toEqual([]);
    expect(own('BEIJING, May 28 (Reporter Li Wei) -- The forum opened.')).toEqual([]);
    expect(own('WASHINGTON, Jan. 3 (AP) — Congress met.')).toEqual([]);
    expect(own('The AP style, May 28 (approx) says so.')).toEqual([]);
  });

  it('copes with a long line that almost looks like a dateline', () => {
    const hostile = 'Xinhua ' + 'A'.repeat(50_000) + ', ' + 'B '.repeat(20_000);
    expect(own(hostile)).toEqual([]);
  });
});
