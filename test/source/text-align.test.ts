import { describe, expect, test } from '@jest/globals';
import { alignSequences, type AlignItem } from '../../src/core/source/align.js';
import { buildBilingual } from '../../src/core/source/bilingual.js';
import { splitEnglish } from '../../src/core/source/en-text.js';
import { parseChinese } from '../../src/core/source/zh-text.js';

describe('Chinese text model', () => {
  test('line breaks end paragraphs; 。！？； end sentences; a closing quote stays with its sentence', () => {
    const text = '他说：“今天下雨。”她问：“明天呢？”\r\n第二段；还有一句！\n\n最后一句';
    const zh = parseChinese(text);
    expect(zh.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual([
      '他说：“今天下雨。”她问：“明天呢？”',
      '第二段；还有一句！',
      '最后一句',
    ]);
    expect(zh.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      '他说：“今天下雨。”',
      '她问：“明天呢？”',
      '第二段；',
      '还有一句！',
      '最后一句',
    ]);
    expect(zh.paragraphSentences).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 5 },
    ]);
  });

  test('offsets are UTF-16 indices even past astral characters', () => {
    const text = '𠮷野家开业。好。';
    const zh = parseChinese(text);
    expect(zh.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['𠮷野家开业。', '好。']);
  });

  test('an ellipsis ends a sentence once', () => {
    const text = '他说……我们走吧。';
    expect(parseChinese(text).sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      '他说……',
      '我们走吧。',
    ]);
  });
});

describe('English splitter', () => {
  test('sentences end before a capital, not after Mr. or U.S.', () => {
    const text =
      'Mr. Li met U.S. officials on Feb. 11. They agreed. "Good," he said.\nNext paragraph.';
    const paragraphs = splitEnglish(text);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]!.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'Mr. Li met U.S. officials on Feb. 11.',
      'They agreed.',
      '"Good," he said.',
    ]);
  });
});

const item = (length: number, ...anchors: string[]): AlignItem => ({
  length,
  anchors: new Set(anchors),
});

describe('alignSequences', () => {
  test('pairs 1-1 when lengths agree', () => {
    const en = [item(90), item(45), item(180)];
    const zh = [item(20), item(10), item(40)];
    expect(alignSequences(en, zh).map((b) => [b.en, b.zh])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
    ]);
  });

  test('finds a 1-2 bead and a source sentence with no English', () => {
    const en = [item(180), item(90), item(90)];
    const zh = [item(20), item(20), item(20), item(30, 'n:5'), item(20)];
    const beads = alignSequences(en, zh).map((b) => [b.en, b.zh]);
    expect(beads).toContainEqual([[0], [0, 1]]);
    expect(beads).toContainEqual([[], [3]]);
  });

  test('anchors decide between equally long candidates', () => {
    const en = [item(90, 'n:7'), item(90, 'n:9')];
    const zh = [item(20, 'n:7'), item(20, 'n:9')];
    expect(alignSequences(en, zh).map((b) => [b.en, b.zh])).toEqual([
      [[0], [0]],
      [[1], [1]],
    ]);
  });

  test('an empty side gives only 1-0 or 0-1 beads', () => {
    expect(alignSequences([item(10)], []).map((b) => [b.en, b.zh])).toEqual([[[0], []]]);
  });

  test('stays within a band: 2,000 sentences each side align without blowing up', () => {
    const en = Array.from({ length: 2000 }, (_, i) => item(60 + (i % 7) * 20));
    const zh = Array.from({ length: 2000 }, (_, i) => item((60 + (i % 7) * 20) / 4.5));
    const beads = alignSequences(en, zh);
    expect(beads.every((b) => b.en.length === 1 && b.zh.length === 1 && b.en[0] === b.zh[0])).toBe(
      true,
    );
  });
});

describe('buildBilingual', () => {
  const text =
    'Premier Li Qiang met 35 business leaders on Feb. 11.\nHe said growth reached 5.2% in 2023. The economy is recovering.';
  const source =
    '国务院总理李强2月11日会见了35位企业家。\n他说，2023年经济增长5.2%。经济正在恢复。';

  test('pairs paragraphs and sentences and is confident for a true source', () => {
    const bi = buildBilingual({ text, source });
    expect(bi.status).toBe('ok');
    expect(bi.pairs.map((p) => [p.en, p.zh])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
    ]);
    expect(bi.pairs[0]!.zhRange).toEqual({ start: 0, end: source.indexOf('\n') });
  });

  test('an empty source, a source that is not Chinese, another article', () => {
    expect(buildBilingual({ text, source: '  \n ' }).status).toBe('empty');
    expect(buildBilingual({ text, source: 'This is English, not the source.' }).status).toBe(
      'not-chinese',
    );
    const other =
      '欧盟峰会为难民政策争吵不休。\n欧盟官员承认，难民接收过程每一步都存在瓶颈，有限的接收能力和成员国不堪重负的移民当局无法阻止难民在欧盟各国提交无数庇护申请，欧盟的难民接收系统处于近乎永久性的危机中。\n据欧盟委员会估计，欧盟的申根国家去年收到超92万份庇护申请，比前一年增加近半。';
    expect(buildBilingual({ text, source: other }).status).toBe('mismatch');
  });
});
