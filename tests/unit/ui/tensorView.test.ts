import { describe, expect, it } from 'vitest';
import type { TensorJson as TensorData } from '../../../src/protocol/tensor';
import {
  isTruncated,
  sentValues,
  tensorGrid,
  tensorHeader,
  tensorText,
} from '../../../src/ui/outputs/tensor';

const tensor = (shape: number[], values: unknown, extra: Partial<TensorData> = {}): TensorData => ({
  shape,
  dtype: 'float32',
  size: shape.reduce((a, b) => a * b, 1),
  values,
  ...extra,
});

describe('tensorHeader', () => {
  it('names dtype and shape', () => {
    expect(tensorHeader(tensor([3, 2], []))).toBe('Tensor float32 [3, 2]');
    expect(tensorHeader(tensor([], 1))).toBe('Tensor float32 []');
  });
});

describe('tensorGrid', () => {
  it('lays out a matrix from flat or nested values', () => {
    const expected = [
      ['1', '2'],
      ['3', '4'],
      ['5', '6.5'],
    ];
    expect(tensorGrid(tensor([3, 2], [1, 2, 3, 4, 5, 6.5]))).toEqual(expected);
    expect(
      tensorGrid(
        tensor(
          [3, 2],
          [
            [1, 2],
            [3, 4],
            [5, 6.5],
          ],
        ),
      ),
    ).toEqual(expected);
  });

  it('shows a vector as one row and a scalar as one cell', () => {
    expect(tensorGrid(tensor([3], [0.1, 0.2, 0.30000001]))).toEqual([['0.1', '0.2', '0.3']]);
    expect(tensorGrid(tensor([], 7))).toEqual([['7']]);
  });

  it('is undefined above rank 2', () => {
    expect(tensorGrid(tensor([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]))).toBeUndefined();
  });
});

describe('tensorGrid with truncated values', () => {
  it('shows the corner that was sent and marks the rest', () => {
    // A 100×100 matrix sent as its 2×3 top-left corner (src/lib/tensor.ts keeps leading
    // entries of each axis).
    const corner = tensor(
      [100, 100],
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { truncated: true },
    );
    expect(tensorGrid(corner)).toEqual([['1', '2', '3', '…'], ['4', '5', '6', '…'], ['…']]);
    expect(isTruncated(corner)).toBe(true);
    expect(sentValues(corner)).toBe(6);
  });

  it('shows bool tensors as true/false', () => {
    expect(tensorGrid(tensor([2], [1, 0], { dtype: 'bool' }))).toEqual([['true', 'false']]);
  });

  it('has no grid for a disposed tensor', () => {
    const gone = tensor([2], undefined, { disposed: true });
    expect(tensorGrid(gone)).toBeUndefined();
    expect(tensorHeader(gone)).toBe('Tensor float32 [2] (disposed)');
    expect(isTruncated(gone)).toBe(false);
  });
});

describe('tensorText', () => {
  it('nests brackets numpy-style, from nested or flat values', () => {
    const expected = '[[[1, 2],\n  [3, 4]],\n\n [[5, 6],\n  [7, 8]]]';
    expect(tensorText(tensor([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]))).toBe(expected);
    const nestedValues = [
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ];
    expect(tensorText(tensor([2, 2, 2], nestedValues))).toBe(expected);
  });

  it('marks entries that were not sent on every axis', () => {
    const cut = tensor(
      [3, 2, 4],
      [
        [
          [1, 2],
          [3, 4],
        ],
      ],
      { truncated: true },
    );
    expect(tensorText(cut)).toBe('[[[1, 2, …],\n  [3, 4, …]],\n\n …]');
    expect(isTruncated(cut)).toBe(true);
    expect(isTruncated(tensor([2], [1, 2]))).toBe(false);
  });
});
