import { describe, expect, test } from '@jest/globals';
import {
  checkSource,
  femalePersons,
  validateTerms,
  type SourceFinding,
} from '../../src/core/source/index.js';

const ids = (findings: SourceFinding[], rule: string): string[] =>
  findings.filter((f) => f.ruleId === rule).map((f) => f.messageId);

const SOURCE =
  '国务院总理李强2月11日会见了35位企业家。\n她说，去年经济增长5.2%，总额达315.1亿元。\n会议在北京举行，FPT公司代表出席。';
const GOOD =
  'Premier Li Qiang met 35 business leaders on Feb. 11.\nShe said the economy grew 5.2% last year, to a total of 31.5 billion yuan.\nThe meeting was held in Beijing and attended by representatives of FPT.';

function run(text: string, terms?: Parameters<typeof checkSource>[0]['terms']) {
  return checkSource({ text, source: SOURCE, ...(terms ? { terms } : {}) });
}

describe('a faithful translation', () => {
  test('has no findings', () => {
    const r = run(GOOD);
    expect(r.status).toBe('ok');
    expect(r.findings).toEqual([]);
  });
});

describe('number-mismatch', () => {
  test('a changed digit', () => {
    const r = run(GOOD.replace('35 business', '36 business'));
    const f = r.findings.find((x) => x.ruleId === 'number-mismatch')!;
    expect(f.messageId).toBe('changed');
    expect(GOOD.replace('35 business', '36 business').slice(f.offset, f.offset + f.length)).toBe(
      '36',
    );
    expect(SOURCE.slice(f.sourceOffset, f.sourceOffset + f.sourceLength)).toBe('35');
  });

  test('a swapped scale word', () => {
    expect(
      ids(run(GOOD.replace('31.5 billion', '31.5 million')).findings, 'number-mismatch'),
    ).toEqual(['scale']);
  });

  test('a missing figure and an added one', () => {
    expect(
      ids(run(GOOD.replace('grew 5.2% last year', 'grew last year')).findings, 'number-mismatch'),
    ).toEqual(['missing']);
    expect(
      ids(run(GOOD.replace('in Beijing', 'in Beijing for 3 hours')).findings, 'number-mismatch'),
    ).toEqual(['added']);
  });
});

describe('number-mismatch: the right value in the wrong kind', () => {
  const numbers = (text: string, source: string) =>
    checkSource({ text, source }).findings.filter((f) => f.ruleId === 'number-mismatch');

  test('a day of the month (10日) left as a bare figure', () => {
    const text = 'A reporter 10 found in an interview that prices had risen in Nanjing.';
    const f = numbers(text, '扬子晚报记者10日在采访中发现，南京房价上涨。');
    expect(f.map((x) => x.messageId)).toEqual(['bare-day']);
    expect(text.slice(f[0]!.offset, f[0]!.offset + f[0]!.length)).toBe('10');
    expect(f[0]!.message).toContain('the 10th');
  });

  test('a day written as a date, or a span of days, is right', () => {
    const source = '扬子晚报记者10日在采访中发现，南京房价上涨。';
    expect(
      numbers('A reporter found on the 10th that prices had risen in Nanjing.', source),
    ).toEqual([]);
    expect(
      numbers('A reporter found on Feb. 10 that prices had risen in Nanjing.', source),
    ).toEqual([]);
    expect(numbers('The fund must be held for 10 days.', '该基金须持有10日。')).toEqual([]);
  });

  test('a count (百人) made an order (100th)', () => {
    const source = '香港百人考察团到访澳门。';
    const f = numbers('The 100th Hong Kong delegation visited Macao.', source);
    expect(f.map((x) => x.messageId)).toEqual(['ordinal']);
    expect(numbers('The 100-member Hong Kong delegation visited Macao.', source)).toEqual([]);
    // An anniversary, an edition and "first" for 首 are orders in English too.
    expect(numbers('The party marked its 100th anniversary.', '党庆祝建党100周年。')).toEqual([]);
    expect(numbers('The 16th forum opened in Tokyo.', '第十六届论坛在东京开幕。')).toEqual([]);
    expect(numbers('The first batch has 7 products.', '首批共7只产品。')).toEqual([]);
  });
});

