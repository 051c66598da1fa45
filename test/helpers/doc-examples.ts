/**
 * The examples in the README and docs/, read out of their fenced code blocks so that tests can run
 * them against the real app, config parser and argument parser.
 */

export interface Fence {
  lang: string;
  body: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

/** Every fenced code block of a Markdown file, in order. */
export function fences(markdown: string): Fence[] {
  const found: Fence[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})([^`\s]*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((line, j) => j > i && line.startsWith(open[1]!));
    if (end === -1) break;
    found.push({ lang: open[2]!, body: lines.slice(i + 1, end).join('\n'), line: i + 1 });
    i = end;
  }
  return found;
}

/** A shell line's words, with '…' and "…" quoting; stops at an unquoted `#`, `|`, `>` or `&&`. */
export function shellWords(line: string): { words: string[]; rest: string } {
  const words: string[] = [];
  let word: string | undefined;
  let i = 0;
  for (; i < line.length; i++) {
    const char = line[i]!;
    if (char === "'" || char === '"') {
      const close = line.indexOf(char, i + 1);
      if (close === -1) throw new Error(`unclosed quote in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, close);
      i = close;
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if ('#|>&'.includes(char) && word === undefined) {
      break;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== undefined) words.push(word);
  return { words, rest: line.slice(i) };
}

/**
 * `npx mtlint …` invocations in a Markdown file's code blocks, as argv. A pre-commit hook's
 * `entry:` and `xargs` append file names; one stands for them here.
 */
export function cliExamples(markdown: string): { argv: string[]; stdin: boolean; text: string }[] {
  const found: { argv: string[]; stdin: boolean; text: string }[] = [];
  for (const fence of fences(markdown)) {
    for (const line of fence.body.split('\n')) {
      const at = line.indexOf('npx mtlint');
      if (at === -1) continue;
      const { words } = shellWords(line.slice(at + 'npx mtlint'.length));
      if (/(?:entry:\s*|xargs\b.*)$/.test(line.slice(0, at))) words.push('story.md');
      found.push({ argv: words, stdin: /\|\s*$/.test(line.slice(0, at)), text: line.trim() });
    }
  }
  return found;
}

/** A curl command as an HTTP request. */
export interface CurlRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Reads `curl -s localhost:3000/path -H 'k: v' -d '…'` (and `--data-binary`); a body piped in from
 * `python3 -c 'print("a" * N, end="")'` is N letters a. Undefined for anything else.
 */
export function parseCurl(command: string): CurlRequest | undefined {
  let piped: string | undefined;
  let line = command.replace(/\\\n\s*/g, ' ').trim();
  const pipe = /^python3 -c 'print\("a" \* (\d+), end=""\)' \| (curl .*)$/.exec(line);
  if (pipe) {
    piped = 'a'.repeat(Number(pipe[1]));
    line = pipe[2]!;
  }
  const { words, rest } = shellWords(line);
  if (words[0] !== 'curl' || rest.trim() !== '') return undefined;
  const request: CurlRequest = { method: 'GET', path: '', headers: {} };
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word === '-s') continue;
    if (word === '-H') {
      const [name, ...value] = words[++i]!.split(':');
      request.headers[name!.trim().toLowerCase()] = value.join(':').trim();
    } else if (word === '-d' || word === '--data-binary') {
      const data = words[++i]!;
      request.method = 'POST';
      request.body = data === '@-' ? piped : data;
      request.headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else if (/^(?:https?:\/\/)?(?:localhost|127\.0\.0\.1):3000\//.test(word)) {
      request.path = word.replace(/^(https?:\/\/)?[^/]+/, '');
    } else {
      return undefined;
    }
  }
  return request.path ? request : undefined;
}

/** `$ command` lines of console blocks, each with the output printed under it. */
export function consoleExamples(markdown: string): { command: string; output: string }[] {
  const found: { command: string; output: string }[] = [];
  for (const fence of fences(markdown)) {
    if (fence.lang !== 'console') continue;
    let current: { command: string; output: string[] } | undefined;
    const flush = () => {
      if (current) found.push({ command: current.command, output: current.output.join('\n') });
    };
    for (const line of fence.body.split('\n')) {
      if (line.startsWith('$ ')) {
        flush();
        current = { command: line.slice(2), output: [] };
      } else {
        current?.output.push(line);
      }
    }
    flush();
  }
  return found;
}
