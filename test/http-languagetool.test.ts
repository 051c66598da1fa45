import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import express from 'express';
import request from 'supertest';
import gramma from 'gramma';
import { parseAnnotatedText } from '../src/http/languagetool/annotated-text.js';
import { createLanguageToolRouter } from '../src/http/routes/languagetool.js';
import { registry } from '../src/linter.js';
import { contextOf, sentenceOf } from '../src/http/languagetool/response.js';
import { createApp } from '../src/http/app.js';
import { createSpecValidator } from './helpers/openapi.js';
import { createRecordingLintService } from './support/in-process-lint-service.js';

const article = readFileSync(
  new URL('./fixtures/xinhua-bachelet-visit.txt', import.meta.url),
  'utf8',
);
const DOUBLED = 'They met her respectively. . Then they left.';

const lintService = createRecordingLintService();
const app = createApp({ lintService, defaultMetrics: false });

interface Match {
  message: string;
  offset: number;
  length: number;
  replacements: { value: string }[];
  context: { text: string; offset: number; length: number };
  sentence: string;
  type: { typeName: string };
  rule: {
    id: string;
    issueType: string;
    description: string;
    category: { id: string; name: string };
  };
}

const check = (form: Record<string, string>) =>
  request(app).post('/v2/check').type('form').send(form);