describe('gender-mismatch', () => {
  test('她 translated as he', () => {
    const text = GOOD.replace('She said', 'He said');
    const f = run(text).findings.filter((x) => x.ruleId === 'gender-mismatch');
    expect(f.map((x) => x.messageId)).toEqual(['male-for-female']);
    expect(text.slice(f[0]!.offset, f[0]!.offset + f[0]!.length)).toBe('He');
    expect(f[0]!.suggestions).toEqual(['She']);
  });

  test('其他 is not 他', () => {
    const r = checkSource({ text: 'She met other leaders.', source: '她会见了其他领导人。' });
    expect(ids(r.findings, 'gender-mismatch')).toEqual([]);
  });

  test('persons the source calls 她', () => {
    const r = checkSource({
      text: 'Wang Yaping said she was ready.',
      source: '王亚平说，她已经准备好了。',
    });
    expect(femalePersons(r.bilingual).map((p) => [p.name, p.pinyin.join(' ')])).toEqual([
      ['王亚平', 'wang ya ping'],
    ]);
  });
});

describe('omission', () => {
  test('a dropped paragraph is reported once, where it is missing, quoting the source', () => {
    const source = `${SOURCE}\n外交部发言人在例行记者会上表示，中方愿同各方加强沟通协调，共同维护地区和平稳定与发展繁荣。`;
    const text = `${GOOD}`;
    const r = checkSource({ text, source });
    const f = r.findings.filter((x) => x.ruleId === 'omission');
    expect(f.map((x) => x.messageId)).toEqual(['paragraph']);
    expect(f[0]!.length).toBe(0);
    expect(f[0]!.offset).toBe(text.length);
    expect(f[0]!.message).toContain('外交部发言人');
  });

  test('an English sentence far shorter than its source', () => {
    const source = `${SOURCE}\n外交部发言人在例行记者会上表示，中方愿同各方加强沟通协调，共同维护地区和平稳定与发展繁荣，推动构建人类命运共同体。`;
    const r = checkSource({ text: `${GOOD}\nThe spokesman spoke.`, source });
    expect(ids(r.findings, 'omission')).toEqual(['too-short']);
  });
});

describe('kept-token', () => {
  test('a Latin token of the source missing from the English', () => {
    const f = run(GOOD.replace(' of FPT', ' of the company')).findings.filter(
      (x) => x.ruleId === 'kept-token',
    );
    expect(f.map((x) => [x.messageId, x.data.source])).toEqual([['token', 'FPT']]);
  });

  test('a Chinese name missing from the English', () => {
    const source = '航天员王亚平出席了会议。';
    const missing = checkSource({ text: 'The astronaut attended the meeting.', source });
    expect(
      missing.findings
        .filter((x) => x.ruleId === 'kept-token')
        .map((x) => [x.messageId, x.suggestions[0]]),
    ).toEqual([['name', 'Wang Yaping']]);
    const kept = checkSource({ text: 'Astronaut Wang Yaping attended the meeting.', source });
    expect(kept.findings.filter((x) => x.ruleId === 'kept-token')).toEqual([]);
  });
});

describe('terminology', () => {
  const terms = [{ source: '国务院', target: ['State Council'], forbidden: ['State Department'] }];

  test('a forbidden rendering and a missing one', () => {
    const wrong = checkSource({ text: 'The State Department met.', source: '国务院开会。', terms });
    expect(ids(wrong.findings, 'terminology')).toEqual(['forbidden']);
    const missing = checkSource({ text: 'The cabinet met.', source: '国务院开会。', terms });
    expect(ids(missing.findings, 'terminology')).toEqual(['missing']);
    const right = checkSource({ text: 'The State Council met.', source: '国务院开会。', terms });
    expect(ids(right.findings, 'terminology')).toEqual([]);
  });

  test('a malformed term list is an error, not a silent skip', () => {
    expect(() => validateTerms([{ source: '国务院' }])).toThrow(/target/);
    expect(() => validateTerms('国务院')).toThrow(/array/);
    expect(validateTerms(terms)).toEqual(terms);
  });
});

