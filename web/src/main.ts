/**
 * The editor's page: wires the text area, the highlight layer, the issue panel, the card and the
 * rule switches to the service's `POST /v1/lint` and `GET /v1/rules`.
 */
import type {
  Diagnostic,
  LintResult,
  RuleInfo,
  SessionConfig,
  Severity,
  SeveritySetting,
  Summary,
} from './api-types.js';
import { DEFAULT_MAX_CHARS, fetchMaxChars, fetchRules, lint, ServiceError } from './api.js';
import { Backdrop, type Item } from './backdrop.js';
import { placeCard, renderCard } from './card.js';
import { byId } from './dom.js';
import { findChange, shiftThrough } from './edits.js';
import { readArticleFile } from './file-import.js';
import { isWide } from './highlights.js';
import { plural, SEVERITY_LABEL } from './labels.js';
import { renderIssues, renderScore, wireIssueKeys } from './panel.js';
import { mergeResults, PartError, splitIntoParts, type Format, type Part } from './parts.js';
import { renderRules } from './rules-panel.js';
import { groupAt, NO_ALIGNMENT, readAlignment, type Alignment, type SourceMark } from './source.js';
import { SourcePane } from './source-pane.js';
import {
  loadArticle,
  loadFormat,
  loadSession,
  loadSource,
  loadSourceOpen,
  loadToken,
  saveArticle,
  saveFormat,
  saveSession,
  saveSource,
  saveSourceOpen,
  saveToken,
} from './store.js';

/** Quiet time after the last keystroke before the article is checked again. */
const LINT_DELAY_MS = 350;
const SAVE_DELAY_MS = 300;
/** The issue list follows the text this long after the last keystroke (it is not on the input path). */
const PANEL_DELAY_MS = 200;
/** Parts of a long article sent to the service at once. */
const PART_CONCURRENCY = 4;
/** How long the Undo offer stays after Clear. */
const UNDO_MS = 15_000;

const editor = byId<HTMLTextAreaElement>('editor');
const stack = byId('editor-stack');
const card = byId('card');
const status = byId('status');
const announcer = byId('announcer');
const issueGroups = byId('issue-groups');
const scoreBody = byId('score-body');
const ruleList = byId('rule-list');
const allRules = byId<HTMLInputElement>('all-rules');
const fileInput = byId<HTMLInputElement>('file-input');
const editorPane = byId('editor-pane');
const dropOverlay = byId('drop-overlay');
const formatSelect = byId<HTMLSelectElement>('format');
const toast = byId('toast');
const toastText = byId('toast-text');
const tokenForm = byId<HTMLFormElement>('token-form');
const tokenInput = byId<HTMLInputElement>('token-input');
const tokenWhy = byId('token-why');
const ignoredNote = byId('ignored-note');
const editorFrame = byId('editor-scroll');
const sourceEditor = byId<HTMLTextAreaElement>('source');
const sourcePaper = byId('source-paper');
const sourceToggle = byId('source-toggle');
const sourcePane = new SourcePane(sourceEditor, byId('source-backdrop'));
const backdropLayer = byId('backdrop');
const backdrop = new Backdrop(backdropLayer, editor);

const session = loadSession();
let rules: RuleInfo[] = [];
let text = '';
let format: Format = 'text';
let token = loadToken();
/** The longest text the service takes at once; longer articles are checked in parts. */
let maxChars = DEFAULT_MAX_CHARS;
const limits = fetchMaxChars().then((max) => (maxChars = max));
/** Results of parts already checked, by format, config and text: an edit re-checks one part. */
let partCache = new Map<string, LintResult>();
/** Why the last check failed, shown in the panel until a check succeeds. */
let lastError: string | undefined;
/** Keys of the findings the editor chose to ignore (see `ignoreId`). */
let ignoredKeys = new Set<number>();
/** Diagnostics aligned with `text` (shifted through edits made since the last answer). */
let items: Item[] = [];
let summary: Summary | undefined;
/** The Chinese source in its pane; sent only while the pane is open. */
let source = '';
let sourceOpen = false;
/** The source the current findings were checked against (their source offsets point into it). */
let checkedSource = '';
/** The answer's alignment (its English side shifted through later edits), when the service sent one. */
let alignment: Alignment = NO_ALIGNMENT;
let activeKey: number | undefined;
/** Where focus goes back when the card closes. */
let returnFocus: HTMLElement | undefined;
let nextKey = 1;
let lintTimer: ReturnType<typeof setTimeout> | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let sourceSaveTimer: ReturnType<typeof setTimeout> | undefined;
let panelTimer: ReturnType<typeof setTimeout> | undefined;
let toastTimer: ReturnType<typeof setTimeout> | undefined;
let cardFrame = 0;
let placeFrame = 0;
let inFlight: AbortController | undefined;
let lintSequence = 0;

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

