import { describe, expect, it } from 'vitest';
import { isTensorJson } from '../../../src/protocol/tensor';

describe('isTensorJson', () => {
  it('accepts the tensor shape and rejects others', () => {
    expect(isTensorJson({ shape: [2], dtype: 'float32', size: 2, values: [1, 2] })).toBe(true);
    expect(isTensorJson({ shape: ['2'], dtype: 'float32', size: 2 })).toBe(false);
    expect(isTensorJson(null)).toBe(false);
  });
});
