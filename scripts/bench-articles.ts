/**
 * The articles the file benches lint (bench:cli, bench:queue): paragraphs of the seed article in a
 * deterministic order, as plain text, Markdown (front matter, a code block) and HTML, so every run
 * and every bench lints the same files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, from dist/scripts. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function seedParagraphs(): string[] {
  const seedPath = [
    join(ROOT, 'samples', 'xinhua-bachelet-visit.txt'),
    join(ROOT, 'test', 'fixtures', 'cli', 'basic', 'seed.txt'),
  ].find((path) => existsSync(path));
  if (!seedPath) throw new Error('bench: the seed article is missing');
  return readFileSync(seedPath, 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** A small deterministic generator. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

let paragraphs: string[] | undefined;

/** Article number `index`: its file name and text. */
export function article(index: number): { name: string; text: string } {
  paragraphs ??= seedParagraphs();
  const pool = paragraphs;
  const next = random(index + 1);
  const count = 8 + Math.floor(next() * 16);
  const picked = Array.from({ length: count }, () => pool[Math.floor(next() * pool.length)]!);
  const id = String(index).padStart(3, '0');
  if (index % 10 === 1) {
    const body = picked.map((p, n) => (n === 2 ? `${p}\n\n\`\`\`\ncode . . here\n\`\`\`` : p));
    return {
      name: `article-${id}.md`,
      text: `---\nid: ${id}\n---\n\n# Article ${id}\n\n${body.join('\n\n')}\n`,
    };
  }
  if (index % 10 === 2) {
    const body = picked.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
    return {
      name: `article-${id}.html`,
      text: `<!doctype html>\n<html><body>\n${body.join('\n')}\n</body></html>\n`,
    };
  }
  return { name: `article-${id}.txt`, text: picked.join('\n\n') + '\n' };
}
