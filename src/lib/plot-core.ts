/**
 * What every chart shares: the `Plot` value (Plotly's Jupyter format) and a clean
 * default layout that reads well on a projector.
 */
import type { MimeBundle } from '../protocol/messages';
import { MIME } from '../protocol/messages';
import { MIMEBUNDLE, type Displayable } from './displayable';

/** Options every chart takes. */
export interface PlotOptions {
  title?: string;
  /** Horizontal axis title. */
  xlabel?: string;
  /** Vertical axis title. */
  ylabel?: string;
  /** Logarithmic horizontal axis. */
  logX?: boolean;
  /** Logarithmic vertical axis (handy for losses). */
  logY?: boolean;
  /** Pixels; by default the plot fills the output's width. */
  width?: number;
  /** Pixels; default 360. */
  height?: number;
  /** Fix the vertical axis to [low, high] instead of fitting the data. */
  yrange?: [number, number];
}

/** One Plotly trace or layout: plain, cloneable JSON. */
export type PlotlyObject = Record<string, unknown>;

export const DEFAULT_HEIGHT = 360;

/**
 * A chart. Shown when it is a cell's last value or passed to `display`. `data` and
 * `layout` are Plotly's own, for learners who want to change them.
 *
 * @example
 * const chart = plot.line([1, 4, 9])
 * chart.layout.height = 240
 * chart
 */
export class Plot implements Displayable {
  constructor(
    readonly data: PlotlyObject[],
    readonly layout: PlotlyObject,
    /** One line saying what the chart shows, for text-only outputs. */
    readonly summary: string,
  ) {}

  [MIMEBUNDLE](): MimeBundle {
    return { [MIME.plotly]: { data: this.data, layout: this.layout }, [MIME.text]: this.summary };
  }
}

/** Drops undefined entries, so the JSON stays small and Plotly's defaults apply. */
export function compact(object: PlotlyObject): PlotlyObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

function axis(label: string | undefined, log: boolean | undefined, range?: [number, number]) {
  // Plotly wants a log axis's range as powers of ten.
  const plotlyRange = range && log ? range.map((end) => Math.log10(end)) : range;
  return compact({
    title: label ? { text: label } : undefined,
    type: log ? 'log' : undefined,
    range: plotlyRange,
    automargin: true,
    zeroline: false,
    gridcolor: '#e5e5e5',
  });
}

export function baseLayout(options: PlotOptions, extra: PlotlyObject = {}): PlotlyObject {
  return compact({
    title: options.title ? { text: options.title, x: 0.02, xanchor: 'left' } : undefined,
    font: { size: 14 },
    margin: { l: 64, r: 24, t: options.title ? 56 : 24, b: 56 },
    width: options.width,
    height: options.height ?? DEFAULT_HEIGHT,
    xaxis: axis(options.xlabel, options.logX),
    yaxis: axis(options.ylabel, options.logY, options.yrange),
    paper_bgcolor: 'white',
    plot_bgcolor: 'white',
    hovermode: 'closest',
    ...extra,
  });
}

/** Typed arrays and array-likes become plain arrays: they must survive JSON (.ipynb). */
export function plainNumbers(values: ArrayLike<number>): number[] {
  return Array.from(values);
}

export function indices(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

/** `Line plot "Loss": 2 series, 100 points` */
export function describe(kind: string, title: string | undefined, details: string): string {
  return `${kind}${title ? ` "${title}"` : ''}: ${details}`;
}

export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? word : words}`;
}