function visibleItems(): Item[] {
  return items.filter((item) => session.show[item.severity] && !ignoredKeys.has(item.key));
}

/**
 * What identifies a finding the editor ignores, across new answers and edits elsewhere: its rule,
 * message, text and a few characters either side (the same words flagged elsewhere stay shown).
 */
function ignoreId(item: Item): string {
  const end = item.offset + item.length;
  return [
    item.ruleId,
    item.messageId ?? item.message,
    item.excerpt,
    text.slice(Math.max(0, item.offset - 12), item.offset),
    text.slice(end, end + 12),
  ].join('\u0000');
}

function refreshIgnored(): void {
  const ignored = new Set(session.ignored);
  ignoredKeys = new Set(
    items.filter((item) => ignored.has(ignoreId(item))).map((item) => item.key),
  );
}

function sessionConfig(): SessionConfig | undefined {
  const config: SessionConfig = {};
  if (session.all) config.extends = 'all';
  if (Object.keys(session.rules).length > 0) config.rules = { ...session.rules };
  return Object.keys(config).length > 0 ? config : undefined;
}

function setStatus(message: string, state: 'idle' | 'busy' | 'error' = 'idle'): void {
  // Unchanged text is not written again: a keystroke should not dirty the header's layout.
  if (status.textContent !== message) status.textContent = message;
  if (status.dataset.state !== state) status.dataset.state = state;
}

function announce(message: string): void {
  announcer.textContent = message;
}

// ---- rendering -------------------------------------------------------------------------------

function renderText(): void {
  backdrop.render(text, visibleItems(), activeKey);
  markFilled();
}

function markFilled(): void {
  const state = text === '' ? 'empty' : 'filled';
  if (document.body.dataset.state !== state) document.body.dataset.state = state;
}

function renderPanel(): void {
  clearTimeout(panelTimer);
  const visible = visibleItems();
  const shown = items.filter((item) => !ignoredKeys.has(item.key));
  renderScore(scoreBody, summary, shown);
  const empty =
    text.trim() === ''
      ? 'No article yet. Paste or type one, or open a file.'
      : lastError !== undefined
        ? `Not checked: ${lastError}`
        : summary === undefined
          ? 'Checking…'
          : shown.length === 0
            ? items.length === 0
              ? 'No issues found.'
              : 'Every issue is ignored.'
            : 'Every issue is hidden by the filters above.';
  renderIssues(issueGroups, visible, activeKey, empty, session.order);
  ignoredNote.hidden = ignoredKeys.size === 0;
  byId('ignored-count').textContent = `${plural(ignoredKeys.size, 'issue')} ignored ·`;
  for (const order of ['category', 'document'] as const) {
    byId(`order-${order}`).setAttribute('aria-pressed', String(session.order === order));
  }
}

/** The panel follows typing a moment later, off the input path. */
function schedulePanel(): void {
  clearTimeout(panelTimer);
  panelTimer = setTimeout(renderPanel, PANEL_DELAY_MS);
}

function renderAll(): void {
  renderText();
  renderPanel();
  refreshCard();
}

// ---- linting ---------------------------------------------------------------------------------

function scheduleLint(delay = LINT_DELAY_MS): void {
  clearTimeout(lintTimer);
  if (text.trim() !== '') setStatus('Checking…', 'busy');
  lintTimer = setTimeout(() => void runLint(), delay);
}

