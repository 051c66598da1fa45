import { describe, expect, it } from '@jest/globals';
import { baseForms } from '../src/core/inflection.js';

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
