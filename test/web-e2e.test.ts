/// <reference lib="dom" />
/**
 * The editor's page in a real browser: Debian's chromium driven by playwright-core, against the
 * page built from web/ and served with the /v1 and LanguageTool routes and the in-process lint
 * service (which reads the format and the source as the service does).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.js';
import { createApp } from '../src/http/app.js';
import { createInProcessLintService } from '../src/http/lint-service.js';

const CHROMIUM = '/usr/bin/chromium';
/** The rule that flags "his" for Ms. Bachelet in the seed article. */
const PRONOUN_RULE = 'pronoun-agreement';
const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const article = readFileSync(
  new URL('./fixtures/xinhua-bachelet-visit.txt', import.meta.url),
  'utf8',
);

let scratch: string;
let server: Server;
let base: string;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`This test drives Debian's chromium at ${CHROMIUM}: apt-get install chromium`);
  }
  scratch = mkdtempSync(join(tmpdir(), 'mtlint-web-'));
  const { outdir } = await buildWeb(join(scratch, 'web'));
  const app = createApp({
    lintService: createInProcessLintService(),
    webRoot: outdir,
    defaultMetrics: false,
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
    viewport: { width: 1440, height: 900 },
    reducedMotion: 'reduce',
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * The highlights of a rule among the lines the layer draws (those near the view), each with its
 * offset in the article: where the drawn lines start (`data-start`) plus the layer's text before it.
 */
async function highlightsOf(rule: string): Promise<{ offset: number; text: string }[]> {
  return page.$$eval(`#backdrop mark[data-rule="${rule}"]`, (marks) =>
    marks.map((mark) => {
      const lines = mark.closest<HTMLElement>('.layer-lines')!;
      const range = document.createRange();
      range.setStart(lines, 0);
      range.setEndBefore(mark);
      return {
        offset: Number(lines.dataset.start) + range.toString().length,
        text: mark.textContent ?? '',
      };
    }),
  );
}

/**
 * What a user sees: the drawn marks that show in the text area's frame, each with its offset and
 * whether its text is the article's there; `drawn` is where the drawn lines start and how much of
 * the article they hold, `same` whether their text is the article's.
 */
async function marksInView(): Promise<{
  marks: { offset: number; text: string; keys: string; matches: boolean }[];
  drawn: { start: number; length: number; same: boolean };
  scrolled: { editor: number; layer: number };
}> {
  return page.evaluate(() => {
    const editor = document.querySelector('textarea')!;
    const layer = document.getElementById('backdrop')!;
    const lines = layer.querySelector<HTMLElement>('.layer-lines')!;
    const start = Number(lines.dataset.start);
    const value = editor.value;
    const frame = editor.getBoundingClientRect();
    const marks = Array.from(lines.querySelectorAll<HTMLElement>('mark'))
      .filter((mark) => {
        const box = mark.getBoundingClientRect();
        return box.bottom > frame.top && box.top < frame.bottom;
      })
      .map((mark) => {
        const range = document.createRange();
        range.setStart(lines, 0);
        range.setEndBefore(mark);
        const offset = start + range.toString().length;
        const text = mark.textContent ?? '';
        return {
          offset,
          text,
          keys: mark.dataset.keys ?? '',
          matches: value.slice(offset, offset + text.length) === text,
        };
      });
    // Each drawn line ends in its line break; the article's last one in a space.
    const drawnText = lines.textContent ?? '';
    return {
      marks,
      drawn: {
        start,
        length: drawnText.length,
        same: `${value} `.slice(start, start + drawnText.length) === drawnText,
      },
      scrolled: { editor: editor.scrollTop, layer: layer.scrollTop },
    };
  });
}

/**
 * Clicks the middle of a drawn mark's first line box: the text area puts the caret where the
 * text is, which must be inside the mark's own text if the layer lines up with the text area.
 */
async function caretFromClickOn(mark: Locator): Promise<number> {
  const box = await mark.evaluate((element) => {
    const first = element.getClientRects()[0]!;
    return { x: first.x, y: first.y, width: first.width, height: first.height };
  });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return page.evaluate(() => document.querySelector('textarea')!.selectionStart);
}

/**
 * Puts the text in the editor as a paste does (one input event with all of it), then goes back to
 * the top of the article, as an editor about to read it does: the highlight layer draws the lines
 * near the view, and the tests look at the article's first findings.
 */
async function paste(text: string): Promise<void> {
  await page.locator('#editor').fill(text);
  await page.evaluate(() => {
    const editor = document.querySelector('textarea')!;
    editor.setSelectionRange(0, 0);
    editor.scrollTop = 0;
  });
  await page.waitForFunction(() => document.getElementById('backdrop')!.scrollTop === 0);
}

describe('the editor page', () => {
  it('is served with a CSP that allows no inline script', async () => {
    const response = await page.goto(base);
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("require-trusted-types-for 'script'");
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'Ready');
  });

  it('highlights the seed article’s defects in place', async () => {
    await paste(article);
    await page.waitForSelector('#backdrop mark[data-rule="stray-punctuation"]');
    await page.waitForFunction(
      () => !document.querySelector('#status')?.textContent?.includes('Checking'),
    );

    const stray = await highlightsOf('stray-punctuation');
    expect(stray.map((mark) => mark.text)).toEqual([' .', ', experts']);
    const [doubled, orphan] = stray;
    expect(article.slice(0, doubled!.offset + 2)).toMatch(/held talks with her respectively\. \.$/);
    expect(article.slice(0, orphan!.offset + 1)).toMatch(/and labor rights protection\. ,$/);

    // Every rule the service runs that found something on the article is highlighted where the
    // service says: the pronoun rule (his/her for Ms. Bachelet) joins this list when it is built.
    const rules = (await (await page.request.get(`${base}v1/rules`)).json()) as {
      rules: { id: string }[];
    };
    const api = (await (
      await page.request.post(`${base}v1/lint`, { data: { text: article } })
    ).json()) as {
      diagnostics: { ruleId: string; offset: number; excerpt: string; severity: string }[];
    };
    // Each diagnostic is an issue in the panel and paints at least one highlight (overlapping ones
    // share a highlight, which lists every issue under it in data-keys).
    // The layer draws the lines near the view: scroll through the article a view at a time and
    // gather what shows.
    const issues = await page.$$eval('.issue', (buttons) =>
      buttons.map((button) => ({
        rule: (button as HTMLElement).dataset.rule,
        key: (button as HTMLElement).dataset.key!,
      })),
    );
    expect(issues.map((issue) => issue.rule).sort()).toEqual(
      api.diagnostics.map((diagnostic) => diagnostic.ruleId).sort(),
    );
    const seen = new Set<string>();
    for (let step = 0; ; step++) {
      const view = await marksInView();
      expect(view.drawn.same).toBe(true);
      expect(view.scrolled.layer).toBe(view.scrolled.editor);
      expect(view.marks.filter((mark) => !mark.matches)).toEqual([]);
      for (const mark of view.marks) for (const key of mark.keys.split(' ')) seen.add(key);
      const more = await page.evaluate(() => {
        const editor = document.querySelector('textarea')!;
        if (editor.scrollTop + editor.clientHeight >= editor.scrollHeight - 1) return false;
        editor.scrollTop += editor.clientHeight / 2;
        return true;
      });
      if (!more) break;
      // The layer follows at the text area's scroll event.
      await page.waitForFunction(
        () =>
          document.querySelector('textarea')!.scrollTop ===
          document.getElementById('backdrop')!.scrollTop,
      );
      expect(step).toBeLessThan(100);
    }
    expect(issues.filter((issue) => !seen.has(issue.key))).toEqual([]);
    await page.evaluate(() => document.querySelector('textarea')!.scrollTo(0, 0));
    await page.waitForFunction(() => document.getElementById('backdrop')!.scrollTop === 0);
    for (const ruleId of new Set(api.diagnostics.map((diagnostic) => diagnostic.ruleId))) {
      expect(rules.rules.map((rule) => rule.id)).toContain(ruleId);
    }

    // Both "his" for Ms. Bachelet are highlighted where they stand.
    expect(rules.rules.map((rule) => rule.id)).toContain(PRONOUN_RULE);
    const his = await highlightsOf(PRONOUN_RULE);
    expect(his.map((mark) => mark.text)).toContain('his');
    const places = his.map((mark) =>
      article.slice(mark.offset - 'during '.length, mark.offset + mark.text.length + 8),
    );
    expect(places).toContain('during his stay in');
    expect(places).toContain('During his stay in');

    expect(await page.locator('.issue[data-rule="stray-punctuation"]').count()).toBe(2);
    expect(await page.locator('#penalty').textContent()).toMatch(/^\d+\.\d\d$/);
  }, 60_000);

  it('opens an issue from the panel and applies its fix to the text', async () => {
    await page.locator('.issue[data-rule="stray-punctuation"]').first().click();
    const card = page.locator('#card');
    await card.waitFor({ state: 'visible' });
    expect(await card.locator('.card-message').textContent()).toContain('doubled punctuation');
    await mkdirFor(ARTIFACTS);
    await page.screenshot({ path: join(ARTIFACTS, 'web-editor.png') });

    await card.locator('.fix').first().click();
    await page.waitForFunction(
      () => !document.querySelector('textarea')!.value.includes('respectively. .'),
    );
    const value = await page.locator('#editor').inputValue();
    expect(value).toContain('held talks with her respectively.\n');
    expect(value.length).toBe(article.length - 2);
    await page.waitForFunction(
      () => document.querySelectorAll('#backdrop mark[data-rule="stray-punctuation"]').length === 1,
    );

    // The corrected article goes out through the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.locator('#copy-button').click();
    await page.waitForFunction(() =>
      document.querySelector('#status')?.textContent?.startsWith('Copied'),
    );
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
  }, 60_000);

  it('moves between issues with the keyboard and keeps the text across a reload', async () => {
    await page.locator('#editor').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    await page.locator('#card').waitFor({ state: 'visible' });
    const first = await page.locator('.card-position').textContent();
    // Tab from the editor goes to the card's first fix, as docs/web.md says; Shift+Tab from there
    // stays in the card (the rule's link and the card's buttons).
    const focusedIn = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return active?.getAttribute('aria-label') ?? active?.className ?? '';
      });
    const inCard = () => page.evaluate(() => Boolean(document.activeElement?.closest('#card')));
    await page.keyboard.press('Tab');
    expect(await focusedIn()).toMatch(/^(Delete|Replace) |^link-button$|fix/);
    await page.keyboard.press('Shift+Tab');
    expect(await inCard()).toBe(true);
    await page.locator('#editor').focus();
    await page.keyboard.press('Alt+ArrowDown');
    expect(await page.locator('.card-position').textContent()).not.toBe(first);
    // Tab from the editor goes to the open card's fixes (or its first button when it has none).
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest('#card')
          ? document.activeElement.className
          : document.activeElement?.tagName,
      ),
    ).toMatch(/fix|card-step/);
    await page.keyboard.press('Escape');
    await page.locator('#card').waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('editor');
    await page.keyboard.press('Alt+ArrowDown');
    await page.locator('#card').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.locator('#card').waitFor({ state: 'hidden' });

    // The issue list is one tab stop; arrows move within it.
    await page.locator('.issue').first().focus();
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.className ?? '');
    expect(focused).toContain('issue');
    await page.keyboard.press('Enter');
    await page.locator('#card').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.closest('#card') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('issue'))).toBe(
      true,
    );

    const before = await page.locator('#editor').inputValue();
    await page.waitForFunction(
      (expected) => localStorage.getItem('mtlint.article') === expected,
      before,
    );
    await page.reload();
    expect(await page.locator('#editor').inputValue()).toBe(before);
    await page.waitForSelector('#backdrop mark[data-rule="stray-punctuation"]');

    // A click on the highlight lands in the text area at the same character: its card opens.
    const comma = page.locator('#backdrop mark[data-rule="stray-punctuation"]');
    await scrollIntoView(comma);
    // The first line box of the highlight: the orphaned comma's finding takes in the word after
    // it, so the highlight may wrap, and its bounding box's middle may lie between the lines.
    const box = await comma.evaluate((mark) => {
      const first = mark.getClientRects()[0]!;
      return { x: first.x, y: first.y, width: first.width, height: first.height };
    });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('#card').waitFor({ state: 'visible' });
    expect(await page.locator('.card-message').textContent()).toContain('A sentence starts with');
    await page.keyboard.press('Escape');
  }, 60_000);

  it('switches a rule off for the session and sends it as config', async () => {
    const sent: string[] = [];
    const listen = (req: { url(): string; postData(): string | null }) => {
      if (req.url().endsWith('/v1/lint')) sent.push(req.postData() ?? '');
    };
    page.on('request', listen);
    await page.locator('#rules summary').click();
    await page.locator('#rule-stray-punctuation').selectOption('off');
    await page.waitForFunction(
      () => document.querySelectorAll('#backdrop mark[data-rule="stray-punctuation"]').length === 0,
    );
    expect(JSON.parse(sent.at(-1)!).config).toEqual({ rules: { 'stray-punctuation': 'off' } });

    await page.locator('#reset-rules').click();
    await page.waitForSelector('#backdrop mark[data-rule="stray-punctuation"]');
    expect(JSON.parse(sent.at(-1)!).config).toBeUndefined();
    page.off('request', listen);
  }, 60_000);

  it('labels every control', async () => {
    const unlabelled = await page.$$eval('input, select, textarea, button', (controls) =>
      controls
        .filter((control) => {
          const element = control as HTMLInputElement;
          const named =
            (element.labels?.length ?? 0) > 0 ||
            element.getAttribute('aria-label') ||
            (element.tagName === 'BUTTON' && element.textContent?.trim());
          return !named;
        })
        .map((control) => control.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
  });

  it('renders hostile text as text: markup in the article does nothing', async () => {
    await page.locator('#clear-button').click();
    expect(await page.locator('#editor').inputValue()).toBe('');
    const hostile =
      'It was done. . <img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script> then <b onmouseover="window.__pwned=3">bold</b>.';
    await paste(hostile);
    await page.waitForSelector('#backdrop mark[data-rule="stray-punctuation"]');
    await page.locator('.issue').first().click();
    await page.locator('#card').waitFor({ state: 'visible' });

    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], b[onmouseover]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('#backdrop').textContent()).toContain('<img src=x onerror=');
    expect(await page.locator('#editor').inputValue()).toBe(hostile);
    expect(problems).toEqual([]);
  }, 60_000);

  it('opens an HTML file as it is, sends it with its format and runs none of it', async () => {
    const sent = recordLints();
    const html =
      '<html><head><title>t</title><script>window.__pwned=4</script></head><body>' +
      '<h1>Visit ends</h1><p>They met her respectively. . Then they left.</p>' +
      '<img src=x onerror="window.__pwned=5"></body></html>';
    await page.locator('#file-input').setInputFiles({
      name: 'story.html',
      mimeType: 'text/html',
      buffer: Buffer.from(html),
    });
    // The editor shows the file itself; the service reads it as HTML, offsets into this text.
    await page.waitForFunction(
      (expected) => document.querySelector('textarea')!.value === expected,
      html,
    );
    expect(await page.locator('#format').inputValue()).toBe('html');
    const [stray] = await waitForHighlights('stray-punctuation');
    expect(html.slice(stray!.offset, stray!.offset + stray!.text.length)).toBe(stray!.text);
    expect(html.slice(0, stray!.offset + stray!.text.length)).toMatch(/respectively\. \.$/);
    expect(sent.bodies.at(-1)).toMatchObject({ text: html, format: 'html' });
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    sent.stop();
    expect(problems).toEqual([]);
  }, 60_000);

  it('opens a dropped Markdown file as it is and sends it as Markdown', async () => {
    const sent = recordLints();
    const markdown = '# Visit ends\n\nThey met *her* respectively. . Then they left.\n';
    await dropFile('story.md', 'text/markdown', markdown);
    await page.waitForFunction(
      (expected) => document.querySelector('textarea')!.value === expected,
      markdown,
    );
    expect(await page.locator('#format').inputValue()).toBe('markdown');
    const [stray] = await waitForHighlights('stray-punctuation');
    expect(markdown.slice(0, stray!.offset + stray!.text.length)).toMatch(/respectively\. \.$/);
    expect(sent.bodies.at(-1)).toMatchObject({ text: markdown, format: 'markdown' });
    sent.stop();
    await page.locator('#format').selectOption('text');
  }, 60_000);

  it('fits a phone: no horizontal scroll at 390 and 320 pixels', async () => {
    await paste(article);
    await waitForHighlights('stray-punctuation');
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 844 });
      await page.evaluate(() => window.scrollTo(0, 0));
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        wider: Array.from(document.querySelectorAll('body *'))
          .filter((element) => {
            const box = element.getBoundingClientRect();
            return box.width > 0 && box.right > document.documentElement.clientWidth + 0.5;
          })
          .filter((element) => !element.closest('.visually-hidden'))
          .map((element) => `${element.tagName}.${element.className}`)
          .slice(0, 5),
      }));
      expect(overflow).toEqual({ page: 0, wider: [] });
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, 'web-phone.png') });
    await page.locator('.issue[data-rule="stray-punctuation"]').first().click();
    await page.locator('#card').waitFor({ state: 'visible' });
    await page.locator('#card').scrollIntoViewIfNeeded();
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'web-phone-card.png') });
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 60_000);

  it('links each finding to its rule’s page, which the browser shows', async () => {
    await page.locator('.issue[data-rule="stray-punctuation"]').first().click();
    const link = page.locator('#card a.rule-link');
    expect(await link.getAttribute('href')).toBe(`${base}rules/stray-punctuation/README.md`);
    const [docs] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await docs.waitForLoadState();
    expect(await docs.locator('body').textContent()).toContain('stray-punctuation');
    await docs.close();
    await page.keyboard.press('Escape');
  }, 60_000);

  it('keeps a finding inside a sentence-long one visible and clickable', async () => {
    // Readability as an error covers whole sentences; the shorter findings inside stay on top.
    await page.evaluate(() => {
      (document.getElementById('rules') as HTMLDetailsElement).open = true;
    });
    await page.locator('#rule-readability').selectOption('error');
    await page.waitForSelector('#backdrop mark.hlw[data-rule="readability"] mark.hl');
    const inner = page.locator('#backdrop mark.hlw[data-rule="readability"] mark.hl').first();
    const rule = await inner.getAttribute('data-rule');
    expect(rule).not.toBe('readability');
    await scrollIntoView(inner);
    const box = (await inner.boundingBox())!;
    await page.mouse.click(box.x + Math.min(4, box.width / 2), box.y + box.height / 2);
    await page.locator('#card').waitFor({ state: 'visible' });
    expect(await page.locator('#card .card-rule').textContent()).toBe(rule);
    await page.screenshot({ path: join(ARTIFACTS, 'web-nested.png') });
    await page.keyboard.press('Escape');
    await page.locator('#reset-rules').click();
    await page.waitForFunction(
      () =>
        document.querySelectorAll('#backdrop mark.hlw[data-rule="readability"]').length > 0 &&
        !document.querySelector('#backdrop mark.hlw-error'),
    );
  }, 60_000);

  it('lists the issues in the order of the text, and ignores one for the session', async () => {
    const sent = recordLints();
    await page.locator('#order-document').click();
    expect(await page.locator('#order-document').getAttribute('aria-pressed')).toBe('true');
    const lines = await page.$$eval('.issue-list-document .issue-line', (spans) =>
      spans.map((span) => Number(span.textContent!.replace('line ', ''))),
    );
    expect(lines.length).toBeGreaterThan(10);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));

    const before = await page.locator('.issue').count();
    const target = page.locator('.issue[data-rule="stray-punctuation"]').first();
    await target.click();
    await page.locator('#card .ignore-button').click();
    await page.waitForFunction(
      (count) => document.querySelectorAll('.issue').length === count - 1,
      before,
    );
    expect(await page.locator('#ignored-note').isVisible()).toBe(true);
    expect(await page.locator('#backdrop mark[data-rule="stray-punctuation"]').count()).toBe(1);
    // A new check (after an edit elsewhere) keeps it ignored; the service never hears of it.
    await page.locator('#editor').press('Control+End');
    await page.keyboard.type(' More.');
    await page.waitForFunction(() => sessionStorage.getItem('mtlint.session')?.includes('ignored'));
    await page.waitForFunction(() =>
      /checked/.test(document.querySelector('#status')!.textContent!),
    );
    expect(sent.bodies.length).toBeGreaterThan(0);
    expect(JSON.stringify(sent.bodies)).not.toContain('ignored');
    // Back at the top, where both stray punctuation findings are.
    await page.evaluate(() => document.querySelector('textarea')!.scrollTo(0, 0));
    await page.waitForFunction(() => document.getElementById('backdrop')!.scrollTop === 0);
    expect(await page.locator('#backdrop mark[data-rule="stray-punctuation"]').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'web-document-order.png') });
    await page.locator('#unignore').click();
    await waitForCount('#backdrop mark[data-rule="stray-punctuation"]', 2);
    await page.locator('#order-category').click();
    sent.stop();
  }, 60_000);

  it('keeps the highlight layer in step with the text through edits across lines', async () => {
    await page.goto(base);
    await paste(article);
    await waitForHighlights('stray-punctuation');
    const editor = page.locator('#editor');
    const inStep = async () => {
      const view = await marksInView();
      expect(view.drawn.same).toBe(true);
      expect(view.marks.filter((mark) => !mark.matches)).toEqual([]);
    };
    const middle = Math.floor(article.length / 2);
    // A line break typed in the middle, a selection across paragraphs deleted, text pasted in.
    await editor.evaluate(
      (element: HTMLTextAreaElement, at) => element.setSelectionRange(at, at),
      middle,
    );
    await page.keyboard.press('Enter');
    await inStep();
    await editor.evaluate(
      (element: HTMLTextAreaElement, at) => element.setSelectionRange(at - 300, at + 300),
      middle,
    );
    await page.keyboard.press('Backspace');
    await inStep();
    await page.keyboard.insertText('New line one.\n\nNew line two. . And more.');
    await inStep();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('End.');
    await inStep();
    await page.waitForFunction(() =>
      /checked/.test(document.querySelector('#status')!.textContent!),
    );
    await inStep();
    await page.evaluate(() => document.querySelector('textarea')!.scrollTo(0, 0));
    await waitForHighlights('stray-punctuation');
    await inStep();
  }, 60_000);

  it('undoes Clear, with the Undo button and with Ctrl+Z', async () => {
    const before = await page.locator('#editor').inputValue();
    await page.locator('#clear-button').click();
    expect(await page.locator('#editor').inputValue()).toBe('');
    await page.locator('#toast').waitFor({ state: 'visible' });
    await page.locator('#toast-undo').click();
    expect(await page.locator('#editor').inputValue()).toBe(before);
    await waitForHighlights('stray-punctuation');

    await page.locator('#clear-button').click();
    expect(await page.locator('#editor').inputValue()).toBe('');
    await page.locator('#editor').press('Control+z');
    expect(await page.locator('#editor').inputValue()).toBe(before);
    await waitForHighlights('stray-punctuation');
  }, 60_000);

  it('checks an article of 40,000 words in parts and highlights all through it', async () => {
    const paragraphs = article.trim().split(/\n+/);
    const long: string[] = [];
    let words = 0;
    for (let index = 0; words < 40_000; index++) {
      const paragraph = `${paragraphs[index % paragraphs.length]} (${index + 1})`;
      long.push(paragraph);
      words += paragraph.split(/\s+/).length;
    }
    const text = long.join('\n\n');
    expect(text.length).toBeGreaterThan(200_000);
    // One input event with the whole text, as a paste gives (typing it in would take minutes).
    await page.evaluate((value) => {
      const editor = document.querySelector('textarea')!;
      editor.value = value;
      editor.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await page.waitForFunction(
      () => /checked in \d+ parts/.test(document.querySelector('#status')!.textContent!),
      null,
      { timeout: 50_000 },
    );
    expect(await page.locator('#issue-groups').textContent()).not.toContain('No article yet');
    // The layer holds the lines near the view, not the whole article, and they are the article's.
    let view = await marksInView();
    expect(view.drawn.same).toBe(true);
    expect(view.drawn.length).toBeLessThan(text.length / 4);
    const stray = await highlightsOf('stray-punctuation');
    expect(stray.length).toBeGreaterThan(0);
    for (const mark of stray)
      expect(text.slice(mark.offset, mark.offset + mark.text.length)).toBe(mark.text);

    // The last issue in text order, opened from the list at the top of the article, is brought
    // into view and marked on its own text.
    await page.locator('#order-document').click();
    await page.locator('.issue-list-document .issue').last().click();
    await page.locator('#card').waitFor({ state: 'visible' });
    const activeInView = () =>
      page.evaluate(() => {
        const editor = document.querySelector('textarea')!;
        const mark = document.querySelector<HTMLElement>('#backdrop mark.is-active');
        if (!mark) return undefined;
        const lines = mark.closest<HTMLElement>('.layer-lines')!;
        const range = document.createRange();
        range.setStart(lines, 0);
        range.setEndBefore(mark);
        const offset = Number(lines.dataset.start) + range.toString().length;
        const box = mark.getBoundingClientRect();
        const frame = editor.getBoundingClientRect();
        return {
          offset,
          matches:
            editor.value.slice(offset, offset + mark.textContent!.length) === mark.textContent,
          selectionStart: editor.selectionStart,
          inView: box.top >= frame.top && box.bottom <= frame.bottom,
          scrolled: editor.scrollTop,
        };
      });
    await page.waitForFunction(() => {
      const mark = document.querySelector('#backdrop mark.is-active');
      const frame = document.querySelector('textarea')!.getBoundingClientRect();
      const box = mark?.getBoundingClientRect();
      return box !== undefined && box.top >= frame.top && box.bottom <= frame.bottom;
    });
    const active = await activeInView();
    expect(active).toMatchObject({ matches: true, inView: true });
    expect(active!.scrolled).toBeGreaterThan(0);
    expect(Math.abs(active!.offset - active!.selectionStart)).toBeLessThanOrEqual(1);
    expect(active!.offset).toBeGreaterThan(text.length * 0.9);
    // Scrolled away from its issue, the card stays open but steps aside; it comes back under the
    // issue when the issue is in view again.
    const cardState = () =>
      page.evaluate(() => {
        const card = document.getElementById('card')!;
        const mark = document.querySelector('#backdrop mark.is-active');
        return {
          open: !card.hidden,
          away: card.classList.contains('is-away'),
          opacity: getComputedStyle(card).opacity,
          // Placed under the issue, or above it when there is no room below: never over it.
          besideIssue:
            mark !== null &&
            (card.getBoundingClientRect().top >= mark.getBoundingClientRect().bottom ||
              card.getBoundingClientRect().bottom <= mark.getBoundingClientRect().top),
        };
      });
    // The card moves at the frame after a scroll: read it once the scroll has come to rest.
    const scrollSettled = () =>
      page.evaluate(async () => {
        const editor = document.querySelector('textarea')!;
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        for (let still = 0, last = -1; still < 3;) {
          await frame();
          still = editor.scrollTop === last ? still + 1 : 0;
          last = editor.scrollTop;
        }
      });
    await scrollSettled();
    expect(await cardState()).toMatchObject({ open: true, away: false, besideIssue: true });
    await page.evaluate(() => document.querySelector('textarea')!.scrollTo(0, 0));
    await page.waitForFunction(() =>
      document.getElementById('card')!.classList.contains('is-away'),
    );
    expect(await cardState()).toMatchObject({ open: true, away: true, opacity: '0' });
    await page.evaluate(
      (top) => document.querySelector('textarea')!.scrollTo(0, top),
      active!.scrolled,
    );
    await page.waitForFunction(
      () => !document.getElementById('card')!.classList.contains('is-away'),
    );
    await scrollSettled();
    expect(await cardState()).toMatchObject({ open: true, away: false, besideIssue: true });
    await page.keyboard.press('Escape');
    await page.locator('#order-category').click();

    // Scrolled to the end (at once, then quickly back and forth): the last lines are drawn where
    // the text area shows them, and the last doubled full stop is marked on its own characters.
    await page.evaluate(async () => {
      const editor = document.querySelector('textarea')!;
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (const share of [1, 0.3, 0.8, 0.1, 0.95, 0.5, 1]) {
        editor.scrollTop = share * editor.scrollHeight;
        await frame();
      }
    });
    await page.waitForFunction(() => {
      const editor = document.querySelector('textarea')!;
      return (
        editor.scrollTop > 0 &&
        editor.scrollTop === document.getElementById('backdrop')!.scrollTop &&
        editor.scrollTop + editor.clientHeight >= editor.scrollHeight - 1
      );
    });
    view = await marksInView();
    expect(view.drawn.same).toBe(true);
    expect(view.drawn.start + view.drawn.length).toBe(text.length + 1);
    expect(view.marks.length).toBeGreaterThan(0);
    expect(view.marks.filter((mark) => !mark.matches)).toEqual([]);
    // Every doubled full stop among the drawn lines is marked, on its own two characters.
    const doubled: number[] = [];
    const drawnEnd = view.drawn.start + view.drawn.length;
    for (let at = text.indexOf('respectively. .', view.drawn.start); at !== -1 && at < drawnEnd;) {
      doubled.push(at + 'respectively.'.length);
      at = text.indexOf('respectively. .', at + 1);
    }
    const endStray = await highlightsOf('stray-punctuation');
    for (const offset of doubled) {
      expect(endStray.filter((mark) => mark.text === ' .').map((mark) => mark.offset)).toContain(
        offset,
      );
    }
    // A click on the last mark in view puts the caret inside its text: layer and text area agree.
    const last = view.marks.at(-1)!;
    const caret = await caretFromClickOn(
      page.locator('#backdrop mark').filter({ hasText: last.text }).last(),
    );
    expect(caret).toBeGreaterThanOrEqual(last.offset);
    expect(caret).toBeLessThanOrEqual(last.offset + last.text.length);
    await page.keyboard.press('Escape');

    expect(Number(await page.locator('#penalty').textContent())).toBeGreaterThan(0);
    await page.locator('#clear-button').click();
  }, 60_000);
});

