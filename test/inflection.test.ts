import { describe, expect, it } from '@jest/globals';
import { baseForms, inflectionsOf } from '../src/core/inflection.js';

describe('baseForms', () => {
  it('gives the forms a regular inflection may come from, the word itself first', () => {
    expect(baseForms('moved')).toEqual(expect.arrayContaining(['moved', 'move']));
    expect(baseForms('stopped')).toContain('stop');
    expect(baseForms('dropping')).toContain('drop');
    expect(baseForms('tries')).toContain('try');
    expect(baseForms('carried')).toContain('carry');
    expect(baseForms('rescuing')).toContain('rescue');
    expect(baseForms('laughs')[0]).toBe('laughs');
  });

  it('leaves short words whole', () => {
    expect(baseForms('is')).toEqual(['is']);
    expect(baseForms('as')).toEqual(['as']);
  });
});

describe('inflectionsOf', () => {
  it('gives the regular inflections of a word', () => {
    expect(inflectionsOf('rescue')).toEqual(
      expect.arrayContaining(['rescue', 'rescues', 'rescued', 'rescuing']),
    );
    expect(inflectionsOf('stop')).toEqual(expect.arrayContaining(['stopped', 'stopping']));
    expect(inflectionsOf('try')).toEqual(expect.arrayContaining(['tries', 'tried']));
  });

  it('is the exact inverse of baseForms', () => {
    const letters = 'abdeginpsty';
    const words: string[] = [];
    const grow = (prefix: string): void => {
      if (prefix) words.push(prefix);
      if (prefix.length < 3) for (const letter of letters) grow(prefix + letter);
    };
    grow('');
    for (const word of words) {
      for (const form of baseForms(word)) expect(inflectionsOf(form)).toContain(word);
      for (const inflected of inflectionsOf(word)) expect(baseForms(inflected)).toContain(word);
    }
  });
});
