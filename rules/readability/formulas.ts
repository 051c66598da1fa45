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

/** Syllable counts are the next cost after the word lists; words repeat, so remember them. */
const syllableCache = new Map<string, number>();
const SYLLABLE_CACHE_LIMIT = 50_000;

function syllables(word: string): number {
  let count = syllableCache.get(word);
  if (count === undefined) {
    count = syllable(word);
    // Bounded so that a stream of unique tokens cannot grow memory without end.
    if (syllableCache.size >= SYLLABLE_CACHE_LIMIT) syllableCache.clear();
    syllableCache.set(word, count);
  }
  return count;
}

/**
 * Reader ages that each formula assigns to a sentence made of `words` (each word as written,
 * inner punctuation such as apostrophes included), in the order of `FORMULAS`.
 */
export function sentenceAges(words: readonly string[]): number[] {
  const familiar = new Set<string>();
  const easy = new Set<string>();
  let complexPolysillabicWord = 0;
  let letters = 0;
  let polysillabicWord = 0;
  let totalSyllables = 0;

  for (const value of words) {
    const caseless = value.toLowerCase();
    const count = syllables(value);
    totalSyllables += count;
    letters += value.length;
    if (count >= 3) {
      polysillabicWord++;
      // A capitalised long word is taken for a proper noun, which Gunning fog does not count.
      if (value.charCodeAt(0) === caseless.charCodeAt(0)) complexPolysillabicWord++;
    }
    if (SPACHE_FAMILIAR.has(caseless)) familiar.add(caseless);
    if (DALE_CHALL_EASY.has(caseless)) easy.add(caseless);
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