async function runLint(): Promise<void> {
  inFlight?.abort();
  await limits;
  const sent = text;
  const sentFormat = format;
  if (sent.trim() === '') {
    items = [];
    summary = undefined;
    lastError = undefined;
    alignment = NO_ALIGNMENT;
    setStatus('Ready');
    renderAll();
    return;
  }
  const controller = new AbortController();
  inFlight = controller;
  const sequence = ++lintSequence;
  setStatus('Checking…', 'busy');
  const started = performance.now();
  const config = sessionConfig();
  let parts: Part[];
  let result: LintResult;
  let answered: Alignment;
  const openSource = sourceOpen ? source : '';
  let sentSource = openSource;
  try {
    parts = splitIntoParts(sent, maxChars, sentFormat);
    // A source belongs to the whole article: an article checked in parts is checked without it.
    if (parts.length > 1) sentSource = '';
    const results = await lintParts(parts, sentFormat, config, sentSource, controller);
    result = mergeResults(sent, parts, results);
    answered =
      parts.length === 1 ? readAlignment(results[0], sent.length, sentSource.length) : NO_ALIGNMENT;
  } catch (error) {
    if (controller.signal.aborted || sequence !== lintSequence) return;
    fail(error);
    return;
  }
  if (sequence !== lintSequence) return;
  const elapsed = Math.round(performance.now() - started);
  lastError = undefined;
  // The editor may have typed while the answer was on its way: carry it over to the current text.
  const edited = findChange(sent, text);
  items = keepKeys(shiftThrough(result.diagnostics, edited));
  alignment = { ...answered, groups: shiftThrough(answered.groups, edited) };
  checkedSource = sentSource;
  const sourceNote =
    openSource.trim() !== '' && sentSource === ''
      ? ' · the source is not used for an article checked in parts'
      : '';
  summary = result.summary;
  refreshIgnored();
  if (!items.some((item) => item.key === activeKey)) activeKey = undefined;
  const inParts = parts.length > 1 ? ` in ${parts.length} parts` : '';
  setStatus(`${plural(items.length, 'issue')} · checked${inParts} in ${elapsed} ms${sourceNote}`);
  renderAll();
  renderSource(false);
}

/**
 * Checks each part (a short article is one part), at most a few at once, reusing the answers for
 * parts whose text, format and config are unchanged.
 */
async function lintParts(
  parts: readonly Part[],
  partFormat: Format,
  config: SessionConfig | undefined,
  partSource: string,
  controller: AbortController,
): Promise<LintResult[]> {
  const prefix = `${partFormat}\u0000${JSON.stringify(config ?? null)}\u0000${partSource}\u0000`;
  const results = new Array<LintResult>(parts.length);
  // One part failing stops the others; a newer check stops them all.
  const partsController = new AbortController();
  controller.signal.addEventListener('abort', () => partsController.abort());
  let next = 0;
  const lane = async () => {
    while (next < parts.length) {
      const index = next++;
      const key = prefix + parts[index]!.text;
      const known = partCache.get(key);
      results[index] =
        known ??
        (await lint(
          parts[index]!.text,
          partFormat,
          config,
          token,
          partsController.signal,
          partSource,
        ));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(PART_CONCURRENCY, parts.length) }, lane));
  } catch (error) {
    partsController.abort();
    throw error;
  }
  // Only the parts of the text as it stands are kept.
  partCache = new Map(parts.map((part, index) => [prefix + part.text, results[index]!]));
  return results;
}

/** A check that failed: the reason in the header and the panel, and the token form on a 401. */
function fail(error: unknown): void {
  let message: string;
  if (error instanceof PartError) message = error.message;
  else if (error instanceof ServiceError && error.status === 401) {
    message = token
      ? 'The service did not accept the API token: enter it again'
      : 'This service needs an API token: enter it in the panel';
    askForToken(
      token ? 'The service did not accept this token. Check it and enter it again.' : undefined,
    );
  } else if (error instanceof ServiceError && error.status !== 0) message = error.message;
  else message = 'The service cannot be reached. Is it running?';
  lastError = message;
  items = [];
  summary = undefined;
  activeKey = undefined;
  alignment = NO_ALIGNMENT;
  setStatus(message, 'error');
  renderAll();
  renderSource(false);
}

/**
 * An issue found again by a new answer keeps its key, so the open card, the focused list entry and
 * the active highlight stay where the editor left them.
 */
