/**
 * Part-of-speech tags for the words of a sentence, for rules that must know what a word is (a
 * finite verb, a determiner, a proper noun). The tagger is wink-nlp with its lite English model
 * (Universal Dependencies tags), loaded once, when the first sentence is tagged (importing the rules,
 * validating a config or listing the rules never loads it); tags are computed
 * lazily, per sentence, and cached on the sentence node so every rule shares one tagging per
 * document. See docs/pos-tagging.md for the choice and its measured speed and accuracy.
 */
import { createRequire } from 'node:module';
import type WinkNLP from 'wink-nlp';
import type { Sentence } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { sentenceWords, textOf, type WordInfo } from './nlcst.js';

/** Universal Dependencies part-of-speech tags, as the model emits them. */
export type PosTag =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X'
  | 'SPACE';

/** One word of a sentence with its tag and exact offsets into the document. */
export interface TaggedWord extends WordInfo {
  tag: PosTag;
}

type Nlp = ReturnType<typeof WinkNLP>;
let tagger: { nlp: Nlp; its: Nlp['its']; lexiconSize: number } | undefined;

/**
 * The tagger, built on first use. Both packages are CommonJS, so they are required synchronously
 * here rather than imported: the model takes about half a second to load, and a process that
 * never tags (a config check, `GET /v1/rules`, a run of rules that need no tags) never pays it.
 * Only the POS pipe: sentence splitting, NER and sentiment would cost time and we parse with nlcst.
 */
function loadTagger(): { nlp: Nlp; its: Nlp['its']; lexiconSize: number } {
  if (!tagger) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as typeof WinkNLP;
    const model = require('wink-eng-lite-web-model') as Parameters<typeof WinkNLP>[0];
    const nlp = winkNLP(model, ['pos']);
    // The lexicon gives its own words the ids below its size, and each word it does not know the
    // next id after it: the first unknown word read, before any other text, tells the size.
    const [lexiconSize] = nlp.readDoc('qxzqvjx').tokens().out(nlp.its.uniqueId) as number[];
    tagger = { nlp, its: nlp.its, lexiconSize: lexiconSize! };
  }
  return tagger;
}

/** A word read on its own: whether the lexicon knows it, and the tag it gets with no context. */
interface LoneReading {
  known: boolean;
  tag: PosTag | undefined;
}
/**
 * Words read on their own, per process: texts ask about few words, and mostly the same ones. Bounded,
 * so that a long-running service fed ever new words does not grow without end: when full, it starts
 * over (a few thousand look-ups cost less than one document's tagging).
 */
const loneReadings = new Map<string, LoneReading>();
const MAX_LONE_READINGS = 50_000;

function readAlone(lower: string): LoneReading {
  const remembered = loneReadings.get(lower);
  if (remembered) return remembered;
  const { nlp, its, lexiconSize } = loadTagger();
  const tokens = nlp.readDoc(lower).tokens();
  let reading: LoneReading = { known: false, tag: undefined };
  if (tokens.length() === 1) {
    const [id] = tokens.out(its.uniqueId) as number[];
    const [tag] = tokens.out(its.pos) as PosTag[];
    reading = { known: id !== undefined && id < lexiconSize, tag };
  }
  if (loneReadings.size >= MAX_LONE_READINGS) loneReadings.clear();
  loneReadings.set(lower, reading);
  return reading;
}

/**
 * Whether the tagger's lexicon holds `lower` as a common word: one it knows (`rescuers`, `dental`,
 * `industry`) and does not tag as a proper noun when read alone (`iran`, `monday` are names there;
 * `xinhua`, `lifeng` are not in it at all). For rules that must tell a capitalised common word from
 * a name.
 */
export function isCommonWord(lower: string): boolean {
  const { known, tag } = readAlone(lower);
  return known && tag !== 'PROPN';
}

/**
 * The tag a word gets read on its own, with no sentence around it (`promoting`: VERB, `jointly`:
 * ADV, `law`: NOUN); undefined when the tokenizer splits it. A cheap first guess, for rules that
 * must decide whether a sentence is worth tagging at all: in a sentence the tag may differ.
 */
