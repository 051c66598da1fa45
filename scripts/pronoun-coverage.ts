/**
 * How much of a corpus pronoun-agreement can judge: gendered pronouns found, how many it resolves
 * (sure / likely), how many of those go to a person with gender evidence other than pronouns, and
 * how many it reports. Lists every resolution with its context, for reading by hand.
 *
 * With --swap it also injects errors: for every gendered pronoun of every text, one variant with
 * that pronoun alone turned to the other gender ("he" -> "she"). A report on the swapped pronoun is
 * a hit; a report anywhere else in a variant is a false alarm.
 *
 *   npm run build && node dist/scripts/pronoun-coverage.js FILE.jsonl [--list] [--swap]
 *
 * FILE holds one JSON object per line with the text in `target` (the MQM documents.jsonl).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Root } from 'nlcst';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { checkAgreement } from '../rules/pronoun-agreement/agreement.js';
import { collectEvidence } from '../rules/pronoun-agreement/evidence.js';
import { findMentions } from '../rules/pronoun-agreement/mentions.js';
import { resolvePronouns } from '../rules/pronoun-agreement/resolution.js';
import { tokenize } from '../rules/pronoun-agreement/tokens.js';

const { values, positionals } = parseArgs({
  options: {
    list: { type: 'boolean', default: false },
    swap: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
if (!positionals[0]) {
  console.error('usage: pronoun-coverage FILE.jsonl [--list]');
  process.exit(2);
}
const parser = unified().use(retextEnglish);
const counts = { texts: 0, pronouns: 0, sure: 0, likely: 0, withEvidence: 0, findings: 0 };
const swaps = { variants: 0, hits: 0, hitsAsInfo: 0, falseAlarms: 0 };
const SWAP: Record<string, string> = {
  he: 'she',
  she: 'he',
  him: 'her',
  his: 'her',
  her: 'his',
  hers: 'his',
  himself: 'herself',
  herself: 'himself',
};

function swapEach(target: string): void {
  const tree = parser.parse(target) as Root;
  for (const pronoun of findMentions(tokenize(tree, target)).pronouns) {
    const { start, end, text } = pronoun.token;
    const other = SWAP[text.toLowerCase()]!;
    const replacement = /^\p{Lu}/u.test(text) ? other[0]!.toUpperCase() + other.slice(1) : other;
    const variant = target.slice(0, start) + replacement + target.slice(end);
    swaps.variants++;
    for (const finding of checkAgreement(parser.parse(variant) as Root, variant)) {
      if (finding.pronoun.token.start !== start) {
        swaps.falseAlarms++;
        if (values.list) {
          const at = finding.pronoun.token.start;
          console.log(
            `false alarm (swapped ${text} at ${start}): ${finding.kind} ${finding.pronoun.token.text} -> ${finding.entity.display}\t${variant.slice(Math.max(0, Math.min(start, at) - 60), Math.max(start, at) + 40).replace(/\s+/g, ' ')}`,
          );
        }
      } else if (finding.confidence === 'sure') swaps.hits++;
      else swaps.hitsAsInfo++;
    }
  }
}

for (const line of readFileSync(positionals[0], 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const { target } = JSON.parse(line) as { target: string };
  const tree = parser.parse(target) as Root;
  const sentences = tokenize(tree, target);
  const mentions = findMentions(sentences);
  const resolutions = resolvePronouns(sentences, mentions);
  const evidence = collectEvidence(sentences, mentions, resolutions);
  counts.texts++;
  counts.pronouns += mentions.pronouns.length;
  counts.findings += checkAgreement(tree, target).length;
  if (values.swap) swapEach(target);
  for (const { pronoun, entity, confidence } of resolutions) {
    counts[confidence]++;
    const strong = (evidence.get(entity) ?? []).filter((item) => item.kind !== 'pronoun');
    if (strong.length > 0) counts.withEvidence++;
    if (values.list) {
      const { start, end } = pronoun.token;
      const context = target.slice(Math.max(0, start - 80), end + 80).replace(/\s+/g, ' ');
      console.log(`${confidence}\t${pronoun.token.text} -> ${entity.display}\t${context}`);
    }
  }
}
console.log(JSON.stringify(counts));
if (values.swap) console.log(JSON.stringify(swaps));