function keepKeys(fresh: readonly Diagnostic[]): Item[] {
  const identity = (diagnostic: Diagnostic) =>
    `${diagnostic.ruleId}|${diagnostic.offset}|${diagnostic.length}|${diagnostic.message}`;
  const known = new Map(items.map((item) => [identity(item), item.key]));
  const used = new Set<number>();
  return fresh.map((diagnostic) => {
    const previous = known.get(identity(diagnostic));
    const key = previous !== undefined && !used.has(previous) ? previous : nextKey++;
    used.add(key);
    return { ...diagnostic, key };
  });
}

// ---- editing ---------------------------------------------------------------------------------

/**
 * The input path: kept to what must follow each keystroke. The highlight layer redraws only the
 * lines the edit touched; the panel, the saved copy and the next check follow when typing pauses.
 */
function onTextChanged(): void {
  const value = editor.value;
  const change = findChange(text, value);
  const wasEmpty = text.trim() === '';
  const before = items.length;
  text = value;
  items = shiftThrough(items, change);
  if (alignment.groups.length > 0)
    alignment = { ...alignment, groups: shiftThrough(alignment.groups, change) };
  backdrop.edit(text, change, visibleItems());
  markFilled();
  // The list is redrawn with the next answer; before it, only when the edit removed an issue or
  // emptied or filled the editor (a redraw of hundreds of issues is not a keystroke's work).
  if (items.length !== before || wasEmpty !== (text.trim() === '')) schedulePanel();
  hideToast();
  if (activeKey !== undefined && !items.some((item) => item.key === activeKey)) closeCard(false);
  else if (activeKey !== undefined) scheduleCard();
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    if (!saveArticle(text))
      setStatus('The browser would not keep this article: it may be too large', 'error');
  }, SAVE_DELAY_MS);
  scheduleLint();
}

/** After a scroll, the open card moves with its issue at the next frame. */
function scheduleCardPlacement(): void {
  cancelAnimationFrame(placeFrame);
  placeFrame = requestAnimationFrame(() => {
    if (activeKey !== undefined && !card.hidden) followIssue(activeKey);
  });
}

/** The open card follows its issue at the next frame, not inside the keystroke. */
function scheduleCard(): void {
  cancelAnimationFrame(cardFrame);
  cardFrame = requestAnimationFrame(() => refreshCard());
}

function setText(value: string): void {
  editor.value = value;
  editor.setSelectionRange(0, 0);
  onTextChanged();
  scheduleLint(0);
}

/** Applies a fix through the browser's editing commands, so Ctrl+Z undoes it. */
function applyFix(item: Item, replacement: string): void {
  const end = item.offset + item.length;
  if (text.slice(item.offset, end) !== item.excerpt) {
    setStatus('The text changed under this issue; checking again…', 'busy');
    scheduleLint(0);
    return;
  }
  editor.focus({ preventScroll: true });
  editor.setSelectionRange(item.offset, end);
  const before = editor.value;
  const done =
    replacement === ''
      ? document.execCommand('delete')
      : document.execCommand('insertText', false, replacement);
  // execCommand keeps the fix on the undo stack; where a browser lacks it, edit directly.
  if (!done || editor.value === before) {
    editor.setRangeText(replacement, item.offset, end, 'end');
    editor.dispatchEvent(new Event('input', { bubbles: true }));
  }
  closeCard(false);
  announce(replacement === '' ? `Deleted “${item.excerpt}”` : `Replaced with “${replacement}”`);
  scheduleLint(0);
}

// ---- the card ----------------------------------------------------------------------------------

function activate(
  key: number,
  options: { focusCard: boolean; from?: HTMLElement; select?: boolean },
): void {
  const item = items.find((candidate) => candidate.key === key);
  if (!item) return;
  if (!session.show[item.severity]) {
    session.show[item.severity] = true;
    syncFilters();
  }
  activeKey = key;
  returnFocus = options.from;
  backdrop.setActive(key);
  renderPanel();
  if (options.select !== false) editor.setSelectionRange(item.offset, item.offset + item.length);
  // The layer draws only the lines near the view: draw the issue's lines before looking for it.
  backdrop.reveal(item.offset);
  const [mark] = backdrop.marksOf(key);
  if (mark) scrollToMark(mark);
  refreshCard();
  renderSource(true);
  announce(`${SEVERITY_LABEL[item.severity]}: ${item.message}`);
  if (options.focusCard) {
    card.querySelector<HTMLElement>('.fix, .link-button')?.focus({ preventScroll: true });
  }
}

