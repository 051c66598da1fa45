/**
 * The text a reader sees in an HTML file, without ever handing the HTML to the browser: a
 * single-pass scanner, not a DOM parser, so nothing in the file can load or run (a parsed `<img
 * onerror>` would at least try, even in an inert document). Block elements become paragraph
 * breaks, `<br>` a line break; script, style and comments are dropped; common entities decoded.
 */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'title',
  'tr',
  'ul',
]);
/** Elements whose content is not text for a reader. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'head',
  'iframe',
  'object',
]);

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  deg: '°',
  euro: '€',
  pound: '£',
  yen: '¥',
  times: '×',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function htmlToText(html: string): string {
  const parts: string[] = [];
  let at = 0;
  let skipping: string | undefined;
  let pre = 0;
  const length = html.length;
  while (at < length) {
    const open = html.indexOf('<', at);
    const textEnd = open === -1 ? length : open;
    if (!skipping && textEnd > at) {
      // HTML collapses ASCII white space only: a decoded &nbsp; stays.
      const raw = html.slice(at, textEnd);
      parts.push(decodeEntities(pre > 0 ? raw : raw.replace(/[ \t\n\r\f]+/g, ' ')));
    }
    if (open === -1) break;

    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      at = close === -1 ? length : close + 3;
      continue;
    }
    const tag = /^<\/?([a-z][a-z\d-]*)/i.exec(html.slice(open, open + 64));
    if (!tag) {
      // `<` that starts no tag (`a < b`, `<!doctype>` handled as a tag below) is text.
      if (html[open + 1] === '!' || html[open + 1] === '?') {
        const close = html.indexOf('>', open);
        at = close === -1 ? length : close + 1;
      } else {
        if (!skipping) parts.push('<');
        at = open + 1;
      }
      continue;
    }
    const closing = html[open + 1] === '/';
    const name = tag[1]!.toLowerCase();
    const end = tagEnd(html, open + tag[0].length);
    at = end;

    if (skipping) {
      // A head left open ends where the body starts, as browsers read it.
      if ((closing && name === skipping) || (skipping === 'head' && name === 'body')) {
        skipping = undefined;
      }
      continue;
    }
    if (!closing && SKIPPED.has(name)) {
      if (html[end - 2] !== '/') skipping = name;
      continue;
    }
    if (name === 'br') parts.push('\n');
    else if (BLOCK.has(name)) parts.push('\n\n');
    if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Just past the `>` that ends a tag, skipping `>` inside quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote: string | undefined;
  for (let at = from; at < html.length; at++) {
    const char = html[at];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return at + 1;
    }
  }
  return html.length;
}
