import type { Sentence, SentenceContent, Word } from 'nlcst';

/**
 * Makes numbers one word each. The parser already keeps `3.5`, `5:30` and `2023-02-11` whole, but
 * splits a thousands separator (`2,000` is `2` `,` `000`) and leaves a percent sign apart (`18.3`
 * `%`): counted as two words, `2,000` inflated word counts and gave rules a comma to look at.
 */
export function mergeNumbers(sentence: Sentence): void {
  const children = sentence.children;
  let changed = false;
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (node.type !== 'WordNode' || !isDigits(wordValue(node), 1, 3)) continue;
    let last = index;
    // 1,234,567: groups of exactly three digits after each comma.
    while (
      children[last + 1]?.type === 'PunctuationNode' &&
      (children[last + 1] as { value: string }).value === ',' &&
      children[last + 2]?.type === 'WordNode' &&
      groupOfThree(wordValue(children[last + 2] as Word))
    ) {
      last += 2;
    }
    const percent =
      children[last + 1]?.type === 'SymbolNode' &&
      (children[last + 1] as { value: string }).value === '%';
    if (percent) last += 1;
    if (last === index) continue;
    children.splice(index, last - index + 1, merge(children.slice(index, last + 1)));
    changed = true;
  }
  // Numbers longer than three digits before a percent sign (`1000%`).
  for (let index = 0; index + 1 < children.length; index++) {
    const node = children[index]!;
    const next = children[index + 1]!;
    if (
      node.type === 'WordNode' &&
      next.type === 'SymbolNode' &&
      next.value === '%' &&
      /^\d[\d.,]*$/.test(wordValue(node))
    ) {
      children.splice(index, 2, merge([node, next]));
      changed = true;
    }
  }
  if (changed && sentence.data?.mtlintWords) delete sentence.data.mtlintWords;
}

/** A word's text (the parser keeps `3.5` as a word of three children). */
function wordValue(word: Word): string {
  const only = word.children[0];
  if (word.children.length === 1 && only?.type === 'TextNode') return only.value;
  let value = '';
  for (const child of word.children) if ('value' in child) value += child.value;
  return value;
}

function isDigits(value: string, min: number, max: number): boolean {
  if (value.length < min || value.length > max) return false;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** `000`, or `500.5` as the last group (`1,500.5`). */
function groupOfThree(value: string): boolean {
  const dot = value.indexOf('.');
  return dot === -1
    ? isDigits(value, 3, 3)
    : isDigits(value.slice(0, dot), 3, 3) && isDigits(value.slice(dot + 1), 1, 20);
}

/** One word of one text node, spanning `parts`. */
function merge(parts: SentenceContent[]): Word {
  const start = parts[0]!.position!.start;
  const end = parts.at(-1)!.position!.end;
  let value = '';
  for (const part of parts)
    value += part.type === 'WordNode' ? wordValue(part) : (part as { value: string }).value;
  return {
    type: 'WordNode',
    children: [{ type: 'TextNode', value, position: { start, end: { ...end } } }],
    position: { start, end },
  };
}