/**
 * Brings an issue into view inside the text area (a third of the way down, leaving room for the
 * card); the highlight layer follows the text area's scroll.
 */
function scrollToMark(mark: HTMLElement): void {
  const box = mark.getBoundingClientRect();
  const frame = editor.getBoundingClientRect();
  if (box.top >= frame.top + 24 && box.bottom <= frame.bottom - frame.height / 2) return;
  editor.scrollTo({
    top: editor.scrollTop + (box.top - frame.top) - frame.height / 3,
    behavior: reducedMotion.matches ? 'auto' : 'smooth',
  });
}

function refreshCard(): void {
  const visible = visibleItems();
  const index = visible.findIndex((item) => item.key === activeKey);
  if (index === -1) {
    card.hidden = true;
    return;
  }
  const item = visible[index]!;
  // Redrawing the card must not drop the focus of someone working in it.
  const focusable = () => [...card.querySelectorAll<HTMLElement>('button, a[href]')];
  const focusedAt = focusable().indexOf(document.activeElement as HTMLElement);
  renderCard(
    card,
    item,
    rules.find((rule) => rule.id === item.ruleId),
    { index, total: visible.length },
    {
      apply: applyFix,
      disableRule: (ruleId) => {
        changeRule(ruleId, 'off');
        closeCard(true);
      },
      ignore: (ignored) => ignoreItem(ignored),
      step: (direction) => step(direction, true),
      close: () => closeCard(true),
    },
  );
  card.hidden = false;
  followIssue(item.key);
  if (focusedAt !== -1) focusable()[Math.min(focusedAt, focusable().length - 1)]?.focus();
}

/**
 * Puts the open card under its issue. While the issue is scrolled out of view the card stays open
 * but steps aside (transparent, not clickable) and comes back with it; it is not hidden, so focus
 * in it (or sent to it while a smooth scroll brings the issue into view) is kept.
 */
function followIssue(key: number): void {
  card.classList.toggle('is-away', !placeCard(card, stack, backdrop.marksOf(key)));
}

function closeCard(restoreFocus: boolean): void {
  const wasOpen = activeKey !== undefined;
  activeKey = undefined;
  card.hidden = true;
  if (!wasOpen) return;
  backdrop.setActive(undefined);
  renderSource(false);
  schedulePanel();
  if (restoreFocus) {
    // The issue list is redrawn on activation: find the button for the same issue again.
    const key = returnFocus?.dataset.key;
    const again = key ? issueGroups.querySelector<HTMLElement>(`.issue[data-key="${key}"]`) : null;
    const target = returnFocus?.isConnected ? returnFocus : (again ?? editor);
    target.focus({ preventScroll: true });
  }
  returnFocus = undefined;
}

/** The next or previous visible issue from the active one, or from the caret. */
function step(direction: 1 | -1, focusCard: boolean): void {
  const visible = visibleItems();
  if (visible.length === 0) return;
  const at = visible.findIndex((item) => item.key === activeKey);
  let target: Item | undefined;
  if (at !== -1) {
    target = visible[(at + direction + visible.length) % visible.length];
  } else {
    const caret = editor.selectionStart;
    target =
      direction === 1
        ? (visible.find((item) => item.offset >= caret) ?? visible[0])
        : ([...visible].reverse().find((item) => item.offset < caret) ?? visible.at(-1));
  }
  if (target) activate(target.key, { focusCard, from: focusCard ? undefined : editor });
}

/**
 * Clicking or moving the caret into an issue opens its card: the short issue under the caret
 * first (most severe, then narrowest), so one inside a sentence-long finding opens itself; a
 * sentence-long error or warning opens where nothing shorter is. Sentence-long suggestions open
 * from the list or the keyboard only, so they never interrupt typing.
 */
