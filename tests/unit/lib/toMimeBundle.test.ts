import { describe, expect, it } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { MIMEBUNDLE, toMimeBundle, type TensorJson } from '../../../src/lib/mime';
import { axisLimits } from '../../../src/lib/tensor';

/** Enough of a tf.Tensor for display: the real one is recognised by these members. */
function fakeTensor(shape: number[], values: ArrayLike<unknown>, dtype = 'float32') {
  return { shape, dtype, isDisposed: false, dataSync: () => values, rank: shape.length };
}

describe('toMimeBundle', () => {
  it('shows nothing for undefined, text for plain values', () => {
    expect(toMimeBundle(undefined)).toBeUndefined();
    expect(toMimeBundle(null)).toEqual({ [MIME.text]: 'null' });
    expect(toMimeBundle({ lr: 0.01 })).toEqual({ [MIME.text]: '{ lr: 0.01 }' });
    expect(toMimeBundle('hi')).toEqual({ [MIME.text]: '"hi"' });
  });

  it('uses a Displayable object’s own bundle', () => {
    const card = { [MIMEBUNDLE]: () => ({ [MIME.html]: '<b>x</b>', [MIME.text]: 'x' }) };
    expect(toMimeBundle(card)).toEqual({ [MIME.html]: '<b>x</b>', [MIME.text]: 'x' });
    expect(MIMEBUNDLE).toBe(Symbol.for('playgrad.mimebundle'));
  });

  it('turns a tensor into nested values plus text with shape and dtype first', () => {
    const bundle = toMimeBundle(fakeTensor([2, 3], new Float32Array([0.1, 2, 3, 4, 5.5, -6])));
    expect(bundle?.[MIME.tensor]).toEqual({
      shape: [2, 3],
      dtype: 'float32',
      size: 6,
      values: [
        [0.1, 2, 3],
        [4, 5.5, -6],
      ],
    });
    expect(bundle?.[MIME.text]).toBe('Tensor float32 [2, 3]\n[[0.1,   2,   3],\n [  4, 5.5,  -6]]');
  });

  it('shows a scalar tensor as a single value and a bool tensor as true/false', () => {
    const scalar = toMimeBundle(fakeTensor([], [7], 'int32'));
    expect((scalar?.[MIME.tensor] as TensorJson).values).toBe(7);
    expect(scalar?.[MIME.text]).toBe('Tensor int32 []\n7');
    const mask = toMimeBundle(fakeTensor([2], new Uint8Array([1, 0]), 'bool'));
    expect(mask?.[MIME.text]).toBe('Tensor bool [2]\n[true, false]');
  });

  it('keeps at most about 1,000 numbers of a big tensor and marks it truncated', () => {
    const data = Float32Array.from({ length: 10_000 }, (_, i) => i);
    const json = toMimeBundle(fakeTensor([100, 100], data))?.[MIME.tensor] as TensorJson;
    expect(json.truncated).toBe(true);
    expect(json.size).toBe(10_000);
    const rows = json.values as number[][];
    expect(rows.length * rows[0].length).toBeLessThanOrEqual(1000);
    // The kept corner holds the right values: row 1 starts at 100.
    expect(rows[1][0]).toBe(100);
    expect(rows[1][2]).toBe(102);
    const text = toMimeBundle(fakeTensor([100, 100], data))?.[MIME.text] as string;
    expect(text).toContain('more');
  });

  it('says a disposed tensor was disposed instead of reading it', () => {
    const disposed = {
      ...fakeTensor([3], [1, 2, 3]),
      isDisposed: true,
      dataSync: () => {
        throw new Error('Tensor is disposed.');
      },
    };
    const bundle = toMimeBundle(disposed);
    expect(bundle?.[MIME.tensor]).toEqual({
      shape: [3],
      dtype: 'float32',
      size: 3,
      disposed: true,
    });
    expect(bundle?.[MIME.text]).toMatch(/^Tensor float32 \[3\] \(disposed\)/);
  });

  it('does not mistake an ordinary object with a shape for a tensor', () => {
    expect(toMimeBundle({ shape: [2], dtype: 'x' })).toEqual({
      [MIME.text]: '{ shape: [2], dtype: "x" }',
    });
  });
});

describe('axisLimits', () => {
  it('keeps small shapes whole and halves the longest axis until the budget fits', () => {
    expect(axisLimits([3, 4], 1000)).toEqual([3, 4]);
    expect(axisLimits([10_000], 1000)).toEqual([625]);
    expect(axisLimits([100, 100], 1000)).toEqual([25, 25]);
    expect(axisLimits([5000, 2], 1000)).toEqual([313, 2]);
  });
});
