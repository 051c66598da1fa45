import { describe, expect, it } from '@jest/globals';
import { linterFor } from './lint-helper.js';

const lint = linterFor('untranslated');

describe('untranslated', () => {
  it('reports a run of Han characters with its punctuation as one finding', () => {
    const found = lint('The 中国梦，复兴梦 slogan was used.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ excerpt: '中国梦，复兴梦', suggestions: [] });
    expect(found[0]?.message).toMatch(/Chinese characters/);
  });

  it('names Japanese when kana are present, even among kanji', () => {
    expect(lint('He said 日本語です in Tokyo.')[0]?.message).toMatch(/Japanese/);
  });

  it('names Korean for hangul', () => {
    expect(lint('They said 안녕하세요 to all.')[0]?.message).toMatch(/Korean/);
  });

  it('reports full-width letters and digits in both cases', () => {
    const found = lint('In ２０２２ the ＵＮ and ｕｎ met.');
    expect(found.map((d) => d.excerpt)).toEqual(['２０２２', 'ＵＮ', 'ｕｎ']);
  });

  it('gives exact UTF-16 offsets after astral characters', () => {
    const text = 'The 😀 emoji and 𠀀北京 text.';
    const [found] = lint(text);
    expect(text.slice(found!.offset, found!.offset + found!.length)).toBe('𠀀北京');
  });

  it('ignores accented Latin, symbols and curly quotes', () => {
    expect(lint('The café’s “crème brûlée” cost €5 — a bargain.')).toEqual([]);
  });
});
