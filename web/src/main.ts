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
import { fetchRules, lint, ServiceError } from './api.js';
import { marksOf, renderBackdrop, type Item } from './backdrop.js';
import { placeCard, renderCard } from './card.js';
import { byId } from './dom.js';
import { findChange, shiftThrough } from './edits.js';
import { readArticleFile } from './file-import.js';
import { plural, SEVERITY_LABEL } from './labels.js';
import { renderIssues, renderScore, wireIssueKeys } from './panel.js';
import { renderRules } from './rules-panel.js';
import { loadArticle, loadSession, saveArticle, saveSession } from './store.js';

/** Quiet time after the last keystroke before the article is checked again. */
const LINT_DELAY_MS = 350;
const SAVE_DELAY_MS = 300;

const editor = byId<HTMLTextAreaElement>('editor');
const backdrop = byId('backdrop');
const stack = byId('editor-stack');
const scroller = byId('editor-scroll');
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

const session = loadSession();
let rules: RuleInfo[] = [];
let text = '';
/** Diagnostics aligned with `text` (shifted through edits made since the last answer). */
let items: Item[] = [];
let summary: Summary | undefined;
let activeKey: number | undefined;
/** Where focus goes back when the card closes. */
let returnFocus: HTMLElement | undefined;
let nextKey = 1;
let lintTimer: ReturnType<typeof setTimeout> | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: AbortController | undefined;
let lintSequence = 0;

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

function visibleItems(): Item[] {
  return items.filter((item) => session.show[item.severity]);
}

function sessionConfig(): SessionConfig | undefined {
  const config: SessionConfig = {};
  if (session.all) config.extends = 'all';
  if (Object.keys(session.rules).length > 0) config.rules = { ...session.rules };
  return Object.keys(config).length > 0 ? config : undefined;
}

function setStatus(message: string, state: 'idle' | 'busy' | 'error' = 'idle'): void {
  status.textContent = message;
  status.dataset.state = state;
}

function announce(message: string): void {
  announcer.textContent = message;
}

// ---- rendering -------------------------------------------------------------------------------

function renderText(): void {
  const visible = visibleItems();
  renderBackdrop(backdrop, text, visible, activeKey);
  document.body.dataset.state = text === '' ? 'empty' : 'filled';
}

function renderPanel(): void {
  const visible = visibleItems();
  renderScore(scoreBody, summary, items);
  const empty =
    text.trim() === ''
      ? 'No article yet. Paste or type one, or open a file.'
      : summary === undefined
        ? 'Checking…'
        : items.length === 0
          ? 'No issues found.'
          : 'Every issue is hidden by the filters above.';
  renderIssues(issueGroups, visible, activeKey, empty);
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
  const sent = text;
  if (sent.trim() === '') {
    items = [];
    summary = undefined;
    setStatus('Ready');
    renderAll();
    return;
  }
  const controller = new AbortController();
  inFlight = controller;
  const sequence = ++lintSequence;
  setStatus('Checking…', 'busy');
  const started = performance.now();
  let result: LintResult;
  try {
    result = await lint(sent, sessionConfig(), controller.signal);
  } catch (error) {
    if (controller.signal.aborted || sequence !== lintSequence) return;
    const message =
      error instanceof ServiceError
        ? error.message
        : 'The service cannot be reached. Is it running?';
    setStatus(message, 'error');
    return;
  }
  if (sequence !== lintSequence) return;
  const elapsed = Math.round(performance.now() - started);
  // The editor may have typed while the answer was on its way: carry it over to the current text.
  items = keepKeys(shiftThrough(result.diagnostics, findChange(sent, text)));
  summary = result.summary;
  if (!items.some((item) => item.key === activeKey)) activeKey = undefined;
  setStatus(`${plural(items.length, 'issue')} · checked in ${elapsed} ms`);
  renderAll();
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

function onTextChanged(): void {
  const change = findChange(text, editor.value);
  text = editor.value;
  items = shiftThrough(items, change);
  if (activeKey !== undefined && !items.some((item) => item.key === activeKey)) closeCard(false);
  renderText();
  refreshCard();
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    if (!saveArticle(text))
      setStatus('The browser would not keep this article: it may be too large', 'error');
  }, SAVE_DELAY_MS);
  scheduleLint();
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
  renderText();
  renderPanel();
  if (options.select !== false) editor.setSelectionRange(item.offset, item.offset + item.length);
  const [mark] = marksOf(backdrop, key);
  if (mark) scrollToMark(mark);
  refreshCard();
  announce(`${SEVERITY_LABEL[item.severity]}: ${item.message}`);
  if (options.focusCard) {
    card.querySelector<HTMLElement>('.fix, .link-button')?.focus({ preventScroll: true });
  }
}