describe('the source pane', () => {
  it('sends the Chinese source and highlights the source of a finding', async () => {
    await page.goto(base);
    const sent = recordLints();
    const english = 'The company hired 350 workers in 2023.';
    const chinese = '该公司在2023年雇用了305名工人。';
    expect(await page.locator('#source-paper').isHidden()).toBe(true);
    await page.locator('#source-toggle').click();
    expect(await page.locator('#source-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.locator('#source').fill(chinese);
    await paste(english);
    const [changed] = await waitForHighlights('number-mismatch');
    expect(changed!.text).toBe('350');
    expect(sent.bodies.at(-1)).toMatchObject({ text: english, source: chinese, alignment: true });

    // Selecting the finding marks the number in the source it contradicts.
    await page.locator('.issue[data-rule="number-mismatch"]').click();
    await page.locator('#card').waitFor({ state: 'visible' });
    const mark = page.locator('#source-backdrop mark.src-finding');
    await mark.waitFor();
    expect(await mark.textContent()).toBe('305');
    const before = await page.evaluate(() => {
      const layer = document.getElementById('source-backdrop')!;
      const range = document.createRange();
      range.setStart(layer, 0);
      range.setEndBefore(layer.querySelector('mark.src-finding')!);
      return range.toString().length;
    });
    expect(chinese.slice(before, before + 3)).toBe('305');
    // The service answered the alignment: the finding's source sentence is tinted as its pair.
    const aligned = page.locator('#source-backdrop mark.src-aligned');
    await aligned.first().waitFor();
    expect((await aligned.allTextContents()).join('')).toContain('名工人');
    await page.screenshot({ path: join(ARTIFACTS, 'web-source.png') });
    await page.keyboard.press('Escape');
    await page.locator('#card').waitFor({ state: 'hidden' });
    expect(await mark.count()).toBe(0);

    // The source is kept like the article; a closed pane is not sent.
    await page.waitForFunction(
      (expected) => localStorage.getItem('mtlint.source') === expected,
      chinese,
    );
    await page.reload();
    expect(await page.locator('#source').inputValue()).toBe(chinese);
    expect(await page.locator('#source-paper').isVisible()).toBe(true);
    await page.locator('#source-toggle').click();
    await page.waitForFunction(
      () => !document.querySelector('#backdrop mark[data-rule="number-mismatch"]'),
    );
    expect(sent.bodies.at(-1)).toEqual({ text: english });

    // On a phone the pane sits below the article, with nothing wider than the screen.
    await page.locator('#source-toggle').click();
    await waitForHighlights('number-mismatch');
    await page.setViewportSize({ width: 390, height: 844 });
    const boxes = await page.evaluate(() => {
      const article = document.querySelector('.paper')!.getBoundingClientRect();
      const pane = document.getElementById('source-paper')!.getBoundingClientRect();
      return {
        below: pane.top >= article.bottom,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    expect(boxes).toEqual({ below: true, overflow: 0 });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('#source-toggle').click();
    await page.locator('#clear-button').click();
    sent.stop();
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('the editor page against a service with a token', () => {
  it('asks for the token, keeps it for the tab and sends it', async () => {
    const guarded = createApp({
      lintService: createInProcessLintService(),
      webRoot: join(scratch, 'web'),
      defaultMetrics: false,
      settings: { token: 'newsroom-secret' },
    });
    const other = guarded.listen(0, '127.0.0.1');
    await new Promise((resolve) => other.once('listening', resolve));
    // The same tab, on the guarded service's origin: a second tab would add browser steps that
    // have no timeout of their own (opening and closing a target) for nothing this test checks.
    const auth: (string | undefined)[] = [];
    const listen = (request: { url(): string; headers(): Record<string, string> }) => {
      if (request.url().endsWith('/v1/lint')) auth.push(request.headers().authorization);
    };
    page.on('request', listen);
    try {
      await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      await page.locator('#token-form').waitFor({ state: 'visible', timeout: 20_000 });
      await page.locator('#editor').fill('They met her respectively. . Then they left.');
      await page.waitForFunction(
        () => /API token/.test(document.querySelector('#status')!.textContent!),
        undefined,
        { timeout: 20_000 },
      );
      expect(await page.locator('#issue-groups').textContent()).toMatch(/Not checked: .*API token/);
      await page.screenshot({ path: join(ARTIFACTS, 'web-token.png'), timeout: 20_000 });
      await page.locator('#token-input').fill('newsroom-secret');
      await page.locator('#token-form button[type="submit"]').click();
      await page.waitForSelector('#backdrop mark[data-rule="stray-punctuation"]', {
        timeout: 20_000,
      });
      expect(await page.locator('#token-form').isHidden()).toBe(true);
      expect(auth.at(-1)).toBe('Bearer newsroom-secret');
      expect(await page.evaluate(() => sessionStorage.getItem('mtlint.token'))).toBe(
        'newsroom-secret',
      );
      // The rule list is fetched again with the token: it arrives on its own time.
      await page.waitForFunction(() => document.querySelectorAll('.rule').length > 5, undefined, {
        timeout: 20_000,
      });
    } finally {
      page.off('request', listen);
      // The browser keeps its connections to this server open: close them, or close() waits.
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  }, 90_000);
});

/**
 * Brings a highlight into view. The text area scrolls itself and the highlight layer follows it;
 * scrolling the layer to a highlight moves the text area too, at the next frame: wait for it, so a
 * click lands on the text the highlight marks.
 */
async function scrollIntoView(mark: Locator): Promise<void> {
  await mark.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    () =>
      document.querySelector('textarea')!.scrollTop ===
      document.getElementById('backdrop')!.scrollTop,
  );
}

/** Records the JSON bodies the page sends to /v1/lint until stopped. */
function recordLints(): { bodies: Record<string, unknown>[]; stop(): void } {
  const bodies: Record<string, unknown>[] = [];
  const listen = (request: { url(): string; postData(): string | null }) => {
    if (request.url().endsWith('/v1/lint')) bodies.push(JSON.parse(request.postData() ?? '{}'));
  };
  page.on('request', listen);
  return { bodies, stop: () => page.off('request', listen) };
}

async function waitForHighlights(rule: string): Promise<{ offset: number; text: string }[]> {
  await page.waitForSelector(`#backdrop mark[data-rule="${rule}"]`);
  await page.waitForFunction(
    () => !document.querySelector('#status')?.textContent?.includes('Checking'),
  );
  return highlightsOf(rule);
}

async function waitForCount(selector: string, count: number): Promise<void> {
  await page.waitForFunction(
    ([css, expected]) => document.querySelectorAll(css as string).length === expected,
    [selector, count] as const,
  );
}

/** Drops a file on the editor as a browser does: dragenter, dragover, then drop. */
async function dropFile(name: string, type: string, content: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, fileType, body]) => {
      const data = new DataTransfer();
      data.items.add(new File([body], fileName, { type: fileType }));
      return data;
    },
    [name, type, content] as const,
  );
  for (const event of ['dragenter', 'dragover', 'drop']) {
    await page.dispatchEvent('#editor-pane', event, { dataTransfer: transfer });
  }
}

async function mkdirFor(folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
}
