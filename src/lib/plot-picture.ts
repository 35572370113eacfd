/**
 * Images as the plots read them: any of the shapes a learner has at hand (a flat row of
 * a dataset, rows of pixels, rows of RGB triples, a tensor) become one `Picture`.
 */

/** Grey (1 channel) or RGB (3), values 0–1, row by row. */
export interface Picture {
  width: number;
  height: number;
  channels: 1 | 3;
  /** width × height × channels values. */
  values: number[];
}

export interface PictureShape {
  /** Needed for a flat list that is not square. */
  width?: number;
  height?: number;
}

/** Anything `plot.image` takes: flat, rows, rows of [r, g, b], or a tensor. */
export type PixelsInput =
  | ArrayLike<number>
  | ArrayLike<ArrayLike<number>>
  | ArrayLike<ArrayLike<ArrayLike<number>>>
  | { arraySync(): unknown };

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return (
    (Array.isArray(value) || ArrayBuffer.isView(value)) &&
    typeof (value as ArrayLike<unknown>).length === 'number'
  );
}

function hasArraySync(value: unknown): value is { arraySync(): unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { arraySync?: unknown }).arraySync === 'function'
  );
}

function number(value: unknown, where: string): number {
  if (typeof value !== 'number') throw new TypeError(`plot.image: ${where} is not a number`);
  return value;
}

/**
 * Reads pixels into a Picture. Values above 1 are taken as 0–255 and scaled, so both
 * datasets' 0–1 pixels and raw bytes display right.
 */
export function toPicture(input: unknown, shape: PictureShape = {}): Picture {
  const pixels = hasArraySync(input) ? input.arraySync() : input;
  if (!isArrayLike(pixels) || pixels.length === 0) {
    throw new TypeError('plot.image needs pixels: a list of numbers, rows, or a tensor');
  }
  const first = pixels[0];
  let picture: Picture;
  if (!isArrayLike(first)) {
    picture = flatPicture(
      Array.from(pixels, (v, i) => number(v, `pixel ${i}`)),
      shape,
    );
  } else {
    picture = rowsPicture(Array.from(pixels, (row) => (isArrayLike(row) ? row : [])));
  }
  const max = picture.values.reduce((m, v) => Math.max(m, v), 0);
  if (max > 1) picture.values = picture.values.map((v) => v / 255);
  return picture;
}

function flatPicture(values: number[], shape: PictureShape): Picture {
  let { width, height } = shape;
  if (width === undefined && height === undefined) {
    const side = Math.round(Math.sqrt(values.length));
    if (side * side !== values.length) {
      throw new RangeError(
        `plot.image: ${values.length} pixels are not a square; give { width, height }`,
      );
    }
    width = side;
    height = side;
  }
  width ??= Math.round(values.length / (height ?? 1));
  height ??= Math.round(values.length / width);
  const channels = values.length === width * height * 3 ? 3 : 1;
  if (values.length !== width * height * channels) {
    throw new RangeError(
      `plot.image: ${values.length} pixels do not fill ${width}×${height} (grey or RGB)`,
    );
  }
  return { width, height, channels, values };
}

function rowsPicture(rows: ArrayLike<unknown>[]): Picture {
  const height = rows.length;
  const width = rows[0].length;
  const cell = rows[0][0];
  const depth = isArrayLike(cell) ? cell.length : 0;
  if (depth !== 0 && depth !== 1 && depth !== 3) {
    throw new RangeError(`plot.image: pixels with ${depth} channels (grey: 1, RGB: 3)`);
  }
  const channels = depth === 3 ? 3 : 1;
  const values: number[] = [];
  rows.forEach((row, y) => {
    if (row.length !== width) {
      throw new RangeError(`plot.image: row ${y} has ${row.length} pixels, row 0 has ${width}`);
    }
    for (let x = 0; x < width; x++) {
      const pixel = row[x];
      const where = `pixel (${y}, ${x})`;
      if (depth === 0) values.push(number(pixel, where));
      else if (isArrayLike(pixel)) {
        for (let c = 0; c < channels; c++) values.push(number(pixel[c], where));
      } else throw new TypeError(`plot.image: ${where} is not a list of channels`);
    }
  });
  return { width, height, channels, values };
}

/** Rounded to 3 decimals: the eye cannot tell more, and the output stays small. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