function onCaretMoved(): void {
  if (editor.selectionStart !== editor.selectionEnd) return;
  const caret = editor.selectionStart;
  const here = visibleItems().filter(
    (item) => item.offset <= caret && caret <= item.offset + Math.max(1, item.length),
  );
  const under =
    here
      .filter((item) => !isWide(item))
      .sort((a, b) => severityFirst(a, b) || a.length - b.length)[0] ??
    here
      .filter((item) => item.severity !== 'info')
      .sort((a, b) => severityFirst(a, b) || a.length - b.length)[0];
  if (under && under.key !== activeKey)
    activate(under.key, { focusCard: false, from: editor, select: false });
  else if (!under && activeKey !== undefined) closeCard(false);
  else renderSource(true);
}

/** Ignores one finding for this session: it leaves the text and the list, and is never sent. */
function ignoreItem(item: Item): void {
  session.ignored = [...new Set([...session.ignored, ignoreId(item)])];
  saveSession(session);
  refreshIgnored();
  closeCard(false);
  renderAll();
  editor.focus({ preventScroll: true });
  announce(`Ignored “${item.excerpt}”. Show it again from the issue list.`);
}

function severityFirst(a: Item, b: Item): number {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return rank[a.severity] - rank[b.severity];
}

// ---- the source pane ---------------------------------------------------------------------------

/**
 * The source pane's marks: the open finding's own source span; when the service aligned the texts,
 * the source of the English sentence the finding (or, with no card open, the caret) is in, and the
 * source sentences left out of the translation. Nothing is marked in a source edited since the
 * check: its offsets would point at other words.
 */
function renderSource(reveal: boolean): void {
  if (!sourceOpen) return;
  const marks: SourceMark[] = [];
  if (source !== '' && source === checkedSource) {
    for (const gap of alignment.unpaired) {
      marks.push({
        start: gap.sourceOffset,
        end: gap.sourceOffset + gap.sourceLength,
        kind: 'unpaired',
      });
    }
    const item = items.find((candidate) => candidate.key === activeKey);
    const group = groupAt(alignment.groups, item ? item.offset : editor.selectionStart);
    if (group?.sourceOffset !== undefined && group.sourceLength !== undefined) {
      marks.push({
        start: group.sourceOffset,
        end: group.sourceOffset + group.sourceLength,
        kind: 'aligned',
      });
    }
    if (item?.sourceOffset !== undefined) {
      const start = item.sourceOffset;
      marks.push({ start, end: start + Math.max(1, item.sourceLength ?? 0), kind: 'finding' });
    }
  }
  sourcePane.render(source, marks);
  if (reveal) {
    const kind = marks.some((mark) => mark.kind === 'finding') ? 'finding' : 'aligned';
    sourcePane.reveal(kind, !reducedMotion.matches);
  }
}

function onSourceChanged(): void {
  source = sourceEditor.value;
  renderSource(false);
  clearTimeout(sourceSaveTimer);
  sourceSaveTimer = setTimeout(() => {
    if (!saveSource(source))
      setStatus('The browser would not keep this source: it may be too large', 'error');
  }, SAVE_DELAY_MS);
  if (text.trim() !== '') scheduleLint();
}

function setSourceOpen(open: boolean): void {
  sourceOpen = open;
  sourcePaper.hidden = !open;
  editorFrame.classList.toggle('with-source', open);
  sourceToggle.setAttribute('aria-pressed', String(open));
  saveSourceOpen(open);
  renderSource(false);
}

sourceEditor.addEventListener('input', onSourceChanged);
sourceToggle.addEventListener('click', () => {
  setSourceOpen(!sourceOpen);
  if (sourceOpen) sourceEditor.focus({ preventScroll: true });
  // The source is sent only while its pane is open.
  if (source.trim() !== '' && text.trim() !== '') scheduleLint(0);
  refreshCard();
});

// ---- rules and filters -------------------------------------------------------------------------

function changeRule(ruleId: string, setting: SeveritySetting | undefined): void {
  if (setting === undefined) delete session.rules[ruleId];
  else session.rules[ruleId] = setting;
  saveSession(session);
  renderRules(ruleList, rules, session.rules, session.all, changeRule);
  scheduleLint(0);
}

