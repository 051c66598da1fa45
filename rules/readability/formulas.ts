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
  /** Lower case, for the word lists (and to tell capitalised words). */
  caseless: string;
  /** On the Spache list of familiar words. */
  familiar: boolean;
  /** On the Dale–Chall list of easy words. */
  easy: boolean;
  /** Three or more syllables and not capitalised (Gunning fog's complex words). */
  complex: boolean;
}

/**
 * Syllable counting and list lookups are the cost that remains; words repeat, so remember their
 * facts. Bounded, so that a stream of unique tokens cannot grow memory without end.
 */
const factsCache = new Map<string, WordFacts>();
const FACTS_CACHE_LIMIT = 50_000;

function factsOf(word: string): WordFacts {
  let facts = factsCache.get(word);
  if (facts === undefined) {
    const caseless = word.toLowerCase();
    const count = syllable(word);
    facts = {
      syllables: count,
      caseless,
      familiar: SPACHE_FAMILIAR.has(caseless),
      easy: DALE_CHALL_EASY.has(caseless),
      // A capitalised long word is taken for a proper noun, which Gunning fog does not count.
      complex: count >= 3 && word.charCodeAt(0) === caseless.charCodeAt(0),
    };
    if (factsCache.size >= FACTS_CACHE_LIMIT) factsCache.clear();
    factsCache.set(word, facts);
  }
  return facts;
}

/**
 * Reader ages that each formula assigns to a sentence made of `words` (each word as written,
 * inner punctuation such as apostrophes included), in the order of `FORMULAS`.
 */
export function sentenceAges(words: readonly string[]): number[] {
  // Unique familiar and easy words, as the formulas count them.
  const familiar = new Set<string>();
  const easy = new Set<string>();
  let complexPolysillabicWord = 0;
  let letters = 0;
  let polysillabicWord = 0;
  let totalSyllables = 0;

  for (const value of words) {
    const facts = factsOf(value);
    totalSyllables += facts.syllables;
    letters += value.length;
    if (facts.syllables >= 3) polysillabicWord++;
    if (facts.complex) complexPolysillabicWord++;
    if (facts.familiar) familiar.add(facts.caseless);
    if (facts.easy) easy.add(facts.caseless);
  }

  const wordCount = words.length;
  const counts = {
    character: letters,
    complexPolysillabicWord,
    difficultWord: wordCount - easy.size,
    letter: letters,
    polysillabicWord,
    sentence: 1,
    syllable: totalSyllables,
    unfamiliarWord: wordCount - familiar.size,
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