export function tagAlone(lower: string): PosTag | undefined {
  return readAlone(lower).tag;
}

/** How far past white space a token may start (characters the tokenizer drops). */
const MAX_GAP = 4;
const WHITE_SPACE = /\s/u;
/** `/\s/u` at one index: by the code for ASCII (tab to carriage return, space), else the expression. */
function isWhiteSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return WHITE_SPACE.test(text[index]!);
}

/** A raw tagging: token values, their tags and their offsets into the tagged string. */
export interface Tagging {
  tokens: { text: string; tag: PosTag; start: number; end: number }[];
}

/**
 * Tags a string. Offsets are recovered by finding each token in the string from where the last one
 * ended (the tokenizer keeps tokens as written), so they are exact UTF-16 indices into `text`.
 */
export function tagText(text: string): Tagging {
  const { nlp, its } = loadTagger();
  const read = nlp.readDoc(text).tokens();
  const values = read.out(its.value) as string[];
  const tags = read.out(its.pos) as PosTag[];
  const tokens: Tagging['tokens'] = [];
  let cursor = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    while (cursor < text.length && isWhiteSpaceAt(text, cursor)) cursor++;
    // Look only a little ahead, so a token the tokenizer rewrote is skipped, rather than
    // misaligning the rest or searching the whole text for each token.
    // (The first start within MAX_GAP where the token is written; no substring is allocated.)
    let at = cursor;
    while (at <= cursor + MAX_GAP && !text.startsWith(value, at)) at++;
    if (at > cursor + MAX_GAP || at + value.length > text.length) continue;
    tokens.push({ text: value, tag: tags[index]!, start: at, end: at + value.length });
    cursor = at + value.length;
  }
  return { tokens };
}

declare module 'unist' {
  interface Data {
    /** The tagged words of a sentence: see `tagSentence`. */
    mtlintTags?: TaggedWord[];
  }
}

/**
 * The words of a sentence (its nlcst WordNodes, in order) with their tags. A word the tokenizer
 * splits (`China's`, `face-to-face`) takes the tag of its head: the last non-punctuation token of a
 * hyphenated compound, else the first token. Remembered in the sentence node's `data` (as
 * `sentenceWords` explains, not in a WeakMap). Pass the text the sentence was parsed from (the
 * document) to read words from it rather than from the nodes: same result.
 */
export function tagSentence(sentence: Sentence, documentText?: string): TaggedWord[] {
  const cached = sentence.data?.mtlintTags;
  if (cached) return cached;

  const base = sentence.position?.start.offset ?? 0;
  // With the document's text, the sentence and its words are read from it by their offsets (and
  // the words shared with `sentenceWords`) instead of being rebuilt by walking the nodes.
  const words: readonly WordInfo[] =
    documentText === undefined ? wordsByWalking(sentence) : sentenceWords(sentence, documentText);
  const { tokens } = tagText(
    documentText === undefined ? toString(sentence) : textOf(documentText, sentence),
  );
  const result: TaggedWord[] = [];
  let next = 0;
  for (const { node, text, lower, start, end } of words) {
    const from = start - base;
    const to = end - base;
    while (next < tokens.length && tokens[next]!.end <= from) next++;
    let tag: PosTag = 'X';
    let chosen = false;
    const hyphenated = text.includes('-');
    for (let index = next; index < tokens.length && tokens[index]!.start < to; index++) {
      const token = tokens[index]!;
      if (token.tag === 'PUNCT' && chosen) continue;
      if (!chosen || hyphenated) {
        tag = token.tag;
        chosen = true;
      }
    }
    result.push({ node, text, lower, tag, start, end });
  }
  (sentence.data ??= {}).mtlintTags = result;
  return result;
}

function wordsByWalking(sentence: Sentence): WordInfo[] {
  const words: WordInfo[] = [];
  for (const node of sentence.children) {
    if (node.type !== 'WordNode') continue;
    const text = toString(node);
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start + text.length;
    words.push({ node, text, lower: text.toLowerCase(), start, end });
  }
  return words;
}

