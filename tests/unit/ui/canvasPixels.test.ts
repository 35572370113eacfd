import { expect, test } from 'vitest';
import { alphaToInk, centreOfMass, drawingToGrid } from '../../../src/ui/outputs/canvas-pixels';

function blank(size: number): Float32Array {
  return new Float32Array(size * size);
}

function fillRect(ink: Float32Array, size: number, x0: number, y0: number, w: number, h: number) {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) ink[y * size + x] = 1;
}

test('drawingToGrid returns zeros for an empty pad', () => {
  expect(drawingToGrid(blank(56), 56, 56, 28)).toEqual(new Array(784).fill(0));
});

test('drawingToGrid scales the ink into 20 of 28 pixels and centres its mass', () => {
  // A vertical bar in the top-left corner of a 280-pixel pad: 20 wide, 200 tall.
  const ink = blank(280);
  fillRect(ink, 280, 10, 5, 20, 200);
  const grid = drawingToGrid(ink, 280, 280, 28);
  const rows = Array.from({ length: 28 }, (_, y) => grid.slice(y * 28, y * 28 + 28));
  const inked = rows.map((row) => row.filter((v) => v > 0).length);
  // 200 tall → 20 rows; 20 wide → 2 columns; centred on pixel 14.
  expect(inked.filter((n) => n > 0)).toHaveLength(20);
  expect(rows[4].map((v, x) => (v > 0 ? x : -1)).filter((x) => x >= 0)).toEqual([13, 14]);
  expect(inked.slice(0, 4)).toEqual([0, 0, 0, 0]);
  expect(inked.slice(24)).toEqual([0, 0, 0, 0]);
  const { cx, cy } = centreOfMass(grid, 28, 28);
  expect(cx).toBeCloseTo(14, 5);
  expect(cy).toBeCloseTo(14, 5);
  expect(Math.max(...grid)).toBe(1);
});

test('drawingToGrid keeps a small dot as a dot in the centre', () => {
  const ink = blank(28);
  fillRect(ink, 28, 2, 3, 1, 1);
  const grid = drawingToGrid(ink, 28, 28, 28);
  // One pixel scaled up to the 20-pixel box would be a blob; its mass is still centred.
  const { cx, cy } = centreOfMass(grid, 28, 28);
  expect(cx).toBeCloseTo(14, 0);
  expect(cy).toBeCloseTo(14, 0);
  expect(grid.every((v) => v >= 0 && v <= 1)).toBe(true);
});

test('alphaToInk reads the alpha byte of each RGBA pixel', () => {
  expect(Array.from(alphaToInk([0, 0, 0, 255, 9, 9, 9, 0, 0, 0, 0, 51]))).toEqual([
    1,
    0,
    Math.fround(0.2),
  ]);
});
