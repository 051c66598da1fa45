/**
 * terminology: for every term of a term list found in the source, the aligned English must use one
 * of the term's allowed renderings, and none of its forbidden ones.
 */
import type { Bilingual } from '../bilingual.js';
import type { SourceCheckMeta, SourceFinding, Term } from '../types.js';
import { windowOf, finding } from './common.js';

export const meta: SourceCheckMeta = {
  id: 'terminology',
  category: 'terminology',
  description: 'A term of the term list is not rendered the agreed way',
  severities: { forbidden: 'error', missing: 'warning' },
  messages: {
    forbidden: '`{{source}}` is `{{expected}}`, not `{{actual}}`',
    missing: '`{{source}}` should be rendered as `{{expected}}`',
  },
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function phrase(s: string): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${escape(s).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`,
    'iu',
  );
}

/** Checks a term list: what goes wrong with it is an error for the caller, never a silent skip. */
export function validateTerms(terms: unknown): Term[] {
  if (!Array.isArray(terms))
    throw new TypeError('terms: expected an array of {source, target, forbidden?}');
  return terms.map((t: unknown, i) => {
    const o = t as Partial<Term> | null;
    if (!o || typeof o.source !== 'string' || o.source.trim() === '')
      throw new TypeError(`terms[${i}].source: expected a non-empty string`);
    if (
      !Array.isArray(o.target) ||
      o.target.length === 0 ||
      o.target.some((x) => typeof x !== 'string' || x.trim() === '')
    )
      throw new TypeError(`terms[${i}].target: expected a non-empty array of strings`);
    if (
      o.forbidden !== undefined &&
      (!Array.isArray(o.forbidden) ||
        o.forbidden.some((x) => typeof x !== 'string' || x.trim() === ''))
    )
      throw new TypeError(`terms[${i}].forbidden: expected an array of strings`);
    return {
      source: o.source,
      target: o.target,
      ...(o.forbidden ? { forbidden: o.forbidden } : {}),
    };
  });
}

export function check(bi: Bilingual): SourceFinding[] {
  const out: SourceFinding[] = [];
  if (bi.terms.length === 0) return out;
  const compiled = bi.terms.map((t) => ({
    term: t,
    allowed: t.target.map(phrase),
    forbidden: (t.forbidden ?? []).map((f) => ({ f, re: phrase(f) })),
  }));
  bi.pairs.forEach((pair, k) => {
    if (!pair.zhRange || !pair.enRange) return;
    const zh = bi.zh.text.slice(pair.zhRange.start, pair.zhRange.end);
    const en = bi.en.text.slice(pair.enRange.start, pair.enRange.end);
    for (const { term, allowed, forbidden } of compiled) {
      const at = zh.indexOf(term.source);
      if (at < 0) continue;
      const source = {
        start: pair.zhRange.start + at,
        end: pair.zhRange.start + at + term.source.length,
      };
      const expected = term.target[0]!;
      let flagged = false;
      for (const { re } of forbidden) {
        const m = re.exec(en);
        if (!m) continue;
        const start = pair.enRange.start + m.index;
        out.push(
          finding(
            meta,
            'forbidden',
            { start, end: start + m[0].length },
            source,
            { source: term.source, expected, actual: m[0] },
            term.target,
          ),
        );
        flagged = true;
      }
      if (flagged) continue;
      // The allowed rendering may sit in a neighbouring sentence when the alignment merged clauses.
      const near = windowOf(bi, k)
        .map((p) => (p.enRange ? bi.en.text.slice(p.enRange.start, p.enRange.end) : ''))
        .join(' ');
      if (allowed.some((re) => re.test(near))) continue;
      out.push(
        finding(
          meta,
          'missing',
          pair.enRange,
          source,
          { source: term.source, expected },
          term.target,
        ),
      );
    }
  });
  return out;
}