/**
 * Whether a sentence has a finite verb: an auxiliary or modal, or a verb that is not an
 * infinitive after `to`, not an `-ing` form without an auxiliary before it, and not a bare form
 * opening the sentence (an imperative). Past forms in `-ed` count as finite: "the plan announced
 * on Monday" and "the plan was announced" cannot be told apart without a parser, and a rule that
 * looks for missing verbs must err on the side of silence. With `imperative`, a bare verb opening
 * the sentence counts too: an imperative is a whole clause, even when its subject is missing.
 */
export function hasFiniteVerb(
  words: readonly TaggedWord[],
  { imperative = false }: { imperative?: boolean } = {},
): boolean {
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    // `It's`, `we're`, `don't`: the tagger's tag is the pronoun's, but the word holds a verb.
    if (isFiniteContraction(word.lower)) return true;
    if (word.tag === 'NOUN' && isAgreeingVerb(words, index)) return true;
    if (word.tag === 'AUX') {
      // "to be", "to have": an infinitive auxiliary is not finite.
      if (words[index - 1]?.lower === 'to') continue;
      if (/ing$/.test(word.lower) || word.lower === 'been') continue;
      return true;
    }
    if (word.tag !== 'VERB') continue;
    const before = words[index - 1];
    if (before?.lower === 'to') continue;
    // `China's encouraging`: the `'s` is `is` or `has`, and the verb after it is finite.
    if (before && /['’]s$/.test(before.lower) && /(?:ing|ed)$/.test(word.lower)) return true;
    if (/ing$/.test(word.lower)) continue;
    if (index === 0 && !imperative && !/(?:s|ed)$/.test(word.lower)) continue;
    return true;
  }
  return false;
}

/** `'re`, `'ve`, `'m`, `'ll`, `'d`, `n't`, or `'s` after a pronoun or `there`/`here`/`let`. */
const CONTRACTION = /(?:['’](?:re|ve|m|ll|d)|n['’]t)$/;
const PRONOUN_IS =
  /^(?:it|he|she|that|this|there|here|what|who|where|when|how|why|everyone|everything|nothing|something|someone|somebody|nobody|let)['’]s$/;

/**
 * Whether a word is a contraction that holds a finite verb: `we're`, `I'd`, `don't`, `it's`.
 * `'s` after a noun is most often a possessive (`China's`), so only `'s` after a pronoun counts.
 */
export function isFiniteContraction(lower: string): boolean {
  // Asked of nearly every word by several rules: both expressions need an apostrophe, which few
  // words hold, so the expressions are tried only on those.
  if (!lower.includes("'") && !lower.includes('’')) return false;
  return CONTRACTION.test(lower) || PRONOUN_IS.test(lower);
}

/** What follows a verb in `rate ranges from`, `prices fell sharply`, `output grows 5 percent`. */
const AFTER_VERB = new Set<PosTag>(['ADP', 'DET', 'NUM', 'ADV']);

/**
 * A second signal for a word the tagger calls a noun: a verb in `-s` agreeing with the singular
 * noun before it (`The murder rate ranges from ...`), when the subject starts with a determiner
 * and a preposition, determiner, number or adverb follows, as after a verb and seldom after the
 * second noun of a compound.
 */
function isAgreeingVerb(words: readonly TaggedWord[], index: number): boolean {
  const word = words[index]!;
  const subject = words[index - 1];
  const after = words[index + 1];
  if (!subject || !after || !AFTER_VERB.has(after.tag)) return false;
  if (subject.tag !== 'NOUN' || /s$/.test(subject.lower)) return false;
  if (!/[^s'’]s$/.test(word.lower) || /(?:ss|ics|ness)$/.test(word.lower)) return false;
  // The subject is a noun phrase opened by a determiner a few words back: `The (murder) rate`.
  for (let back = index - 2; back >= Math.max(0, index - 4); back--) {
    const tag = words[back]!.tag;
    if (tag === 'DET') return true;
    if (tag !== 'NOUN' && tag !== 'ADJ') return false;
  }
  return false;
}
