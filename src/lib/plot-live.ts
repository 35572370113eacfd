/**
 * `plot.live`: a chart that grows while a cell runs, e.g. the loss during training.
 */
import type { MimeBundle } from '../protocol/messages';
import { throwIfInterrupted } from './context';
import { display, type DisplayHandle } from './display';
import { MIMEBUNDLE, type Displayable } from './displayable';
import { baseLayout, describe, Plot, plural, type PlotOptions } from './plot-core';

export interface LiveOptions extends PlotOptions {
  /** Series to show from the start (others appear when first pushed). */
  series?: string[];
}

/** One step's values by series name; `x` is the step (by default 0, 1, 2, …). */
export type LivePoint = Record<string, number>;

export class LivePlot implements Displayable {
  private readonly xs = new Map<string, number[]>();
  private readonly ys = new Map<string, number[]>();
  private nextX = 0;
  private readonly handle: DisplayHandle;

  constructor(private readonly options: LiveOptions = {}) {
    for (const name of options.series ?? []) this.addSeries(name);
    this.handle = display(this);
  }

  /** The output's id in the page. */
  get id(): string {
    return this.handle.id;
  }

  /**
   * Adds one point to each series named in `point`. The chart on the page follows
   * (a few times a second; the last point always shows). Stops the cell if the
   * learner pressed Stop.
   *
   * @example
   * chart.push({ loss: 0.31, accuracy: 0.9 })
   */
  push(point: LivePoint): void {
    throwIfInterrupted();
    const x = point.x ?? this.nextX;
    if (typeof x !== 'number') throw new TypeError(`push({ x }) needs a number, got ${String(x)}`);
    for (const [name, value] of Object.entries(point)) {
      if (name === 'x') continue;
      if (typeof value !== 'number') {
        throw new TypeError(`push({ ${name} }) needs a number, got ${String(value)}`);
      }
      if (!this.ys.has(name)) this.addSeries(name);
      this.xs.get(name)?.push(x);
      this.ys.get(name)?.push(value);
    }
    this.nextX = x + 1;
    this.handle.update(this);
  }

  /**
   * The values pushed so far, by series.
   *
   * @example
   * chart.values.loss  // [0.9, 0.7, 0.5]
   */
  get values(): Record<string, number[]> {
    return Object.fromEntries([...this.ys].map(([name, ys]) => [name, [...ys]]));
  }

  /** The chart as it is now, as a static plot. */
  snapshot(): Plot {
    const data = [...this.ys.keys()].map((name) => ({
      type: 'scatter',
      mode: 'lines',
      name,
      x: [...(this.xs.get(name) ?? [])],
      y: [...(this.ys.get(name) ?? [])],
    }));
    const layout = baseLayout(this.options, { showlegend: data.length > 1 });
    const points = data.reduce((max, trace) => Math.max(max, trace.y.length), 0);
    const details = `${plural(data.length, 'series', 'series')}, ${plural(points, 'point')}`;
    return new Plot(data, layout, describe('Live plot', this.options.title, details));
  }

  get data(): Record<string, unknown>[] {
    return this.snapshot().data;
  }

  get layout(): Record<string, unknown> {
    return this.snapshot().layout;
  }

  [MIMEBUNDLE](): MimeBundle {
    return this.snapshot()[MIMEBUNDLE]();
  }

  private addSeries(name: string): void {
    this.xs.set(name, []);
    this.ys.set(name, []);
  }
}

/**
 * A chart that updates while your loop runs. Push one point per step.
 *
 * @example
 * const chart = plot.live({ title: 'Loss', xlabel: 'step' })
 * for (let step = 0; step < 100; step++) {
 *   chart.push({ loss: 1 / (step + 1) })
 * }
 *
 * @example
 * chart.push({ x: 10, train: 0.3, test: 0.4 })
 */
export function live(options: LiveOptions = {}): LivePlot {
  return new LivePlot(options);
}
