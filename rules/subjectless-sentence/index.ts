import {
  defineRule,
  layoutOf,
  loadJson,
  paragraphs,
  sentences,
  sentenceWords,
  tagText,
  textOf,
  wordsOf,
  type Root,
  type Sentence,
} from '../../src/core/index.js';

const INSTRUCTIONS = new Set(
  loadJson<{ words: string[] }>(import.meta.url, './instruction-verbs.json').words,
);

const NOT_VERBS = new Set(loadJson<{ words: string[] }>(import.meta.url, './not-verbs.json').words);

/** A Chinese-style enumeration head before the verb: `Fourth, experience a real Xinjiang.` */
const ORDINAL_LEAD =
  /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|firstly|secondly|thirdly|fourthly|finally|lastly|next),[ \t]*/iu;
/** A list item: bullet, number or letter label at the start of a line. */
const LIST_ITEM = /^[ \t]*(?:[-*•·–—]|\(?\p{N}{1,3}[.)]|\(?\p{L}[.)])[ \t]/u;
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
        const words = wordsOf(sentence);
        if (words.length < MIN_WORDS) return;
        const start = sentence.position?.start.offset ?? 0;
        const end = sentence.position?.end.offset ?? start;
        const value = textOf(text, sentence);
        if (!/[.;]["'”’)\]]*$/u.test(value.trimEnd())) return;
        const lead = ORDINAL_LEAD.exec(value)?.[0] ?? '';
        const rest = value.slice(lead.length);
        const verb = /^\p{L}+/u.exec(rest)?.[0];
        if (!verb) return;
        const lower = verb.toLowerCase();
        // Cheap tests before the tagger: a capital (or an enumeration head), a bare form.
        if (!lead && !/^\p{Lu}\p{Ll}+$/u.test(verb)) return;
        if (NOT_BARE.test(lower) || INSTRUCTIONS.has(lower) || PARTICIPLES.has(lower)) return;
        if (NOT_VERBS.has(lower)) return;
        if (ADDRESSED.test(value) || /["“”]/.test(value) || layout.isQuoted(start)) return;
        // A word this text also capitalises mid-sentence is a name (`China`, `Bachelet`).
        names ??= capitalisedMidSentence(tree, text);
        if (names.has(verb)) return;

        const windowWords = wordsOf(sentence).slice(0, WINDOW);
        const windowEnd = windowWords.at(-1)?.position?.end.offset ?? end;
        const tokens = tagText(text.slice(start + lead.length, windowEnd)).tokens;
        const first = tokens[0];
        if (!first || first.text.toLowerCase() !== lower) return;
        // After an enumeration head the tagger often reads the verb as a noun; a noun does not
        // take a determiner straight after it, a verb does: `Fourth, experience a real Xinjiang`.
        const verbLike =
          first.tag === 'VERB' ||
          (lead !== '' && /^(?:NOUN|PROPN)$/.test(first.tag) && tokens[1]?.tag === 'DET');
        if (!verbLike) return;
        // `Hit by the storm, ...`: a participle, whose subject follows.
        if (tokens[1]?.text.toLowerCase() === 'by') return;
        if (hasLaterSubject(value) || REPORTED.test(value)) return;

        const at = start + lead.length;
        report(file, {
          at: { start: at, end: at + verb.length },
          messageId: 'bareVerb',
          data: { verb },
        });
      }
    };
  },
});

/** Words written with a capital somewhere other than at the start of a sentence. */
function capitalisedMidSentence(tree: Root, text: string): Set<string> {
  const found = new Set<string>();
  for (const sentence of sentences(tree)) {
    const words = sentenceWords(sentence, text);
    for (let index = 1; index < words.length; index++) {
      const value = words[index]!.text;
      if (/^\p{Lu}/u.test(value)) found.add(value);
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