function syncFilters(): void {
  for (const severity of ['error', 'warning', 'info'] as const) {
    byId<HTMLInputElement>(`show-${severity}`).checked = session.show[severity];
  }
}

// ---- wiring ------------------------------------------------------------------------------------

editor.addEventListener('input', onTextChanged);
// The text area scrolls itself; the highlight layer under it follows (drawing the lines that come
// into view), and the open card follows its issue; whatever scrolls the layer instead (bringing a
// highlight into view) moves the text area (see Backdrop).
editor.addEventListener('scroll', () => {
  backdrop.follow();
  if (activeKey !== undefined) scheduleCardPlacement();
});
editor.addEventListener('click', onCaretMoved);
editor.addEventListener('keyup', (event) => {
  if (event.key.startsWith('Arrow') || event.key === 'Home' || event.key === 'End') onCaretMoved();
});
editor.addEventListener('keydown', (event) => {
  if ((event.altKey && event.key === 'ArrowDown') || (event.key === 'F8' && !event.shiftKey)) {
    event.preventDefault();
    step(1, false);
  } else if ((event.altKey && event.key === 'ArrowUp') || (event.key === 'F8' && event.shiftKey)) {
    event.preventDefault();
    step(-1, false);
  } else if (event.key === 'Escape' && activeKey !== undefined) {
    event.preventDefault();
    closeCard(false);
  } else if (event.key === 'Tab' && !event.shiftKey && activeKey !== undefined && !card.hidden) {
    // With a card open, Tab goes to its fixes (its first button when it has none).
    const target =
      card.querySelector<HTMLElement>('.fix') ?? card.querySelector<HTMLElement>('button');
    if (target) {
      event.preventDefault();
      returnFocus = editor;
      target.focus();
    }
  }
});
card.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    event.preventDefault();
    closeCard(true);
  }
});

wireIssueKeys(issueGroups, {
  activate: (key, from) => activate(key, { focusCard: true, from }),
});

for (const severity of ['error', 'warning', 'info'] as const) {
  byId<HTMLInputElement>(`show-${severity}`).addEventListener('change', (event) => {
    session.show[severity] = (event.target as HTMLInputElement).checked;
    saveSession(session);
    if (activeKey !== undefined && !visibleItems().some((item) => item.key === activeKey))
      closeCard(false);
    renderAll();
  });
}

allRules.addEventListener('change', () => {
  session.all = allRules.checked;
  saveSession(session);
  renderRules(ruleList, rules, session.rules, session.all, changeRule);
  scheduleLint(0);
});
byId('reset-rules').addEventListener('click', () => {
  session.all = false;
  session.rules = {};
  allRules.checked = false;
  saveSession(session);
  renderRules(ruleList, rules, session.rules, session.all, changeRule);
  scheduleLint(0);
});

/** Copies the corrected article out; the selection fallback covers pages served over plain HTTP. */
byId('copy-button').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(editor.value);
  } catch {
    editor.focus();
    editor.select();
    if (!document.execCommand('copy')) {
      setStatus('The browser would not copy: select the text and copy it by hand', 'error');
      return;
    }
  }
  announce('Article copied');
  setStatus(`Copied ${plural(editor.value.length, 'character')}`);
});

/**
 * Clear deletes the text through the browser's editing commands, so Ctrl+Z in the editor brings it
 * back; the Undo button in the message that follows does the same.
 */
byId('clear-button').addEventListener('click', () => {
  closeCard(false);
  const cleared = editor.value;
  if (cleared === '') {
    editor.focus();
    return;
  }
  replaceAll('');
  editor.focus();
  showToast('Article cleared.', () => {
    if (editor.value !== '') return;
    replaceAll(cleared);
    editor.setSelectionRange(0, 0);
    editor.focus();
    announce('Article restored');
  });
  announce('Article cleared. Undo with the button or Ctrl+Z.');
});

/** Replaces the whole text as an edit the text area can undo. */
function replaceAll(value: string): void {
  editor.focus({ preventScroll: true });
  editor.select();
  const before = editor.value;
  const done =
    value === ''
      ? document.execCommand('delete')
      : document.execCommand('insertText', false, value);
  if (!done || editor.value === before) {
    editor.value = value;
    onTextChanged();
  }
  scheduleLint(0);
}

