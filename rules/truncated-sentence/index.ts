import { z } from 'zod';
import {
  defineRule,
  hasFiniteVerb,
  isFiniteContraction,
  layoutOf,
  ABBREVIATIONS,
  loadWordList,
  paragraphs,
  sentenceWords,
  tagSentence,
  textOf,
  type Sentence,
  type TaggedWord,
  type WordInfo,
} from '../../src/core/rule-kit.js';
import { isCutAfterPreposition, PREPOSITIONS } from './stranded.js';
import { isCutConjunction } from './cut-conjunctions.js';
import { afterSpaces, endsWithStop, EXCLAMATION, FULL_STOP, nextLowerAfterStop } from './scan.js';

/** Abbreviations whose full stop may be followed by a lower-case word ("5 p.m. local time"). */
const DANGLING = new Set(loadWordList(import.meta.url, './dangling-words.json'));
/**
 * The last word of each entry of several words (`such as` gives `as`): the two last words of a
 * sentence are joined for the look-up only when the last one is among these.
 */
const DANGLING_TWO_LAST = new Set(
  [...DANGLING].filter((entry) => entry.includes(' ')).map((entry) => entry.split(' ').at(-1)!),
);
const FINITE = loadWordList(import.meta.url, './finite-words.json');

/** The word (with inner full stops, as in `p.m`) that ends a window of text. */
const WORD_BEFORE = /[\p{L}\p{N}.]*$/u;
/** The lower-case word that starts the fragment. */
const WORD_AFTER = /^\p{Ll}[\p{L}'’-]*/u;
/**
 * A lower-case word (perhaps with a comma after it) or a dash, then `a.` that ends the sentence:
 * before a capital, a line break, or the end. `This is a white noise, a.`, `there's a.`
 */
const ARTICLE_A_END =
  /(?:\p{Ll}{2}[,;]?|\p{Ll}['’]s|[–—])[ \t]a\.(?=[ \t]+\p{Lu}|[ \t]*(?:[\r\n]|$))/gu;
/** `The more ..., the worse ...`: a comparative correlative, whole without a verb. */
const CORRELATIVE =
  /^the (?:more|less|fewer|better|worse|\p{L}+er)\b[^,]*, the (?:more|less|fewer|better|worse|\p{L}+er)\b/iu;
/** A numbered item (`2.`, `(3)`, `4)`) whose first word is lower case: the offset of that word. */
const NUMBERED_LOWER = /^[ \t]*\(?\p{N}{1,3}[.)][ \t]+(?=\p{Ll})/gmu;
/** An item that runs on as prose: three words at least. */
const PROSE_ITEM = /^\p{Ll}[\p{L}'’-]*(?:[ \t,]+[\p{L}\p{N}][\p{L}\p{N}'’-]*){2}/u;
/** Four words or more. */
const SENTENCE_OF_FOUR = /(?:[\p{L}\p{N}]+[^\p{L}\p{N}]+){3}[\p{L}\p{N}]/u;
/** `a 5 in. screen`: inches after a small figure, an abbreviation that lower case may follow. */
const INCHES_BEFORE = /(?:^|\s)\d{1,3}(?:\.\d+)? in$/u;
/** A line that ends as a sentence does. */
const SENTENCE_END = /[.!?]["'”’)\]]*\s*$/u;
/** The line before ends on a colon (or, inside such a list, on a semicolon or comma). */
const AFTER_COLON = /[:;,][ \t]*\r?\n[ \t]*$/u;
/** A list item: bullet, number or letter label at the start of a line. */
const LIST_ITEM = /^[ \t]*(?:[-*•·–—]|\(?\p{N}{1,3}[.)]|\(?\p{L}[.)])[ \t]/u;
/** A photo caption's credit or date: `(Xinhua/Li Xin)`, `Image courtesy of ...`, `May 28, 2022.` */
const CAPTION =
  /\((?:[^()]{0,40}\/[^()]{0,40}|photo[^()]{0,60})\)|^(?:photo|image|file photo|source)\b|\bcourtesy of\b|\p{Lu}\p{Ll}{2,8}\.? \p{N}{1,2}, \p{N}{4}\.?$/iu;
/** A month and day: with few words around it, a dateline (`Xinhua News Agency, Beijing, Feb. 11th.`). */
const DATE =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \p{N}{1,2}(?:st|nd|rd|th)?\b/u;
/** A headline's site name after a dash or bar (`... - Economic Observer Network`), or a byline's dash. */
const SITE_OR_BYLINE = /^[-–—]|\s[-–—|]\s+\p{Lu}/u;

const options = z
  .object({
    /** Sentences shorter than this many words are not checked for a missing finite verb. */
    minWordsWithoutVerb: z
      .number()
      .int()
      .min(1)
      .default(6)
      .describe('shorter sentences are not checked for a missing finite verb'),
  })
  .prefault({});

export default defineRule({
  meta: {
    id: 'truncated-sentence',
    category: 'accuracy/omission',
    severity: 'warning',
    description: 'A sentence that lost part of itself in translation',
    messages: {
      lowerStart:
        'A sentence starts with lower-case `{{word}}` after `{{mark}}`: part of it was probably lost, or two sentences were cut apart; check the source',
      lowerItem:
        'A numbered item starts with lower-case `{{word}}`: part of it was probably lost; check the source',
      danglingEnd:
        'The sentence ends on `{{word}}`, which cannot end a sentence: the rest of it was probably lost',
      noVerb:
        'This sentence has no finite verb: part of it (often the subject and verb) was probably lost in translation',
      tooShort:
        'A sentence of only `{{text}}`: probably a fragment left behind by a lost or split clause',
    },
    options,
    examples: {
      invalid: [
        'Their initiatives have won the support of developing countries. echo.',
        'He hoped for the dignity of being valued and.',
        'The plan was backed by the ministry and the.',
        'Face-to-face communication with religious figures to learn about the legal respect for freedom of belief.',
        'She observed the Internet Court. Leading practice in the judicial protection of rights in the digital field, learning about the practices of companies.',
        'The two sides met in Beijing. Bilateral cooperation. Then they signed the deal.',
        'Can we hear them? but LISA can.',
        'The plan has three parts.\n2. the second part covers the costs.',
        'Nature would prevent black holes from forming to.',
        'Most of the growth came from.',
        'We need to.',
        'The death toll in Turkey stands at 20,665, while.',
        'Rescuers found the father, but.',
        'This is a white noise, a.',
        'It rejects the "1992 Consensus". according to official figures, exports fell.',
      ],
      valid: [
        'Xi meets UN human rights chief in Guangzhou',
        'BEIJING, May 28 (Xinhua) -- The two sides held talks on Monday.',
        'By Li Xin and Wang Yi',
        'A view of the Great Hall of the People in Beijing, capital of China, May 28, 2022.',
        'The talks ended at 5 p.m. local time, officials said.',
        'He said: "Not now. maybe later."',
        '- Measures to protect the rights of workers in the digital economy',
        'Prices rose. Wages fell.',
        'The vote was close. Very close.',
        'Which side are you on?',
        'Who did the work? The workers of the company.',
        'The book is hers.',
        'She gave up.',
        'The U.S. and China agreed.',
        'Will he sign? He wants to.',
        'I would go if I wanted to.',
        'It took a while.',
        'I think so.',
        'He was anything but.',
        'The phone has a 5 in. screen.',
        '“Thank you.” The minister smiled.',
        'I agree.',
        'See the full list of measures on the ministry website.',
        'Given any schema, use the parser to validate an input.',
        'Xinhua News Agency, Beijing, February 11th.',
        'The talks went well. - Economic Observer Network reporter Chen Shan.',
        'Image courtesy of the Vietnam News Agency.',
        "The ministry published the figures. China's encouraging higher fertility rates by promoting new policies.",
        "It's actually not big enough for its mass.",
        'The murder rate ranges from 15 to 150 per million.',
        'The more unequal the society, the worse the outcomes for everyone.',
        'It comes from the universe we look up into.',
        'That is what we are talking about.',
        'We have nothing to worry about.',
        'Turn it on.',
        'Officials listed the aims:\n1. meeting senior officials in Beijing.',
      ],
    },
  },
  create({ minWordsWithoutVerb }, { report }) {
    return (tree, file) => {
      const text = String(file.value);
      const layout = layoutOf(file);

      // 1. A lower-case start after a full stop, question or exclamation mark: found in the raw
      // text, because the parser does not split sentences there. The finding is the lower-case
      // word, and the fix is that word with the capital a sentence start needs.
      for (let at = nextLowerAfterStop(text, 0); at !== -1; at = nextLowerAfterStop(text, at + 1)) {
        const mark = text[at]!;
        if (mark === '.') {
          const before = text.slice(Math.max(0, at - 30), at);
          const word = WORD_BEFORE.exec(before)![0];
          // The end of a compound (`op-ed`) is a word, whatever abbreviation it looks like.
          const compound = /\p{L}-$/u.test(before.slice(0, before.length - word.length));
          if (!compound && isAbbreviation(word.replace(/^\.+/, ''))) continue;
          if (INCHES_BEFORE.test(before)) continue;
        }
        const start = afterSpaces(text, at + 1);
        const line = layout.lineAt(start);
        if (
          isInsideQuotation(start, line) ||
          (layout.isHeadingLine(line) && !endsSentenceFirst(line, at)) ||
          LIST_ITEM.test(line.text)
        ) {
          continue;
        }
        reportLowerStart(start, mark);
      }

      // 2. A numbered item that is a sentence (it ends like one) but starts in lower case. Items
      // after a colon are the parts of one sentence and may start in lower case.
      for (const match of text.matchAll(NUMBERED_LOWER)) {
        const start = match.index + match[0].length;
        const line = layout.lineAt(start);
        if (layout.isQuoted(start)) continue;
        // An item that does not end as a sentence may be a fragment of a list (`2. tax cuts`),
        // unless the line before ends a sentence and the item runs on as prose does.
        if (!SENTENCE_END.test(line.text) && !afterSentence(line.start, start)) continue;
        if (
          line.start > 0 &&
          AFTER_COLON.test(text.slice(Math.max(0, line.start - 20), line.start))
        ) {
          continue;
        }
        reportLowerStart(start, 'numbered item');
      }

      // 3a. `... and a.`: the parser takes a lone `a.` for an initial and does not end the
      // sentence there, so the article that ends a cut sentence is found in the raw text.
      for (const match of text.matchAll(ARTICLE_A_END)) {
        const start = match.index + match[0].length - 2;
        const line = layout.lineAt(start);
        if (layout.isQuoted(start) || layout.isHeadingLine(line) || LIST_ITEM.test(line.text)) {
          continue;
        }
        report(file, {
          at: { start, end: start + 2 },
          messageId: 'danglingEnd',
          data: { word: 'a' },
        });
      }

      /**
       * Quoted speech may run on in lower case (`"Not now. maybe later."`); a quotation left open
       * to the end of the line is no evidence of speech, as a cut sentence often loses its
       * closing quote with the rest of it.
       */
      function isInsideQuotation(start: number, line: { start: number; text: string }): boolean {
        if (!layout.isQuoted(start)) return false;
        const rest = line.text.slice(start - line.start);
        return rest.includes('"') || rest.includes('”');
      }

      /**
       * Whether the line holds a sentence of its own (four words or more) before the stop at
       * `at`: a line with no final stop is read as a headline, but a headline is not prose that
       * ends a sentence and runs on (`…to form a black hole. the intense sunlight is…`).
       */
      function endsSentenceFirst(line: { start: number; text: string }, at: number): boolean {
        return SENTENCE_OF_FOUR.test(line.text.slice(0, at - line.start));
      }

      /** Whether the line before `lineStart` ends a sentence and the item at `start` is prose. */
      function afterSentence(lineStart: number, start: number): boolean {
        if (lineStart === 0) return false;
        const before = text.slice(Math.max(0, lineStart - 20), lineStart);
        if (!SENTENCE_END.test(before) || AFTER_COLON.test(before)) return false;
        return PROSE_ITEM.test(text.slice(start, start + 80));
      }

      function reportLowerStart(start: number, mark: string): void {
        const word = WORD_AFTER.exec(text.slice(start, start + 40))![0];
        report(file, {
          at: { start, end: start + word.length },
          messageId: mark === 'numbered item' ? 'lowerItem' : 'lowerStart',
          data: { word, mark },
          expected: [word.charAt(0).toUpperCase() + word.slice(1)],
        });
      }

      for (const paragraph of paragraphs(tree)) {
        // The first sentence and how many there are, counted rather than filtered into an array.
        let first: Sentence | undefined;
        let count = 0;
        for (const node of paragraph.children) {
          if (node.type !== 'SentenceNode') continue;
          first ??= node;
          count++;
        }
        if (!first) continue;
        const line = layout.lineAt(first.position?.start.offset ?? 0);
        // Headlines, bylines, datelines on their own, captions and list items are not prose.
        if (layout.isHeadingLine(line) || LIST_ITEM.test(line.text)) continue;
        for (const node of paragraph.children) {
          if (node.type === 'SentenceNode') checkSentence(node, count > 1, node === first);
        }
      }

      /**
       * Whether something before the sentence at `start` may hold the verb phrase an elliptical
       * `to` stands for (`Will he sign? He wants to.`): a sentence before it in its paragraph, or
       * a question just before the paragraph.
       */
      function hasAntecedent(start: number, opens: boolean): boolean {
        if (!opens) return true;
        let at = start - 1;
        while (at >= 0 && /\s/.test(text[at]!)) at--;
        return text[at] === '?';
      }

      function checkSentence(sentence: Sentence, hasNeighbours: boolean, opens: boolean): void {
        // Most sentences end well and have a verb in plain sight: everything here reads the shared
        // words and the document's char codes, and slices the sentence's text only for the few
        // candidates that get that far.
        const words = sentenceWords(sentence, text);
        const first = words[0];
        const last = words.at(-1);
        if (!first || !last) return;
        const start = sentence.position?.start.offset ?? 0;
        const end = sentence.position?.end.offset ?? start;
        if (layout.isQuoted(first.start)) return;
        if (!endsWithStop(text, start, end)) return;

        // 3. Ends on a word that cannot end a sentence.
        const lastEnd = last.end;
        const stop = text.charCodeAt(lastEnd);
        if (words.length >= 3 && (stop === FULL_STOP || stop === EXCLAMATION)) {
          const lastWord = last.text;
          const lastTwo = DANGLING_TWO_LAST.has(lastWord)
            ? `${words.at(-2)!.text} ${lastWord}`
            : '';
          let dangling = DANGLING.has(lastTwo) ? lastTwo : DANGLING.has(lastWord) ? lastWord : '';
          // A preposition is left at the end of many whole sentences (`what we talked about`): it
          // counts only when nothing before it shows why it was left there.
          if (
            (!dangling || dangling === lastWord) &&
            PREPOSITIONS.has(lastWord) &&
            !isCutAfterPreposition(words, tagSentence(sentence, text), text, () =>
              hasAntecedent(start, opens),
            )
          ) {
            dangling = '';
          } else if (!dangling && PREPOSITIONS.has(lastWord)) {
            dangling = lastWord;
          } else if (
            !dangling &&
            isCutConjunction(
              lastWord,
              words.at(-2)!.lower,
              text.slice(words.at(-2)!.end, last.start),
            )
          ) {
            dangling = lastWord;
          }
          if (dangling) {
            report(file, {
              at: { start: lastEnd - dangling.length, end: lastEnd + 1 },
              messageId: 'danglingEnd',
              data: { word: dangling },
            });
            return;
          }
        }

        // 4. A one- or two-word sentence among others, with no verb or pronoun: `Echo.`
        const short = words.length <= 2 && hasNeighbours;
        // 5. No finite verb. Cheap test first: most sentences hold a finite form in plain sight.
        const long = words.length >= minWordsWithoutVerb && !likelyFinite(words);
        if (!short && !long) return;
        const trimmed = textOf(text, sentence).trim();
        if (trimmed.startsWith('(') || CAPTION.test(trimmed) || SITE_OR_BYLINE.test(trimmed)) {
          return;
        }
        if (words.length <= 10 && DATE.test(trimmed)) return;

        if (short) {
          if (tagSentence(sentence, text).some(isClauseLike)) return;
          report(file, { at: { start, end }, messageId: 'tooShort', data: { text: trimmed } });
          return;
        }
        // `The more unequal the society, the worse ...`: the comparative correlative needs no verb.
        if (CORRELATIVE.test(trimmed)) return;
        // An imperative (`See the guide for details.`) is whole; a dropped subject is another rule's.
        if (hasFiniteVerb(tagSentence(sentence, text), { imperative: true })) return;
        report(file, { at: { start, end }, messageId: 'noVerb' });
      }
    };
  },
});

const SUBJECT_PRONOUNS = new Set(['i', 'we', 'they', 'he', 'she', 'it', 'you']);

/**
 * The fast path: a sentence with a finite form, an irregular past, a word in `-ed` (past tense or
 * participle: counted as finite, as the tagger-based test does) or a subject pronoun with a word
 * after it surely or very likely has a finite verb. Only the rest are tagged.
 */
function likelyFinite(words: readonly WordInfo[]): boolean {
  for (let index = 0; index < words.length; index++) {
    const lower = words[index]!.lower;
    if (FINITE.has(lower)) return true;
    if (lower.length > 4 && lower.endsWith('ed')) return true;
    if (SUBJECT_PRONOUNS.has(lower) && index + 1 < words.length) return true;
    if (isFiniteContraction(lower)) return true;
  }
  return false;
}

/** A word that makes even a one- or two-word sentence whole: a verb, pronoun or interjection. */
function isClauseLike(word: TaggedWord): boolean {
  return ['VERB', 'AUX', 'PRON', 'INTJ', 'ADV'].includes(word.tag) || word.text === 'I';
}

function isAbbreviation(word: string): boolean {
  // A single letter (`D.C.`'s `C`), an initialism with inner stops (`p.m`, `Ph.D`: short parts,
  // unlike a site's name such as `Chinanews.com`), a number (`No. 5`'s `5` cannot precede lower
  // case in prose anyway), or a known abbreviation.
  return (
    word.length === 1 ||
    (word.includes('.') && word.split('.').every((part) => part.length <= 3)) ||
    ABBREVIATIONS.has(word.toLowerCase())
  );
}
