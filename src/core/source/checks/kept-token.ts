/**
 * kept-token: Latin-script tokens of the source (FPT, F-22, PMI, URLs, e-mail addresses) must
 * appear in the English, and Chinese person names of the source are expected there in pinyin.
 */
import type { Bilingual } from '../bilingual.js';
import { latinTokens, nameTokens, SURNAMES } from '../bilingual.js';
import type { SourceCheckMeta, SourceFinding } from '../types.js';
import { englishOf, finding, placeBefore, windowOf } from './common.js';

export const meta: SourceCheckMeta = {
  id: 'kept-token',
  category: 'accuracy/mistranslation',
  description: 'A code, acronym, address or name of the source is missing from the translation',
  severities: { token: 'warning', name: 'info' },
  messages: {
    token: '`{{source}}` from the source is missing from the translation',
    name: 'The name `{{source}}` ({{pinyin}}) from the source is not in the translation',
  },
};

function letters(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9@.:/-]/g, '');
}

/** How many aligned pairs either side of a sentence a token may have moved to. */
const WINDOW = 3;

export function check(bi: Bilingual): SourceFinding[] {
  const out: SourceFinding[] = [];
  bi.pairs.forEach((pair, k) => {
    if (!pair.zhRange) return;
    if (pair.en.length === 0) return; // an untranslated sentence is the omission check's finding
    const place = pair.enRange ?? placeBefore(bi, k);
    // A token may move a sentence or two: it is looked for in the English of the pairs around its
    // sentence (a bounded window, so the cost stays linear in the length of the article).
    const near = windowOf(bi, k, WINDOW)
      .map((p) => englishOf(bi, p))
      .join(' ');
    const nearLower = near.toLowerCase();
    const nearLetters = nearLower.replace(/[^a-z]/g, '');
    for (const t of latinTokens(bi.zh.text, pair.zhRange.start, pair.zhRange.end)) {
      const token = bi.zh.text.slice(t.start, t.end);
      if (token.length < 2) continue;
      const needle = token.toLowerCase();
      const bare = letters(token).replace(/[^a-z]/g, '');
      if (nearLower.includes(needle) || (bare !== '' && nearLetters.includes(bare))) continue;
      out.push(finding(meta, 'token', place, t, { source: token }, [token]));
    }
    for (const j of pair.zh) {
      for (const { token, pinyin } of nameTokens(bi.zhTokens[j] ?? [])) {
        // A full Chinese name: a common surname and a two-character given name. Two-character
        // words jieba calls names are too often common nouns (顾问 "adviser", 余震 "aftershock").
        if (!SURNAMES.has(token.word[0]!) || token.word.length !== 3) continue;
        const given = pinyin.slice(1).join('');
        const full = pinyin.join('');
        if (nearLetters.includes(full) || (given.length >= 3 && nearLetters.includes(given)))
          continue;
        // The surname alone as a word (Mr. Li) also names the person.
        if (new RegExp(`\\b${pinyin[0]}\\b`, 'i').test(near)) continue;
        const display = pinyin
          .map((p, i) => (i < 2 ? p[0]!.toUpperCase() + p.slice(1) : p))
          .join(' ');
        const spelled =
          pinyin.length > 1 ? `${cap(pinyin[0]!)} ${cap(pinyin.slice(1).join(''))}` : display;
        out.push(
          finding(
            meta,
            'name',
            place,
            { start: token.start, end: token.end },
            { source: token.word, pinyin: spelled },
            [spelled],
          ),
        );
      }
    }
  });
  return out;
}

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
