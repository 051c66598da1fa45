/**
 * omission: a source sentence or paragraph with no English counterpart (quoted in the message and
 * placed where it is missing), an English sentence far shorter than its source, an English
 * paragraph with no source.
 */
import { LENGTH_MODEL } from '../align.js';
import type { Bilingual } from '../bilingual.js';
import type { SourceCheckMeta, SourceFinding } from '../types.js';
import { chineseLength, hanCount } from '../zh-text.js';
import { chineseOf, englishOf, finding, placeBefore, quote } from './common.js';

export const meta: SourceCheckMeta = {
  id: 'omission',
  category: 'accuracy/omission',
  description: 'Source text with no counterpart in the translation',
  severities: {
    paragraph: 'error',
    sentence: 'warning',
    'too-short': 'warning',
    'no-source': 'warning',
  },
  messages: {
    paragraph: 'A source paragraph is not translated: “{{source}}”',
    sentence: 'A source sentence is not translated: “{{source}}”',
    'too-short':
      'This sentence is much shorter than its source and may leave part of it out: “{{source}}”',
    'no-source': 'This paragraph has no counterpart in the source',
  },
};

/** Source text shorter than this (in Han characters) is too slight to report as omitted. */
const MIN_OMITTED = 8;
/**
 * How many standard deviations below the usual length ratio a sentence must fall to be reported as
 * too short (measured on the development data: see docs/accuracy-source.md).
 */
export const TOO_SHORT_SIGMAS = 2.5;
const MIN_TOO_SHORT = 25;

export function check(bi: Bilingual): SourceFinding[] {
  const out: SourceFinding[] = [];
  let k = 0;
  while (k < bi.pairs.length) {
    const pair = bi.pairs[k]!;
    if (pair.en.length === 0 && pair.zhRange) {
      // A run of source sentences with no English: one finding per run.
      let last = k;
      while (
        last + 1 < bi.pairs.length &&
        bi.pairs[last + 1]!.en.length === 0 &&
        bi.pairs[last + 1]!.paragraphUnmatched === pair.paragraphUnmatched
      )
        last++;
      const source = { start: pair.zhRange.start, end: bi.pairs[last]!.zhRange!.end };
      const zh = bi.zh.text.slice(source.start, source.end);
      if (hanCount(zh) >= MIN_OMITTED)
        out.push(
          finding(
            meta,
            pair.paragraphUnmatched ? 'paragraph' : 'sentence',
            placeBefore(bi, k),
            source,
            {
              source: quote(zh),
            },
          ),
        );
      k = last + 1;
      continue;
    }
    if (pair.zh.length === 0 && pair.enRange && pair.paragraphUnmatched) {
      let last = k;
      while (
        last + 1 < bi.pairs.length &&
        bi.pairs[last + 1]!.zh.length === 0 &&
        bi.pairs[last + 1]!.paragraphUnmatched
      )
        last++;
      const english = { start: pair.enRange.start, end: bi.pairs[last]!.enRange!.end };
      out.push(finding(meta, 'no-source', english, { start: 0, end: 0 }, {}));
      k = last + 1;
      continue;
    }
    if (pair.enRange && pair.zhRange) {
      const zh = chineseOf(bi, pair);
      const lz = chineseLength(zh);
      const le = englishOf(bi, pair).length;
      if (lz >= MIN_TOO_SHORT) {
        const z = (Math.log(le / lz) - LENGTH_MODEL.logRatio) / LENGTH_MODEL.sigma;
        if (z < -TOO_SHORT_SIGMAS)
          out.push(finding(meta, 'too-short', pair.enRange, pair.zhRange, { source: quote(zh) }));
      }
    }
    k++;
  }
  return out;
}
