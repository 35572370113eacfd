/**
 * From a drawing on the pad to the grid a model reads, done the way MNIST was made:
 * crop to the ink, scale the longer side to 20/28 of the grid (keeping the aspect
 * ratio, averaging the pixels each grid cell covers), then place it so that its centre
 * of mass is the grid's centre. Pure, so it is tested without a canvas.
 */

/** Ink below this (0–1) counts as paper when finding the drawing's box. */
const INK_THRESHOLD = 0.05;
/** MNIST fits each digit in a 20×20 box inside the 28×28 image. */
const BOX_SHARE = 20 / 28;

/**
 * `ink`: width × height values 0–1 (1 = full ink), row by row. Returns grid × grid values
 * 0–1 with the strongest pixel at 1, or all zeros for an empty drawing.
 */
export function drawingToGrid(
  ink: ArrayLike<number>,
  width: number,
  height: number,
  grid: number,
): number[] {
  const out = new Array<number>(grid * grid).fill(0);
  const box = inkBox(ink, width, height);
  if (!box) return out;
  const inner = Math.max(1, Math.round(grid * BOX_SHARE));
  const scale = inner / Math.max(box.width, box.height);
  const small = resample(ink, width, box, scale);
  const { cx, cy } = centreOfMass(small.values, small.width, small.height);
  const offsetX = Math.round(grid / 2 - cx);
  const offsetY = Math.round(grid / 2 - cy);
  const peak = small.values.reduce((max, v) => Math.max(max, v), 0);
  for (let y = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) {
      const gx = x + offsetX;
      const gy = y + offsetY;
      if (gx < 0 || gy < 0 || gx >= grid || gy >= grid) continue;
      out[gy * grid + gx] = Math.min(1, small.values[y * small.width + x] / peak);
    }
  }
  return out;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

function inkBox(ink: ArrayLike<number>, width: number, height: number): Box | undefined {
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] <= INK_THRESHOLD) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  if (right < 0) return undefined;
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/** Each target pixel is the area-weighted mean of the source pixels it covers. */
function resample(ink: ArrayLike<number>, stride: number, box: Box, scale: number) {
  const width = Math.max(1, Math.round(box.width * scale));
  const height = Math.max(1, Math.round(box.height * scale));
  const values = new Array<number>(width * height).fill(0);
  const stepX = box.width / width;
  const stepY = box.height / height;
  // Rounding can push the last cell's edge a hair past the box: never read beyond it.
  const xEnd = box.left + box.width;
  const yEnd = box.top + box.height;
  for (let ty = 0; ty < height; ty++) {
    const y0 = box.top + ty * stepY;
    const y1 = y0 + stepY;
    for (let tx = 0; tx < width; tx++) {
      const x0 = box.left + tx * stepX;
      const x1 = x0 + stepX;
      let sum = 0;
      let area = 0;
      for (let sy = Math.floor(y0); sy < Math.min(Math.ceil(y1), yEnd); sy++) {
        const wy = Math.min(y1, sy + 1) - Math.max(y0, sy);
        for (let sx = Math.floor(x0); sx < Math.min(Math.ceil(x1), xEnd); sx++) {
          const wx = Math.min(x1, sx + 1) - Math.max(x0, sx);
          sum += ink[sy * stride + sx] * wx * wy;
          area += wx * wy;
        }
      }
      values[ty * width + tx] = area > 0 ? sum / area : 0;
    }
  }
  return { width, height, values };
}

/** Centre of mass in pixel units, pixel (0, 0) spanning [0, 1). */
export function centreOfMass(values: ArrayLike<number>, width: number, height: number) {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = values[y * width + x];
      mass += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return mass > 0 ? { cx: sx / mass, cy: sy / mass } : { cx: width / 2, cy: height / 2 };
}

/** The pad's alpha channel (RGBA bytes) as ink 0–1. */
export function alphaToInk(rgba: ArrayLike<number>): Float32Array {
  const ink = new Float32Array(rgba.length / 4);
  for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4 + 3] / 255;
  return ink;
}
