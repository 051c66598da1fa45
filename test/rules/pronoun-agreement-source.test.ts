/**
 * pronoun-agreement given the Chinese source: a person the source calls 她 is a woman for the whole
 * article (the strongest evidence), 他 a man (weaker: 他 is also generic, so `info`).
 */
import { describe, expect, it } from '@jest/globals';
import { createMtLinter, createRuleLinter } from '../../src/linter.js';
import { testRule } from '../helpers/rule-tester.js';

const SHE = {
  text: 'Wang Fang arrived in Guangzhou on Monday and said the visit was useful. During his stay, Wang Fang visited a school.',
  source: '王芳周一抵达广州，她说这次访问很有意义。访问期间，王芳参观了一所学校。',
};

testRule('pronoun-agreement', {
  invalid: [
    // 她 in another sentence: the source check sees no pronoun to compare in this one.
    {
      ...SHE,
      errors: [{ messageId: 'source', excerpt: 'his', suggestions: ['her'], severity: 'error' }],
    },
    // 她的 (her) as the evidence.
    {
      text: 'Li Na opened a bakery last year, and its customers now come from all over the city. In an interview, Li Na said his bakery would open a second shop.',
      source: '李娜去年开了一家面包店，她的顾客如今来自全城。李娜在采访中说，面包店将开第二家店。',
      errors: [{ messageId: 'source', excerpt: 'his', suggestions: ['her'], severity: 'error' }],
    },
    // 他 is also the generic pronoun: a likely reading only.
    {
      text: 'Li Ming arrived on Monday and said the visit was useful. During her stay, Li Ming visited a school.',
      source: '李明周一抵达，他说这次访问很有意义。访问期间，李明参观了一所学校。',
      errors: [{ messageId: 'source', excerpt: 'her', severity: 'info' }],
    },
  ],
  valid: [
    // Without the source the article says nothing of Wang Fang's gender.
    SHE.text,
    // A "He" for 她 in its own sentence is gender-mismatch's finding, not reported twice.
    {
      text: 'Wang Fang arrived on Monday. He said the visit was useful.',
      source: '王芳周一抵达。她说，这次访问很有意义。',
    },
    // 她 as an object (会见了她率领的…: met the delegation she led) is someone else.
    {
      text: 'On Monday, Wang Hao met the delegation. During his stay, Wang Hao visited a school.',
      source: '周一，王浩会见了她率领的代表团。访问期间，王浩参观了一所学校。',
    },
    // Two people in the sentence that says 她: either could be her.
    {
      text: 'Wang Fang met Li Ming on Monday and said the talks were useful. During his stay, Li Ming visited a school.',
      source: '王芳周一会见了李明，她说会谈很有意义。访问期间，李明参观了一所学校。',
    },
    // 他 and 她 in one sentence: nothing to learn from it.
    {
      text: 'Wang Fang and Li Ming arrived on Monday. During his stay, Li Ming visited a school.',
      source: '她和他周一抵达。访问期间，李明参观了一所学校。',
    },
    // The right pronoun.
    {
      text: 'Wang Fang arrived in Guangzhou on Monday and said the visit was useful. During her stay, Wang Fang visited a school.',
      source: SHE.source,
    },
  ],
});

describe('pronoun-agreement with a source', () => {
  it('points at the 她 in the source', () => {
    const [finding] = createRuleLinter('pronoun-agreement').lint(SHE.text, {
      source: SHE.source,
    }).diagnostics;
    expect(finding).toBeDefined();
    expect(
      SHE.source.slice(finding!.sourceOffset, finding!.sourceOffset! + finding!.sourceLength!),
    ).toBe('她');
    expect(finding!.message).toContain('whom the source calls 她 (a woman)');
  });

  it('with every rule, a pronoun gender-mismatch reports is reported once, by it', () => {
    const linter = createMtLinter({ extends: 'all' });
    const text =
      'Wang Fang arrived on Monday. He said the visit was useful. During his stay, Wang Fang visited a school.';
    const source = '王芳周一抵达。她说，这次访问很有意义。访问期间，王芳参观了一所学校。';
    const gender = linter
      .lint(text, { source })
      .diagnostics.filter((d) => d.ruleId === 'gender-mismatch' || d.ruleId === 'pronoun-agreement')
      .map((d) => `${d.ruleId}/${d.messageId}:${d.excerpt}@${d.offset}`);
    expect(gender).toEqual([
      `gender-mismatch/male-for-female:He@${text.indexOf('He')}`,
      `pronoun-agreement/source:his@${text.indexOf('his')}`,
    ]);
  });

  it('a source that is not this text’s source adds no evidence', () => {
    const linter = createRuleLinter('pronoun-agreement');
    const other = '国务院总理李强11日在人民大会堂会见了来访的代表团，双方就经贸合作深入交换意见。';
    expect(linter.lint(SHE.text, { source: other }).diagnostics).toEqual([]);
  });
});