describe('number-mismatch: amounts in words', () => {
  test('"a billion" is 十亿, and "billions of years" is 数十亿年: nothing is missing', () => {
    const r = checkSource({
      text: 'Imagine that a billion years ago two black holes collided. Their merger takes billions of years.',
      source: '想象一下，十亿年前两个黑洞相撞。它们的融合需要数十亿年。',
    });
    expect(r.findings.filter((f) => f.ruleId === 'number-mismatch')).toEqual([]);
  });

  test('a billion for 百万 is still the wrong figure', () => {
    const r = checkSource({
      text: 'Imagine that a billion years ago two black holes collided.',
      source: '想象一下，一百万年前两个黑洞相撞。',
    });
    expect(r.findings.filter((f) => f.ruleId === 'number-mismatch').length).toBeGreaterThan(0);
  });
});

describe('document status', () => {
  test('a source that does not match gives no findings and says so', () => {
    const r = checkSource({ text: GOOD, source: 'Not Chinese at all.' });
    expect(r.status).toBe('not-chinese');
    expect(r.findings).toEqual([]);
  });
});

describe('gender-mismatch: person', () => {
  test('a first person the source does not have', () => {
    const r = checkSource({
      text: 'In recent talks, we did not hear scholars speak of reunification by force.',
      source: '近期的座谈中，没有听到学者讲武统。',
    });
    expect(
      r.findings
        .filter((f) => f.ruleId === 'gender-mismatch')
        .map((f) => [f.messageId, f.data.actual]),
    ).toEqual([['person', 'we']]);
  });

  test('not when the source says 我们, nor for an exhortation (要…), nor for the US', () => {
    const ok = [
      ['We did not hear it, the US said.', '我们没有听到，美国说。'],
      ['We must strengthen our strategic foresight.', '要增强战略的前瞻性。'],
      ['Exports to the US rose.', '对美国的出口增长了。'],
    ];
    for (const [text, source] of ok) {
      const r = checkSource({ text: text!, source: source! });
      expect(r.findings.filter((f) => f.ruleId === 'gender-mismatch')).toEqual([]);
    }
  });
  test('a "you" inside quoted speech whose source quote has no 你/您; an "I" there is restored', () => {
    const persons = (text: string, source: string): string[] =>
      checkSource({ text, source })
        .findings.filter((f) => f.ruleId === 'gender-mismatch')
        .map((f) => String(f.data.actual));
    expect(
      persons(
        '"There is no time to make a fuss, and it is galling if you do not," he said.',
        '他说：“闹吧没时间，不闹的话也确实窝心。”',
      ),
    ).toEqual(['you']);
    expect(
      persons('"I am afraid prices will drop," he said.', '他说：“就怕买完了就降价了。”'),
    ).toEqual([]);
  });

  test('not in a source that speaks in the first or second person throughout (a talk)', () => {
    const talk = {
      text:
        'I want you to take a moment to think about it. We know most of it from light. ' +
        'Then you can see the stars. I think this is amazing.',
      source: '我希望大家花点时间想一想。我们的了解大多来自光。然后就能看到星星。觉得这很神奇。',
    };
    expect(checkSource(talk).findings.filter((f) => f.ruleId === 'gender-mismatch')).toEqual([]);
    // The same last sentence in a news article is reported: its source speaks of no one.
    const news = {
      text: 'The minister visited the site. Then he met the workers. I think this is amazing.',
      source: '部长视察了现场。随后会见了工人。觉得这很神奇。',
    };
    expect(
      checkSource(news)
        .findings.filter((f) => f.ruleId === 'gender-mismatch')
        .map((f) => f.data.actual),
    ).toEqual(['I']);
  });
});
