import { describe, expect, it } from 'vitest';
import { normalizeCode, stripSpaces, toHalfWidth, toHalfWidthDigits } from './normalize.js';

describe('identifier clean-up', () => {
  it('folds full-width ASCII forms', () => {
    expect(toHalfWidth('ＡＢｃ１２（）．')).toBe('ABc12().');
  });

  it('folds only digits when asked to', () => {
    expect(toHalfWidthDigits('（２０２０）')).toBe('（2020）');
  });

  it('removes spaces, NBSP, ideographic and zero-width spaces anywhere', () => {
    expect(stripSpaces(' 43\u00a012\u300023\u200b\ufeff\t\n')).toBe('431223');
  });

  it('gives the checking form of a code', () => {
    expect(normalizeCode(' ９１ma４ ')).toBe('91MA4');
  });
});