/**
 * Brings an issue into view inside the editor's own scroll area (a third of the way down, leaving
 * room for the card), without scrolling the page around it.
 */
function scrollToMark(mark: HTMLElement): void {
  const box = mark.getBoundingClientRect();
  const frame = scroller.getBoundingClientRect();
  if (box.top >= frame.top + 24 && box.bottom <= frame.bottom - frame.height / 2) return;
  scroller.scrollTo({
    top: scroller.scrollTop + (box.top - frame.top) - frame.height / 3,
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
      step: (direction) => step(direction, true),
      close: () => closeCard(true),
    },
  );
  card.hidden = false;
  placeCard(card, stack, marksOf(backdrop, item.key));
  if (focusedAt !== -1) focusable()[Math.min(focusedAt, focusable().length - 1)]?.focus();
}

function closeCard(restoreFocus: boolean): void {
  const wasOpen = activeKey !== undefined;
  activeKey = undefined;
  card.hidden = true;
  if (!wasOpen) return;
  renderText();
  renderPanel();
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
 * Clicking or moving the caret into an error or warning opens its card. Suggestions (which may
 * cover whole sentences) open from the list or the keyboard only, so they never interrupt typing.
 */
function onCaretMoved(): void {
  if (editor.selectionStart !== editor.selectionEnd) return;
  const caret = editor.selectionStart;
  const under = visibleItems()
    .filter((item) => item.severity !== 'info')
    .filter((item) => item.offset <= caret && caret <= item.offset + Math.max(1, item.length))
    .sort((a, b) => severityFirst(a, b) || a.length - b.length)[0];
  if (under && under.key !== activeKey)
    activate(under.key, { focusCard: false, from: editor, select: false });
  else if (!under && activeKey !== undefined) closeCard(false);
}

function severityFirst(a: Item, b: Item): number {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return rank[a.severity] - rank[b.severity];
}

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
editor.addEventListener('scroll', () => {
  // The text area is as tall as its text; it must never scroll away from the highlights under it.
  editor.scrollTop = 0;
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

byId('clear-button').addEventListener('click', () => {
  closeCard(false);
  setText('');
  editor.focus();
});

async function openFile(file: File | undefined): Promise<void> {
  if (!file) return;
  try {
    setText(await readArticleFile(file));
    announce(`Opened ${file.name}`);
    editor.focus({ preventScroll: true });
  } catch (error) {
    setStatus((error as Error).message, 'error');
  }
}

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
renderAll();
setStatus(text ? 'Checking…' : 'Ready', text ? 'busy' : 'idle');
if (text) scheduleLint(0);

fetchRules()
  .then((list) => {
    rules = list;
    // Overrides for rules the service no longer has would make every lint fail.
    for (const id of Object.keys(session.rules)) {
      if (!rules.some((rule) => rule.id === id)) delete session.rules[id];
    }
    renderRules(ruleList, rules, session.rules, session.all, changeRule);
    refreshCard();
  })
  .catch(() => renderRules(ruleList, [], session.rules, session.all, changeRule));
