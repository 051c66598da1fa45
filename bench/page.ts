/// <reference lib="dom" />
/**
 * `npm run bench:page`: the editor's page in a real browser (Debian's chromium through
 * playwright-core) against the built service. It puts a 100,000-character article in the editor,
 * waits for the check, then types in the middle of the article one key at a time and reads the
 * browser's own trace: the renderer main thread's busy time for each keystroke (script, style,
 * layout and paint alike). Prints figures; asserts nothing.
 *
 *   BENCH_KEYS=60        keystrokes to time
 *   BENCH_CHARS=100000   length of the article
 *   BENCH_BARE=1         instead of the page, a bare text area with the same text and font: what
 *                        the browser itself spends on a keystroke, the floor for any page
 *   BENCH_TRACE=file     also writes chromium's trace there (open it in the browser's profiler)
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { fromRoot, startServer } from './shared.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const KEYS = Number(process.env.BENCH_KEYS ?? 60);
const CHARS = Number(process.env.BENCH_CHARS ?? 100_000);
/** Pause between keystrokes: a fast typist (about 120 words a minute). */
const GAP_MS = 80;
const BARE = process.env.BENCH_BARE === '1';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: on a shared machine, wall time also counts waiting for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

/** The seed article's paragraphs, repeated and numbered, cut at a paragraph to `chars`. */
function longArticle(chars: number): string {
  const seed = readFileSync(fromRoot('test/fixtures/xinhua-bachelet-visit.txt'), 'utf8').trim();
  const paragraphs = seed.split(/\n+/);
  let text = '';
  for (let index = 0; ; index++) {
    const next = `${paragraphs[index % paragraphs.length]} (${index + 1})\n\n`;
    if (text.length + next.length > chars) break;
    text += next;
  }
  return text.padEnd(chars, 'x');
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

const server = await startServer();
const browser = await chromium.launch({
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
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.url}/`);
  const article = longArticle(CHARS);
  await page.locator('#editor').fill(article);
  await page.waitForFunction(
    () => /checked in/.test(document.querySelector('#status')!.textContent!),
    null,
    {
      timeout: 60_000,
    },
  );
  // The issues found (the highlight layer draws only the lines near the view, so its marks are fewer).
  const issues = await page.locator('#issue-groups .issue').count();
  if (BARE) {
    // A blank page: the service's page would refuse the markup (its CSP requires Trusted Types).
    await page.goto('about:blank');
    await page.setContent(
      '<textarea spellcheck="false" style="display:block;box-sizing:border-box;width:860px;' +
        'height:100vh;margin:0 auto;padding:36px 48px;border:0;resize:none;' +
        "font:17px/1.75 'DejaVu Serif',serif;white-space:pre-wrap\"></textarea>",
    );
    await page.evaluate((value) => {
      document.querySelector('textarea')!.value = value;
    }, article);
  }
  // The caret in the middle of the article, brought into view as an editor would scroll to it.
  await page.evaluate(
    (at) => {
      const editor = document.querySelector('textarea')!;
      editor.focus();
      editor.setSelectionRange(at, at);
    },
    Math.floor(article.length / 2),
  );
  await page.waitForTimeout(1000);

  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  const typed = 'the quick brown fox jumps over the lazy dog and then some more words here ';
  for (let index = 0; index < KEYS; index++) {
    await page.keyboard.press(typed[index % typed.length]!);
    await page.waitForTimeout(GAP_MS);
  }
  // Then the editor pauses: the deferred redraw and the next check run.
  await page.waitForTimeout(2500);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[];
  };

  const events = trace.traceEvents;
  if (process.env.BENCH_TRACE)
    (await import('node:fs')).writeFileSync(process.env.BENCH_TRACE, JSON.stringify(trace));
  const keydowns = events
    .filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'keydown')
    .sort((a, b) => a.ts - b.ts);
  if (keydowns.length === 0) throw new Error('bench: no keydown in the trace');
  const { pid, tid } = keydowns[0]!;
  const tasks = events
    .filter(
      (event) =>
        event.pid === pid &&
        event.tid === tid &&
        event.ph === 'X' &&
        (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask'),
    )
    .sort((a, b) => a.ts - b.ts);
  // A task's share of a keystroke: tasks that start from the keydown's task to the next keydown.
  const taskStartOf = (ts: number) =>
    tasks.filter((task) => task.ts <= ts && ts <= task.ts + (task.dur ?? 0)).at(0)?.ts ?? ts;
  const bounds = keydowns.map((event) => taskStartOf(event.ts));
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let index = 0; index < bounds.length; index++) {
    const from = bounds[index]!;
    const to = bounds[index + 1] ?? from + GAP_MS * 1000;
    const mine = tasks.filter((task) => task.ts >= from && task.ts < to);
    cpu.push(mine.reduce((sum, task) => sum + (task.tdur ?? task.dur ?? 0), 0) / 1000);
    wall.push(mine.reduce((sum, task) => sum + (task.dur ?? 0), 0) / 1000);
  }
  const afterLast = bounds.at(-1)! + GAP_MS * 1000;
  const pause = tasks.filter((task) => task.ts >= afterLast);
  const pauseBusy = pause.reduce((sum, task) => sum + (task.tdur ?? task.dur ?? 0), 0) / 1000;
  const pauseLongest = Math.max(0, ...pause.map((task) => (task.tdur ?? task.dur ?? 0) / 1000));
  const round = (value: number) => Math.round(value * 10) / 10;
  const figures = (values: readonly number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return {
      median: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      max: round(sorted.at(-1)!),
      over16ms: values.filter((ms) => ms > 16).length,
    };
  };
  console.log(
    JSON.stringify(
      {
        articleChars: article.length,
        page: BARE ? 'a bare text area' : 'the editor page',
        issues: BARE ? 0 : issues,
        keystrokes: cpu.length,
        mainThreadCpuMsPerKeystroke: figures(cpu),
        mainThreadWallMsPerKeystroke: figures(wall),
        afterPauseCpuMs: { busy: round(pauseBusy), longestTask: round(pauseLongest) },
      },
      null,
      2,
    ),
  );
} finally {
  await browser.close();
  await server.stop();
}