describe('POST /v2/check (LanguageTool API)', () => {
  it("answers in LanguageTool's shape with offsets into the submitted text", async () => {
    const response = await check({ text: DOUBLED, language: 'en-US' }).expect(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    const { software, language, matches } = response.body as {
      software: { name: string; apiVersion: number };
      language: { code: string; name: string; detectedLanguage: { code: string } };
      matches: Match[];
    };
    expect(software).toMatchObject({ name: 'mtlint', apiVersion: 1 });
    expect(language).toMatchObject({ code: 'en-US', name: 'English (US)' });
    expect(language.detectedLanguage.code).toBe('en-US');

    const stray = matches.find((match) => match.rule.id === 'stray-punctuation')!;
    expect(stray).toBeDefined();
    expect(DOUBLED.slice(stray.offset, stray.offset + stray.length)).toBe(' .');
    expect(stray.replacements).toEqual([{ value: '' }]);
    expect(stray.rule).toMatchObject({
      issueType: 'typographical',
      category: { id: 'PUNCTUATION', name: 'Punctuation' },
      description: 'Punctuation left behind by a lost or merged clause',
    });
    expect(stray.type.typeName).toBe('Other');
    expect(stray.sentence).toBe('They met her respectively. .');
    const { context } = stray;
    expect(context.text.slice(context.offset, context.offset + context.length)).toBe(' .');
  });

  it('accepts annotated `data` and maps offsets back over the markup', async () => {
    const data = JSON.stringify({
      annotation: [
        { markup: '<p>' },
        { text: 'They met her ' },
        { markup: '<b>' },
        { text: 'respectively' },
        { markup: '</b>' },
        { text: '. . Then they left.' },
        { markup: '</p>', interpretAs: '\n\n' },
      ],
    });
    const original = '<p>They met her <b>respectively</b>. . Then they left.</p>';
    const response = await check({ data, language: 'en' }).expect(200);
    const stray = (response.body.matches as Match[]).find(
      (m) => m.rule.id === 'stray-punctuation',
    )!;
    expect(original.slice(stray.offset, stray.offset + stray.length)).toBe(' .');
    expect(response.body.language.code).toBe('en');
  });

  it('takes rule and category switches as LanguageTool does, ignoring unknown ones', async () => {
    await check({
      text: DOUBLED,
      language: 'en-GB',
      disabledRules: 'stray-punctuation,NO_SUCH_RULE',
      somethingNew: 'ignored',
    }).expect(200);
    expect(lintService.calls.at(-1)).toEqual({ rules: { 'stray-punctuation': 'off' } });

    const only = await check({
      text: DOUBLED,
      language: 'auto',
      enabledRules: 'STRAY_PUNCTUATION',
      enabledOnly: 'true',
    }).expect(200);
    const ids = new Set((only.body.matches as Match[]).map((m) => m.rule.id));
    expect([...ids]).toEqual(['stray-punctuation']);

    const categories = await check({
      text: DOUBLED,
      language: 'en-US',
      disabledCategories: 'PUNCTUATION',
    }).expect(200);
    expect((categories.body.matches as Match[]).map((m) => m.rule.id)).not.toContain(
      'stray-punctuation',
    );

    await check({ text: DOUBLED, language: 'en-US', level: 'picky' }).expect(200);
    expect(lintService.calls.at(-1)).toEqual({ extends: 'all' });
  });

  it('answers a missing text, a bad language and bad data with 400 and plain text', async () => {
    const missing = await check({ language: 'en-US' }).expect(400);
    expect(missing.headers['content-type']).toMatch(/text\/plain/);
    expect(missing.text).toBe("Error: Missing 'text' or 'data' parameter");

    // LanguageTool's own wording for a language it does not have: clients match on it.
    const german = await check({ text: 'Hallo.', language: 'de-DE' }).expect(400);
    expect(german.headers['content-type']).toMatch(/text\/plain/);
    expect(german.text).toMatch(
      /^Error: 'de-DE' is not a language code known to LanguageTool\. Supported language codes are: en, en-US, en-GB\./,
    );
    for (const language of ['fr', 'zh-CN', 'es']) {
      const other = await check({ text: 'Bonjour.', language }).expect(400);
      expect(other.text).toMatch(new RegExp(`^Error: '${language}' is not a language code known`));
    }

    const broken = await check({ data: '{not json', language: 'en-US' }).expect(400);
    expect(broken.text).toBe("Error: 'data' is not valid JSON");

    const lonely = await check({ text: 'x', language: 'en', enabledOnly: 'true' }).expect(400);
    expect(lonely.text).toMatch(/enabledOnly/);

    // Read through the schema GET /openapi.json documents `/v2/check` with.
    const noLanguage = await check({ text: 'x' }).expect(400);
    expect(noLanguage.text).toBe("Error: Missing 'language' parameter, e.g. 'language=en-US'");
    const level = await check({ text: 'x', language: 'en', level: 'pedantic' }).expect(400);
    expect(level.text).toBe("Error: If 'level' is set, it must be set to 'default' or 'picky'");
  });

  it('answers GET /v2/check from the query string', async () => {
    const response = await request(app)
      .get('/v2/check')
      .query({ text: DOUBLED, language: 'en-US' })
      .expect(200);
    expect((response.body.matches as Match[]).some((m) => m.rule.id === 'stray-punctuation')).toBe(
      true,
    );
  });

  it('lists the English variants on GET /v2/languages', async () => {
    const response = await request(app).get('/v2/languages').expect(200);
    expect(response.body).toEqual([
      { name: 'English', code: 'en', longCode: 'en' },
      { name: 'English (US)', code: 'en', longCode: 'en-US' },
      { name: 'English (GB)', code: 'en', longCode: 'en-GB' },
    ]);
  });
});

/** News text as it is published, in the languages a newsroom meets; short ones included. */
const NEWS = {
  fr: [
    "Le président de la République a reçu mardi à l'Élysée le Premier ministre chinois pour un entretien consacré au commerce et au climat.",
    'Selon la police, plus de dix mille personnes ont manifesté samedi dans les rues de Lyon.',
    'La grève des cheminots se poursuit.',
  ],
  de: [
    'Nach Angaben des Statistischen Bundesamtes ist die Inflationsrate im Oktober leicht gesunken. Ökonomen rechnen jedoch damit, dass die Preise für Lebensmittel weiter steigen.',
    'Die Bundesregierung hat am Mittwoch einen neuen Haushaltsentwurf vorgelegt.',
    'Die Polizei sucht nach Zeugen.',
  ],
  es: [
    'Según el Instituto Nacional de Estadística, el paro bajó en 50.000 personas durante el mes de octubre, aunque los sindicatos advierten de que los nuevos contratos son temporales.',
    'Miles de personas se manifestaron en Madrid contra la subida de los precios.',
    'El presidente viajará a China la próxima semana.',
  ],
  zh: [
    '国务院总理李强11日在人民大会堂会见联合国人权事务高级专员巴切莱特。双方就共同关心的问题交换了意见。',
    '今年前三季度，我国国内生产总值同比增长5.2%，经济运行总体回升向好。',
    '新华社北京5月25日电',
    '天气晴。',
  ],
};
const NAMES = { fr: 'French', de: 'German', es: 'Spanish', zh: 'Chinese' } as const;

describe('language=auto', () => {
  it('answers text in another language with that language and no matches, without linting it', async () => {
    for (const [code, texts] of Object.entries(NEWS) as [keyof typeof NEWS, string[]][]) {
      for (const text of texts) {
        const before = lintService.calls.length;
        const response = await check({ text, language: 'auto' }).expect(200);
        const { language, matches } = response.body as {
          language: { name: string; code: string; detectedLanguage: Record<string, unknown> };
          matches: Match[];
        };
        expect({ text, code: language.code }).toEqual({ text, code });
        expect(language.name).toBe(NAMES[code]);
        expect(language.detectedLanguage).toMatchObject({ code, name: NAMES[code] });
        expect(language.detectedLanguage.confidence).toBeGreaterThan(0);
        expect(matches).toEqual([]);
        expect(lintService.calls.length).toBe(before);
      }
    }
  });

  it('lints English news as before, short texts and names included', async () => {
    const english = [
      article,
      DOUBLED,
      'Chinese Premier Li Qiang met with UN High Commissioner for Human Rights Michelle Bachelet in Beijing on Wednesday.',
      'Stocks fell sharply on Monday.',
      'Xinhua News Agency, Beijing, May 25',
      'Li Qiang, Wang Yi and Zhao Leji attended the meeting.',
      'Hello.',
      'echo.',
    ];
    for (const text of english) {
      const before = lintService.calls.length;
      const response = await check({ text, language: 'auto' }).expect(200);
      expect({ text, code: response.body.language.code }).toEqual({ text, code: 'en-US' });
      expect(response.body.language.detectedLanguage.code).toBe('en-US');
      expect(lintService.calls.length).toBe(before + 1);
    }
    const british = await check({
      text: DOUBLED,
      language: 'auto',
      preferredVariants: 'de-AT,en-GB',
    }).expect(200);
    expect(british.body.language).toMatchObject({ code: 'en-GB', name: 'English (GB)' });
    expect(british.body.language.detectedLanguage.code).toBe('en-GB');
    const doubled = await check({ text: DOUBLED, language: 'auto' }).expect(200);
    expect((doubled.body.matches as Match[]).map((m) => m.rule.id)).toContain('stray-punctuation');
    expect(doubled.body.language.detectedLanguage.source).toBe('eld');
  });

  it('detects the language of annotated data from its text, not its markup', async () => {
    const data = JSON.stringify({
      annotation: [{ markup: '<p>' }, { text: NEWS.fr[0]! }, { markup: '</p>' }],
    });
    const response = await check({ data, language: 'auto' }).expect(200);
    expect(response.body.language.code).toBe('fr');
    expect(response.body.matches).toEqual([]);
  });
});

describe('MTLINT_TOKEN on /v2', () => {
  const TOKEN = 's3cret-token';
  const guarded = createApp({ lintService, defaultMetrics: false, settings: { token: TOKEN } });
  const send = (form: Record<string, string>) =>
    request(guarded).post('/v2/check').type('form').send(form);

  it('accepts the token as apiKey, with any username, or as a bearer token', async () => {
    const withKey = await send({
      text: DOUBLED,
      language: 'en-US',
      username: 'editor@example.org',
      apiKey: TOKEN,
    }).expect(200);
    expect((withKey.body.matches as Match[]).map((m) => m.rule.id)).toContain('stray-punctuation');
    await send({ text: DOUBLED, language: 'en-US', apiKey: TOKEN }).expect(200);
    await request(guarded)
      .get('/v2/check')
      .query({ text: DOUBLED, language: 'en', username: 'x', apiKey: TOKEN })
      .expect(200);
    await request(guarded)
      .post('/v2/check')
      .set('Authorization', `Bearer ${TOKEN}`)
      .type('form')
      .send({ text: DOUBLED, language: 'en-US' })
      .expect(200);
  });

  it("refuses a missing or wrong key with 401 in LanguageTool's plain-text shape", async () => {
    const before = lintService.calls.length;
    const missing = await send({ text: DOUBLED, language: 'en-US' }).expect(401);
    expect(missing.headers['content-type']).toMatch(/text\/plain/);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(missing.text).toMatch(/^Error: Authentication required/);

    const wrongKeys: Record<string, string>[] = [
      { username: 'editor@example.org', apiKey: 'wrong' },
      { apiKey: `${TOKEN}x` },
      { username: 'editor@example.org', apiKey: '' },
    ];
    for (const form of wrongKeys) {
      const wrong = await send({ text: DOUBLED, language: 'en-US', ...form }).expect(401);
      expect(wrong.text).toBe("Error: The 'apiKey' or bearer token is not valid");
    }
    const wrongBearer = await request(guarded)
      .post('/v2/check')
      .set('Authorization', 'Bearer nope')
      .type('form')
      .send({ text: DOUBLED, language: 'en-US' })
      .expect(401);
    expect(wrongBearer.text).toMatch(/^Error: /);
    expect(lintService.calls.length).toBe(before);
  });

  it('keeps /v1 on the bearer token alone, and lists languages to anyone', async () => {
    await request(guarded).post('/v1/lint').send({ text: 'x', apiKey: TOKEN }).expect(401);
    await request(guarded).get('/v2/languages').expect(200);
  });
});

describe('LanguageTool errors from the service and limits', () => {
  const failing = (error: unknown) =>
    express().use(
      createLanguageToolRouter({
        lintService: {
          lint: () => Promise.reject(error),
          close: () => Promise.resolve(),
        },
        registry,
        maxTextLength: 50,
        bodyLimit: 2000,
      }),
    );

  // A busy service's 503 (with Retry-After) is raised for real in http-faults.test.ts.
  it('hides internal faults', async () => {
    const fault = await request(failing(new TypeError('x is undefined')))
      .post('/v2/check')
      .type('form')
      .send({ text: 'Hello.', language: 'en-US' })
      .expect(500);
    expect(fault.text).toBe('Error: Internal error');
  });

  it('refuses texts and bodies over the limits with 413, in plain text', async () => {
    const app = failing(new Error('not reached'));
    const long = await request(app)
      .post('/v2/check')
      .type('form')
      .send({ text: 'word '.repeat(20), language: 'en-US' })
      .expect(413);
    expect(long.text).toMatch(/^Error: Your text exceeds the limit of 50 characters \(it's 100/);
    const huge = await request(app)
      .post('/v2/check')
      .type('form')
      .send({ text: 'x'.repeat(5000), language: 'en-US' })
      .expect(413);
    expect(huge.headers['content-type']).toMatch(/text\/plain/);
  });
});

describe('a real LanguageTool client (gramma) pointed at mtlint', () => {
  let server: Server;
  let apiUrl: string;

  beforeAll(async () => {
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/check`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('receives and parses our matches, and applies a replacement at our offsets', async () => {
    const result = (await gramma.check(article, { api_url: apiUrl, language: 'en-US' })) as {
      language: { code: string };
      matches: (Match & { word: string })[];
    };
    expect(result.language.code).toBe('en-US');
    const stray = result.matches.filter((match) => match.rule.id === 'stray-punctuation');
    expect(stray.map((match) => match.word)).toEqual([' .', ', experts']);

    const doubled = stray[0]!;
    const fixed = gramma.replaceAll(article, [
      { offset: doubled.offset, length: doubled.length, change: doubled.replacements[0]!.value },
    ]);
    expect(fixed).toContain('met and held talks with her respectively.\n');
    expect(fixed).not.toContain('respectively. .');
  });

  it('sends Markdown as annotated data and gets offsets into the Markdown', async () => {
    const markdown = '# Visit\n\nThey met her **respectively**. . Then they left.\n';
    const result = (await gramma.check(markdown, {
      api_url: apiUrl,
      language: 'en-US',
      markdown: true,
    })) as { matches: Match[] };
    const stray = result.matches.find((match) => match.rule.id === 'stray-punctuation')!;
    expect(markdown.slice(stray.offset, stray.offset + stray.length)).toBe(' .');
  });
});

describe('LanguageTool helpers', () => {
  it('maps a match inside markup stand-in text to the whole markup', () => {
    const document = parseAnnotatedText(
      JSON.stringify({
        annotation: [{ text: 'a' }, { markup: '<br/>', interpretAs: '\n' }, { text: 'b' }],
      }),
    );
    expect(document.plain).toBe('a\nb');
    expect(document.toOriginal(1, 'start')).toBe(1);
    expect(document.toOriginal(2, 'end')).toBe(6);
    expect(document.toOriginal(2, 'start')).toBe(6);
    expect(() => parseAnnotatedText('{"annotation":[{"neither":1}]}')).toThrow(/annotation 0/);
  });

  it('cuts context to one line with ellipses and finds the sentence', () => {
    const text = `${'x'.repeat(50)} Say it.\nThen stop. Now go.`;
    const offset = text.indexOf('stop');
    const context = contextOf(text, offset, 4);
    expect(context.text.startsWith('...')).toBe(true);
    expect(context.text).not.toContain('\n');
    expect(context.text.slice(context.offset, context.offset + 4)).toBe('stop');
    expect(sentenceOf(text, offset, offset + 4)).toBe('Then stop.');
  });
});

describe('a real LanguageTool client against a service with a token', () => {
  let server: Server;
  let apiUrl: string;
  const guarded = createApp({ lintService, defaultMetrics: false, settings: { token: 'abc' } });

  beforeAll(async () => {
    server = guarded.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/check`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("shows the client our plain-text refusal (gramma sends no 'apiKey')", async () => {
    await expect(gramma.check(DOUBLED, { api_url: apiUrl, language: 'en-US' })).rejects.toThrow(
      /^Error: Authentication required/,
    );
  });
});

describe('/v2 and the OpenAPI description', () => {
  const expectToMatchSpec = createSpecValidator();

  it('documents the answers of /v2/check and /v2/languages', async () => {
    expectToMatchSpec(await check({ text: article, language: 'en-US' }), '/v2/check');
    expectToMatchSpec(await check({ language: 'en-US' }), '/v2/check');
    expectToMatchSpec(
      await request(app).get('/v2/check').query({ text: DOUBLED, language: 'en' }),
      '/v2/check',
      'get',
    );
    expectToMatchSpec(await request(app).get('/v2/languages'), '/v2/languages', 'get');
  });
});
