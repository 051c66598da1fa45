/**
 * The seven readability formulas retext-readability applies to one sentence, computed from the same
 * counts with the same packages, but with the Dale–Chall and Spache word lists in Sets (the plugin
 * scans each list with `Array.prototype.includes` for every word, which costs over ten times the
 * parse) and syllable counts memoised per word.
 */
import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { daleChall } from 'dale-chall';
import { daleChallFormula, daleChallGradeLevel } from 'dale-chall-formula';
import { flesch } from 'flesch';
import { gunningFog } from 'gunning-fog';
import { smogFormula } from 'smog-formula';
import { spache } from 'spache';
import { spacheFormula } from 'spache-formula';
import { syllable } from 'syllable';

/** Names of the formulas, in the order of the ages `sentenceAges` returns. */
export const FORMULAS = [
  'Automated Readability Index',
  'Coleman–Liau',
  'Dale–Chall',
  'Flesch',
  'Gunning fog',
  'SMOG',
  'Spache',
] as const;

const DALE_CHALL_EASY = new Set(daleChall);
const SPACHE_FAMILIAR = new Set(spache);

/** What the formulas need to know about one word, as written. */
interface WordFacts {
  syllables: number;
  /** Three or more syllables and not capitalised (Gunning fog's complex words). */
  complex: boolean;
  /** The word in lower case, shared by every way of writing it. */
  lexeme: Lexeme;
}

/** A word in lower case: the formulas count each one on the word lists once per sentence. */
interface Lexeme {
  /** On the Spache list of familiar words. */
  familiar: boolean;
  /** On the Dale–Chall list of easy words. */
  easy: boolean;
  /**
   * The number of the last sentence that counted this word. Unique words are counted by marking
   * them, not by collecting them in a Set for every sentence.
   */
  countedIn: number;
}

/**
 * Syllable counting and list lookups are the cost that remains; words repeat, so remember their
 * facts. Bounded, so that a stream of unique tokens cannot grow memory without end: both maps are
 * cleared together, and only between sentences, so that a sentence never sees two lexemes for one
 * word.
 */
const factsCache = new Map<string, WordFacts>();
const lexemes = new Map<string, Lexeme>();
const FACTS_CACHE_LIMIT = 50_000;
let sentenceNumber = 0;

function factsOf(word: string): WordFacts {
  let facts = factsCache.get(word);
  if (facts === undefined) {
    const caseless = word.toLowerCase();
    const count = syllable(word);
    let lexeme = lexemes.get(caseless);
    if (lexeme === undefined) {
      lexeme = {
        familiar: SPACHE_FAMILIAR.has(caseless),
        easy: DALE_CHALL_EASY.has(caseless),
        countedIn: 0,
      };
      lexemes.set(caseless, lexeme);
    }
    facts = {
      syllables: count,
      // A capitalised long word is taken for a proper noun, which Gunning fog does not count.
      complex: count >= 3 && word.charCodeAt(0) === caseless.charCodeAt(0),
      lexeme,
    };
    factsCache.set(word, facts);
  }
  return facts;
}

/**
 * Reader ages that each formula assigns to the sentence made of `words[from..to)` (each word's
 * `text` as written, inner punctuation such as apostrophes included), in the order of `FORMULAS`.
 */
export function stretchAges(
  words: readonly { readonly text: string }[],
  from: number,
  to: number,
): number[] {
  if (factsCache.size >= FACTS_CACHE_LIMIT) {
    factsCache.clear();
    lexemes.clear();
  }
  const sentence = ++sentenceNumber;
  // Unique familiar and easy words, as the formulas count them.
  let familiar = 0;
  let easy = 0;
  let complexPolysillabicWord = 0;
  let letters = 0;
  let polysillabicWord = 0;
  let totalSyllables = 0;

  for (let index = from; index < to; index++) {
    const value = words[index]!.text;
    const facts = factsOf(value);
    totalSyllables += facts.syllables;
    letters += value.length;
    if (facts.syllables >= 3) polysillabicWord++;
    if (facts.complex) complexPolysillabicWord++;
    const lexeme = facts.lexeme;
    if (lexeme.countedIn !== sentence) {
      lexeme.countedIn = sentence;
      if (lexeme.familiar) familiar++;
      if (lexeme.easy) easy++;
    }
  }

  const wordCount = to - from;
  const counts = {
    character: letters,
    complexPolysillabicWord,
    difficultWord: wordCount - easy,
    letter: letters,
    polysillabicWord,
    sentence: 1,
    syllable: totalSyllables,
    unfamiliarWord: wordCount - familiar,
    word: wordCount,
  };

  return [
    gradeToAge(automatedReadability(counts)),
    gradeToAge(colemanLiau(counts)),
    gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]),
    fleschToAge(flesch(counts)),
    gradeToAge(gunningFog(counts)),
    smogToAge(smogFormula(counts)),
    gradeToAge(spacheFormula(counts)),
  ];
}

/** The age at the upper end of a US school grade. */
function gradeToAge(grade: number): number {
  return Math.round(grade + 5);
}

function fleschToAge(score: number): number {
  return 20 - Math.floor(score / 10);
}

function smogToAge(score: number): number {
  return Math.ceil(Math.sqrt(score) + 2.5);
}
