import {
  bilingualOf,
  defineRule,
  mismatchedPronouns,
  sourcePronouns,
} from '../../src/core/rule-kit.js';
import { checkAgreement, type Finding } from './agreement.js';
import type { SourceFacts } from './source-evidence.js';

export default defineRule({
  meta: {
    id: 'pronoun-agreement',
    category: 'accuracy/mistranslation',
    severity: 'error',
    description: 'A pronoun whose gender does not match the person it refers to',
    messages: {
      conflict:
        "'{{pronoun}}' refers to {{name}}, who is {{evidence}} {{where}} in this article: expected '{{expected}}'",
      mixed:
        "'{{pronoun}}' refers to {{name}}, who is {{evidence}} {{where}} in this article: check which gender is right",
      source:
        "'{{pronoun}}' refers to {{name}}, whom the source calls {{mark}} ({{person}}) {{where}} in this article: expected '{{expected}}'",
    },
    examples: {
      invalid: [
        'Ms. Bachelet arrived on Monday. Ma Zhaoxu said that during his stay in Guangzhou, Bachelet visited a school.',
        'Mr. Sun told reporters that she found a statement when visiting the property.',
        'Michelle Bachelet visited Kashgar. He met local officials there.',
        'After her speech, Mr. Wang answered questions from students.',
        'Former German Chancellor Angela Merkel gave her first interview. Merkel said that his government had made mistakes.',
        'Chinese Premier Li Qiang met the delegation. Li said she was confident.',
        'Wang Fang, the mother of two children, said he was tired.',
        'Zhang Wei said she was happy. Zhang Wei added that he would stay. Zhang Wei said she would go.',
        'Moon Jae-in met the delegation. She said the talks were useful.',
        {
          text: 'Wang Fang arrived in Guangzhou on Monday and said the visit was useful. During his stay, Wang Fang visited a school.',
          source: '王芳周一抵达广州，她说这次访问很有意义。访问期间，王芳参观了一所学校。',
        },
      ],
      valid: [
        'Ms. Bachelet arrived on Monday. During his meeting with Bachelet, President Xi Jinping spoke about human rights.',
        'Ms. Zheng met a buyer who said he was frustrated.',
        'Mr. Sun and Ms. Zheng met. He said the price was too high.',
        'Everyone who buys a house hopes his price will not drop.',
        'Wang Yi, a teacher in Beijing, said she loved her students. She added that she would stay.',
        'Minister Wang Yi met Ms. Bachelet. She said the talks were good.',
        {
          text: 'Wang Fang arrived in Guangzhou on Monday and said the visit was useful. During her stay, Wang Fang visited a school.',
          source: '王芳周一抵达广州，她说这次访问很有意义。访问期间，王芳参观了一所学校。',
        },
      ],
    },
  },
  create(_options, { report }) {
    return (tree, file) => {
      for (const finding of checkAgreement(tree, String(file.value), sourceFacts(file))) {
        const { pronoun, source } = finding;
        report(file, {
          at: { start: pronoun.token.start, end: pronoun.token.end },
          messageId: source ? 'source' : finding.kind,
          data: {
            pronoun: pronoun.token.text,
            name: finding.entity.display,
            evidence: finding.evidence.quoted,
            where: whereIs(finding),
            expected: finding.expected,
            ...(source
              ? { mark: source.mark, person: source.mark[0] === '她' ? 'a woman' : 'a man' }
              : {}),
          },
          expected: suggestions(finding).map((word) => matchCase(word, pronoun.token.text)),
          severity: finding.confidence === 'sure' ? undefined : 'info',
          ...(source ? { source: { start: source.start, end: source.end } } : {}),
        });
      }
    };
  },
});

/** What the Chinese source says about gender, when the lint has one that matches the text. */
function sourceFacts(file: Parameters<typeof bilingualOf>[0]): SourceFacts | undefined {
  const bilingual = bilingualOf(file);
  if (!bilingual || bilingual.status !== 'ok') return undefined;
  return { pronouns: sourcePronouns(bilingual), reported: mismatchedPronouns(bilingual) };
}

/** The expected pronoun; after "her", whose use is guessed, the other reading second. */
function suggestions(finding: Finding): string[] {
  if (finding.pronoun.token.bare !== 'her') return [finding.expected];
  return finding.expected === 'his' ? ['his', 'him'] : ['him', 'his'];
}

function whereIs(finding: Finding): string {
  const at = finding.pronoun.token.start;
  if (finding.evidence.last < at) return 'earlier';
  if (finding.evidence.first > at) return 'later';
  return 'elsewhere';
}

function matchCase(word: string, like: string): string {
  return /^\p{Lu}/u.test(like) ? word[0]!.toUpperCase() + word.slice(1) : word;
}
