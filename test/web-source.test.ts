/** The page's source pane, its pure part: reading the answer's alignment and marking the source. */
import { describe, expect, it } from '@jest/globals';
import { findChange, shiftThrough } from '../web/src/edits.js';
import { groupAt, NO_ALIGNMENT, readAlignment, sourceRuns } from '../web/src/source.js';

const english = 'Prices rose 5%. The bank held rates. Analysts were surprised.';
const chinese = '物价上涨5%。央行维持利率不变。市场普遍预期加息。';

describe('reading the alignment of an answer', () => {
  // Two paired groups, an English sentence with no source and a Chinese one left out.
  const answer = {
    diagnostics: [],
    alignment: [
      { offset: 0, length: 15, sourceOffset: 0, sourceLength: 7 },
      { offset: 16, length: 20, sourceOffset: 7, sourceLength: 9 },
      { offset: 37, length: 24 },
      { sourceOffset: 16, sourceLength: 9 },
    ],
  };

  it('pairs English groups with their source and keeps the source left out apart', () => {
    const alignment = readAlignment(answer, english.length, chinese.length);
    expect(
      alignment.groups.map((group) => [
        english.slice(group.offset, group.offset + group.length),
        group.sourceOffset === undefined
          ? undefined
          : chinese.slice(group.sourceOffset, group.sourceOffset + group.sourceLength!),
      ]),
    ).toEqual([
      ['Prices rose 5%.', '物价上涨5%。'],
      ['The bank held rates.', '央行维持利率不变。'],
      ['Analysts were surprised.', undefined],
    ]);
    expect(
      alignment.unpaired.map((span) =>
        chinese.slice(span.sourceOffset, span.sourceOffset + span.sourceLength),
      ),
    ).toEqual(['市场普遍预期加息。']);
  });

  it('finds the group of a caret, its end included', () => {
    const { groups } = readAlignment(answer, english.length, chinese.length);
    expect(groupAt(groups, english.indexOf('bank'))?.sourceOffset).toBe(7);
    expect(groupAt(groups, english.indexOf('5%.') + 3)?.sourceOffset).toBe(0);
  });

  it('is absent from an answer without one, and leaves out malformed entries', () => {
    expect(readAlignment({ diagnostics: [] }, english.length, chinese.length)).toEqual(
      NO_ALIGNMENT,
    );
    expect(readAlignment({ alignment: 'yes' }, english.length, chinese.length)).toEqual(
      NO_ALIGNMENT,
    );
    const odd = readAlignment(
      {
        alignment: [
          null,
          { offset: 0, length: 999, sourceOffset: 0, sourceLength: 7 },
          { offset: -1, length: 3 },
          { offset: 0, length: 15, sourceOffset: '0', sourceLength: 7 },
          { offset: 16, length: 20, sourceOffset: 7, sourceLength: 8 },
        ],
      },
      english.length,
      chinese.length,
    );
    expect(odd).toEqual({
      groups: [{ offset: 16, length: 20, sourceOffset: 7, sourceLength: 8 }],
      unpaired: [],
    });
  });

  it('follows an edit of the English: later groups shift, the edited one waits for the answer', () => {
    const { groups } = readAlignment(answer, english.length, chinese.length);
    const edited = english.replace('rose', 'rose by');
    const shifted = shiftThrough(groups, findChange(english, edited));
    expect(shifted.map((group) => edited.slice(group.offset, group.offset + group.length))).toEqual(
      ['The bank held rates.', 'Analysts were surprised.'],
    );
    expect(groupAt(shifted, edited.indexOf('bank'))?.sourceOffset).toBe(7);
  });
});

describe('marking the source', () => {
  it('covers the source once, in order, with the marks over each run', () => {
    const runs = sourceRuns(chinese.length, [
      { start: 7, end: 16, kind: 'aligned' },
      { start: 9, end: 11, kind: 'finding' },
      { start: 16, end: 99, kind: 'unpaired' },
    ]);
    expect(runs.map((run) => [chinese.slice(run.start, run.end), run.kinds])).toEqual([
      ['物价上涨5%。', []],
      ['央行', ['aligned']],
      ['维持', ['finding', 'aligned']],
      ['利率不变。', ['aligned']],
      ['市场普遍预期加息。', ['unpaired']],
    ]);
  });

  it('draws an unmarked source as one run, and an empty one as none', () => {
    expect(sourceRuns(chinese.length, [])).toEqual([{ start: 0, end: chinese.length, kinds: [] }]);
    expect(sourceRuns(0, [{ start: 0, end: 3, kind: 'finding' }])).toEqual([]);
  });
});
