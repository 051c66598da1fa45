import {
  defineRule,
  layoutOf,
  loadWordList,
  paragraphs,
  sentences,
  sentenceWords,
  tagText,
  textOf,
  type Root,
  type Sentence,
  type WordInfo,
} from '../../src/core/rule-kit.js';
import { endsWithStopOrSemicolon, isCapitalised, lettersEnd, startsUpperCase } from './scan.js';

const INSTRUCTIONS = new Set(loadWordList(import.meta.url, './instruction-verbs.json'));

const NOT_VERBS = loadWordList(import.meta.url, './not-verbs.json');

/**
 * A Chinese-style enumeration head before the verb: `Fourth, experience a real Xinjiang.` Sticky:
 * tried at the start of each sentence, on the document.
 */
const ORDINAL_LEAD =
  /(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|firstly|secondly|thirdly|fourthly|finally|lastly|next),[ \t]*/iuy;
/** A list item: bullet, number or letter label at the start of a line. */
const LIST_ITEM = /^[ \t]*(?:[-*•·–—]|\(?\p{N}{1,3}[.)]|\(?\p{L}[.)])[ \t]/u;
/** Quotation marks: a quoted instruction is speech. */
const QUOTE_MARK = /["“”]/;
/** Words that make an imperative a real instruction addressed to the reader. */
const ADDRESSED = /\b(?:you|your|yours|yourself|please|us|let's)\b/iu;
/** Forms that are not a bare verb: -ing, -ed, third person -s (but not -ss, -us, -is). */
const NOT_BARE = /(?:ing|ed|[^su]s)$/u;
/** Irregular past participles that open participial phrases: `Set up in 2010, the fund ...` */
const PARTICIPLES = new Set([
  'set',
  'put',
  'cut',
  'hit',
  'built',
  'born',
  'made',
  'held',
  'given',
  'seen',
  'known',
  'led',
  'left',
  'shut',
  'spread',
  'hurt',
  'read',
  'found',
]);
/** Words to tag around the opening verb: enough context for the tagger, cheap for long sentences. */
const WINDOW = 8;
/** Reported instructions: `Take the bus, officials advised.` */
const REPORTED =
  /,[ \t]*(?:\p{L}+[ \t]+){1,4}(?:said|says|added|advised|urged|warned|told|stressed|explained|suggested|recommended)[.!]?["'”’]?$/u;
const MIN_WORDS = 5;

export default defineRule({
  meta: {
    id: 'subjectless-sentence',
    category: 'accuracy/omission',
    severity: 'warning',
    description: 'A news sentence that starts with a bare verb because its subject was dropped',
    messages: {
      bareVerb:
        'The sentence starts with the bare verb `{{verb}}` and has no subject: who does this? The subject was probably dropped in translation',
    },
    examples: {
      invalid: [
        'Bachelet visited Kashgar. Watch the exhibition on the theme of counter-terrorism, and learn more about the legal framework.',
        'Continue to operate the shifting standby system at the plant.',
        'The delegation arrived on Monday. Strengthen cooperation between the two sides in trade and investment.',
        'Fourth, experience a real Xinjiang and its culture.',
        'The minister left Beijing. Adhere to the principle of mutual respect in all the talks.',
      ],
      valid: [
        '"Watch the exhibition and learn more," the guide said.',
        'Click here to watch the video of the meeting.',
        'Tell each unit whether to turn left or right.',
        'For more information, visit the ministry website.',
        'Set up in 2010, the fund now manages assets worth billions.',
        'Founded in 1990, the company employs 500 people.',
        'Learn more about your rights at the court website.',
        'Imagine a city without cars in the centre.',
        'Support for the plan grew among the members.',
        'China and the OHCHR exchanged views on the issues.',
        'Build a modern socialist country',
        '- Promote high-quality development in all regions',
        'Watch out!',
        'Take the number 5 bus to the station, officials advised.',
        'BEIJING, May 28 (Xinhua) -- Chinese President Xi Jinping met the delegation.',
        'I agree with the plan and its aims.',
        'UN agencies welcomed the plan on Monday.',
        'By Li Xin and Wang Yi, with reporting by Jane Doe',
        'A view of the Great Hall of the People in Beijing, May 28, 2022.',
      ],
    },
  },
  create(_options, { report }) {
    return (tree, file) => {
      const text = String(file.value);
      const layout = layoutOf(file);
      let names: Set<string> | undefined;
      for (const paragraph of paragraphs(tree)) {
        const start = paragraph.position?.start.offset ?? 0;
        const line = layout.lineAt(start);
        if (layout.isHeadingLine(line) || LIST_ITEM.test(line.text)) continue;
        for (const node of paragraph.children) {
          if (node.type === 'SentenceNode') check(node);
        }
      }

      function check(sentence: Sentence): void {
        // Every sentence of five words or more gets this far, and most stop at the opening word
        // (`The`, `China`, `In`): up to there, the document and the shared words are read in place
        // and the sentence's text is not sliced.
        const words = sentenceWords(sentence, text);
        if (words.length < MIN_WORDS) return;
        const start = sentence.position?.start.offset ?? 0;
        const end = sentence.position?.end.offset ?? start;
        if (!endsWithStopOrSemicolon(text, start, end)) return;
        // The lead cannot run past the sentence: it holds no stop, semicolon or closing mark.
        ORDINAL_LEAD.lastIndex = start;
        const leadLength = ORDINAL_LEAD.test(text) ? ORDINAL_LEAD.lastIndex - start : 0;
        const verbStart = start + leadLength;
        const verbEnd = lettersEnd(text, verbStart);
        if (verbEnd === verbStart) return;
        // The verb is usually a word as the parser found it: then its strings are already read.
        const word = wordSpanning(words, verbStart, verbEnd);
        const verb = word?.text ?? text.slice(verbStart, verbEnd);
        // Cheap tests before the tagger: a capital (or an enumeration head), a bare form.
        if (leadLength === 0 && !isCapitalised(verb)) return;
        const lower = word?.lower ?? verb.toLowerCase();
        if (NOT_BARE.test(lower) || INSTRUCTIONS.has(lower) || PARTICIPLES.has(lower)) return;
        if (NOT_VERBS.has(lower)) return;
        // A word this text also capitalises mid-sentence is a name (`China`, `Bachelet`): most
        // sentences that get this far open with one. Asked before the expressions on the whole
        // sentence below (a sentence is reported only when every test passes, so the order
        // changes nothing but the cost; the set is built once a document, when a sentence first gets
        // this far).
        names ??= capitalisedMidSentence(tree, text);
        if (names.has(verb)) return;
        const value = textOf(text, sentence);
        if (ADDRESSED.test(value) || QUOTE_MARK.test(value) || layout.isQuoted(start)) return;
        // Tests of the text alone before the tagger, the costliest step here (they were after it;
        // a sentence is reported only when all pass, so the order changes nothing but the cost).
        if (hasLaterSubject(value) || REPORTED.test(value)) return;

        const windowEnd = words[Math.min(WINDOW, words.length) - 1]!.end;
        const tokens = tagText(text.slice(verbStart, windowEnd)).tokens;
        const first = tokens[0];
        if (!first || first.text.toLowerCase() !== lower) return;
        // After an enumeration head the tagger often reads the verb as a noun; a noun does not
        // take a determiner straight after it, a verb does: `Fourth, experience a real Xinjiang`.
        const verbLike =
          first.tag === 'VERB' ||
          (leadLength !== 0 && /^(?:NOUN|PROPN)$/.test(first.tag) && tokens[1]?.tag === 'DET');
        if (!verbLike) return;
        // `Hit by the storm, ...`: a participle, whose subject follows.
        if (tokens[1]?.text.toLowerCase() === 'by') return;

        report(file, {
          at: { start: verbStart, end: verbEnd },
          messageId: 'bareVerb',
          data: { verb },
        });
      }
    };
  },
});

/** The word of `words` that spans exactly `start..end`, if any. */
function wordSpanning(
  words: readonly WordInfo[],
  start: number,
  end: number,
): WordInfo | undefined {
  for (const word of words) {
    if (word.start >= start) return word.start === start && word.end === end ? word : undefined;
  }
  return undefined;
}

/** Words written with a capital somewhere other than at the start of a sentence. */
function capitalisedMidSentence(tree: Root, text: string): Set<string> {
  const found = new Set<string>();
  for (const sentence of sentences(tree)) {
    const words = sentenceWords(sentence, text);
    for (let index = 1; index < words.length; index++) {
      const value = words[index]!.text;
      if (startsUpperCase(value)) found.add(value);
    }
  }
  return found;
}

/**
 * `Set up in 2010, the fund grows`: after the first comma comes a subject and its verb, so the
 * opening verb heads a participial phrase, not a main clause. A comma then `and` is a second verb
 * of the same subjectless clause (`Watch ..., and learn more`).
 */
function hasLaterSubject(sentence: string): boolean {
  const comma = sentence.indexOf(',');
  if (comma === -1) return false;
  const after = sentence.slice(comma + 1).trimStart();
  if (/^(?:and|or|but|then)\b/iu.test(after)) return false;
  return /^(?:the|a|an|this|these|its|their|his|her|our|it|they|he|she|we|i|\p{Lu}\p{L}*)\b/u.test(
    after,
  );
}
