/**
 * `plot.image` and `plot.images`: pixels as a picture (grey 0–1 or RGB), alone or as a
 * grid with a label over each, e.g. a batch of digits with their predicted classes.
 * Grey pictures are a Plotly heatmap (small JSON, crisp pixels); RGB ones an image trace.
 */
import { baseLayout, compact, describe, plural, Plot, type PlotlyObject } from './plot-core';
import { round3, toPicture, type Picture, type PixelsInput } from './plot-picture';

export interface ImageOptions {
  /** Pixels per row, for a flat list that is not square. */
  width?: number;
  /** Rows, for a flat list that is not square. */
  height?: number;
  title?: string;
  /** Displayed size of the longer side, in screen pixels (default 240). */
  size?: number;
}

export interface ImagesOptions {
  /** Images per row (default 8). */
  columns?: number;
  /** A label shown above each image (a class name, "7 → 1"…). */
  labels?: readonly (string | number)[];
  title?: string;
  /** Pixels per row of each image, for flat lists that are not square. */
  width?: number;
  height?: number;
  /** Displayed size of each image's longer side, in screen pixels (default 64). */
  size?: number;
}

/** More images than this in one grid are left out (the summary says how many). */
export const MAX_GRID_IMAGES = 256;

const GREYS = [
  [0, 'black'],
  [1, 'white'],
];

/**
 * Shows pixels as a picture: a flat list (a dataset row), rows of grey values 0–1,
 * rows of [r, g, b], or a tensor. Values above 1 are read as 0–255.
 *
 * @example
 * const digits = await datasets.load('digits')
 * plot.image(digits.X[0], { title: `label ${digits.y[0]}` })
 */
export function image(pixels: PixelsInput, options: ImageOptions = {}): Plot {
  const picture = toPicture(pixels, options);
  const scale = (options.size ?? 240) / Math.max(picture.width, picture.height);
  const trace = pictureTrace(picture);
  const layout = pictureLayout(picture, scale, options.title, []);
  const details = `${picture.width}×${picture.height} ${picture.channels === 3 ? 'RGB' : 'grey'}`;
  return new Plot([trace], layout, describe('Image', options.title, details));
}

/**
 * Shows many same-sized images as a grid, `columns` per row, each with its label.
 *
 * @example
 * plot.images(digits.X.slice(0, 16), {
 *   columns: 8, labels: digits.y.slice(0, 16),
 * })
 */
export function images(list: readonly PixelsInput[], options: ImagesOptions = {}): Plot {
  if (list.length === 0) throw new RangeError('plot.images needs at least one image');
  const shown = list.slice(0, MAX_GRID_IMAGES);
  const pictures = shown.map((pixels) => toPicture(pixels, options));
  const { width, height, channels } = pictures[0];
  pictures.forEach((picture, index) => {
    if (picture.width !== width || picture.height !== height) {
      throw new RangeError(
        `plot.images: image ${index} is ${picture.width}×${picture.height}, image 0 is ${width}×${height}`,
      );
    }
  });
  const columns = Math.max(1, Math.min(options.columns ?? 8, pictures.length));
  const scale = (options.size ?? 64) / Math.max(width, height);
  const gap = Math.max(1, Math.round(Math.max(width, height) / 14));
  // Room above each image for its label: about 16 screen pixels.
  const labelRows = options.labels ? Math.ceil(16 / scale) : 0;
  const pitchX = width + gap;
  const pitchY = height + gap + labelRows;
  const rows = Math.ceil(pictures.length / columns);
  const sheet: Picture = {
    width: columns * pitchX - gap,
    height: rows * pitchY - gap,
    channels: pictures.some((p) => p.channels === 3) ? 3 : channels,
    values: [],
  };
  const composite = compose(pictures, sheet, columns, pitchX, pitchY, labelRows);
  const annotations = (options.labels ?? []).slice(0, pictures.length).map((label, i) => ({
    x: (i % columns) * pitchX + width / 2 - 0.5,
    y: Math.floor(i / columns) * pitchY + labelRows - 0.5,
    text: String(label),
    showarrow: false,
    yanchor: 'bottom',
    font: { size: 12 },
  }));
  const layout = pictureLayout(composite, scale, options.title, annotations);
  const left = list.length > shown.length ? ` (first ${shown.length} of ${list.length})` : '';
  const details = `${plural(pictures.length, 'image')} of ${width}×${height}${left}`;
  return new Plot([pictureTrace(composite)], layout, describe('Images', options.title, details));
}

/** Lays the pictures out on one sheet; gaps are empty (transparent grey, white RGB). */
function compose(
  pictures: Picture[],
  sheet: Picture,
  columns: number,
  pitchX: number,
  pitchY: number,
  labelRows: number,
): Picture & { gaps: boolean[] } {
  const { channels } = sheet;
  const values = new Array<number>(sheet.width * sheet.height * channels).fill(
    channels === 3 ? 1 : 0,
  );
  const gaps = new Array<boolean>(sheet.width * sheet.height).fill(true);
  pictures.forEach((picture, index) => {
    const left = (index % columns) * pitchX;
    const top = Math.floor(index / columns) * pitchY + labelRows;
    for (let y = 0; y < picture.height; y++) {
      for (let x = 0; x < picture.width; x++) {
        const at = (top + y) * sheet.width + left + x;
        gaps[at] = false;
        for (let c = 0; c < channels; c++) {
          const source = picture.channels === 3 ? c : 0;
          values[at * channels + c] =
            picture.values[(y * picture.width + x) * picture.channels + source];
        }
      }
    }
  });
  return { ...sheet, values, gaps };
}

function pictureTrace(picture: Picture & { gaps?: boolean[] }): PlotlyObject {
  const { width, height, channels, values, gaps } = picture;
  const rows: unknown[] = [];
  for (let y = 0; y < height; y++) {
    const row: unknown[] = [];
    for (let x = 0; x < width; x++) {
      const at = y * width + x;
      if (channels === 1) row.push(gaps?.[at] ? null : round3(values[at]));
      else row.push([0, 1, 2].map((c) => Math.round(values[at * 3 + c] * 255)));
    }
    rows.push(row);
  }
  if (channels === 3) return { type: 'image', z: rows, hoverinfo: 'x+y+z' };
  return compact({
    type: 'heatmap',
    z: rows,
    colorscale: GREYS,
    zmin: 0,
    zmax: 1,
    showscale: false,
    hoverongaps: false,
  });
}

function pictureLayout(
  picture: Picture,
  scale: number,
  title: string | undefined,
  annotations: PlotlyObject[],
): PlotlyObject {
  const top = title ? 48 : 8;
  const hidden = { visible: false, showgrid: false, zeroline: false };
  return baseLayout(
    {
      title,
      width: Math.round(picture.width * scale) + 16,
      height: Math.round(picture.height * scale) + top + 8,
    },
    {
      margin: { l: 8, r: 8, t: top, b: 8 },
      xaxis: { ...hidden, range: [-0.5, picture.width - 0.5], constrain: 'domain' },
      yaxis: {
        ...hidden,
        range: [picture.height - 0.5, -0.5],
        scaleanchor: 'x',
        constrain: 'domain',
      },
      annotations: annotations.length > 0 ? annotations : undefined,
    },
  );
}
