import { defineRule } from '../../src/core/rule-kit.js';

/**
 * A run of CJK script (Han, kana, hangul, with the CJK punctuation and spaces between them) or of
 * full-width Latin letters and digits. Each alternative is a single character class, so the run
 * cannot backtrack.
 */
const CJK_RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー〆](?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー\u3000-\u303f\uff01-\uff0f\uff1a-\uff20·・ ]*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー〆])?/gu;
/** Full-width digits and Latin letters (U+FF10-FF19, FF21-FF3A, FF41-FF5A). */
const FULL_WIDTH_RUN = /[\uff10-\uff19\uff21-\uff3a]+/giu;

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

export default defineRule({
  meta: {
    id: 'untranslated',
    category: 'accuracy/untranslated',
    severity: 'error',
    description:
      'Chinese, Japanese or Korean text, or full-width letters and digits, left in English',
    messages: {
      han: 'Chinese characters `{{actual}}` were left untranslated; translate them or give the English name',
      kana: 'Japanese text `{{actual}}` was left untranslated',
      hangul: 'Korean text `{{actual}}` was left untranslated',
      fullWidth:
        'Full-width characters `{{actual}}` come from the source text; type them as ordinary letters or digits',
    },
    examples: {
      invalid: [
        'The meeting was held in 北京 on Monday.',
        'The 一带一路 initiative was discussed.',
        'He quoted the slogan 「がんばろう」 in Tokyo.',
        'Seoul officials said 감사합니다 to the visitors.',
        'The plan covers ２０２２ and ２０２３.',
        'The ＵＮ agency said so.',
      ],
      valid: [
        'The meeting was held in Beijing on Monday.',
        'The Belt and Road Initiative was discussed.',
        'Prices rose 5% in 2022, the agency said.',
        'The café served crème brûlée.',
        'Ms. Bachelet (the High Commissioner) visited.',
        'BEIJING, May 28 (Xinhua) -- The UN said “yes.”',
        'By Li Xin and Wang Yi',
        'I met the WHO and IAEA chiefs in Geneva.',
      ],
    },
  },
  create(_options, { report }) {
    return (_tree, file) => {
      const text = String(file.value);
      // Cheap test first: most English text has no character at or above U+1100.
      if (!/[\u1100-\uffff]/.test(text)) return;
      for (const match of text.matchAll(CJK_RUN)) {
        const run = match[0];
        // Japanese mixes kanji with kana, so kana decides first.
        const messageId = KANA.test(run)
          ? 'kana'
          : HANGUL.test(run)
            ? 'hangul'
            : HAN.test(run)
              ? 'han'
              : 'kana';
        report(file, {
          at: { start: match.index, end: match.index + run.length },
          messageId,
          data: { actual: run },
        });
      }
      for (const match of text.matchAll(FULL_WIDTH_RUN)) {
        report(file, {
          at: { start: match.index, end: match.index + match[0].length },
          messageId: 'fullWidth',
          data: { actual: match[0] },
        });
      }
    };
  },
});