let undoAction: (() => void) | undefined;

function showToast(message: string, undo: () => void): void {
  toastText.textContent = message;
  undoAction = undo;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(hideToast, UNDO_MS);
}

function hideToast(): void {
  if (toast.hidden) return;
  toast.hidden = true;
  undoAction = undefined;
  clearTimeout(toastTimer);
}

byId('toast-undo').addEventListener('click', () => {
  const undo = undoAction;
  hideToast();
  undo?.();
});
byId('toast-close').addEventListener('click', () => {
  hideToast();
  editor.focus();
});

function setFormat(value: Format): void {
  format = value;
  formatSelect.value = value;
  saveFormat(value);
}

formatSelect.addEventListener('change', () => {
  setFormat(formatSelect.value as Format);
  scheduleLint(0);
});

async function openFile(file: File | undefined): Promise<void> {
  if (!file) return;
  try {
    const opened = await readArticleFile(file);
    setFormat(opened.format);
    setText(opened.text);
    announce(`Opened ${file.name}`);
    editor.focus({ preventScroll: true });
  } catch (error) {
    setStatus((error as Error).message, 'error');
  }
}

// ---- the API token -------------------------------------------------------------------------------

function askForToken(reason?: string): void {
  tokenWhy.textContent =
    reason ?? 'This service asks for an API token. Ask whoever runs it for one.';
  // A form already open may hold a token being typed: leave it.
  if (!tokenForm.hidden) return;
  tokenForm.hidden = false;
  tokenInput.value = '';
  // Focus only when the editor is not in the middle of something.
  if (document.activeElement === document.body || document.activeElement === null)
    tokenInput.focus();
}

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const value = tokenInput.value.trim();
  if (value === '') {
    tokenInput.focus();
    return;
  }
  token = value;
  saveToken(token);
  tokenForm.hidden = true;
  tokenInput.value = '';
  announce('Token saved for this tab');
  loadRules();
  scheduleLint(0);
});

// ---- the issue list's order and ignored issues ---------------------------------------------------

for (const order of ['category', 'document'] as const) {
  byId(`order-${order}`).addEventListener('click', () => {
    session.order = order;
    saveSession(session);
    renderPanel();
  });
}
byId('unignore').addEventListener('click', () => {
  session.ignored = [];
  saveSession(session);
  refreshIgnored();
  renderAll();
  announce('Ignored issues shown again');
});

fileInput.addEventListener('change', () => {
  void openFile(fileInput.files?.[0]);
  fileInput.value = '';
});

let dragDepth = 0;
editorPane.addEventListener('dragenter', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  event.preventDefault();
  dragDepth++;
  dropOverlay.hidden = false;
});
editorPane.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
});
editorPane.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) dropOverlay.hidden = true;
});
editorPane.addEventListener('drop', (event) => {
  if (!event.dataTransfer?.files.length) return;
  event.preventDefault();
  dragDepth = 0;
  dropOverlay.hidden = true;
  void openFile(event.dataTransfer.files[0]);
});

window.addEventListener('resize', () => refreshCard());

// ---- start -------------------------------------------------------------------------------------

syncFilters();
allRules.checked = session.all;
renderRules(ruleList, rules, session.rules, session.all, changeRule);
text = loadArticle();
editor.value = text;
source = loadSource();
sourceEditor.value = source;
setSourceOpen(loadSourceOpen());
setFormat(loadFormat());
renderAll();
setStatus(text ? 'Checking…' : 'Ready', text ? 'busy' : 'idle');
if (text) scheduleLint(0);
loadRules();

function loadRules(): void {
  fetchRules(token)
    .then((list) => {
      rules = list;
      // Overrides for rules the service no longer has would make every lint fail.
      for (const id of Object.keys(session.rules)) {
        if (!rules.some((rule) => rule.id === id)) delete session.rules[id];
      }
      renderRules(ruleList, rules, session.rules, session.all, changeRule);
      refreshCard();
    })
    .catch((error: unknown) => {
      if (error instanceof ServiceError && error.status === 401) askForToken();
      renderRules(ruleList, [], session.rules, session.all, changeRule);
    });
}
