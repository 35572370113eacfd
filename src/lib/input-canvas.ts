/**
 * `inputs.canvas`: a square pad the learner draws on (mouse, touch, pen). When a stroke
 * ends the UI downsamples the drawing to grid×grid grey values 0–1, centred by mass the
 * way MNIST digits are, and sends them; `.pixels()` returns them.
 */
import { InputWidget, labelOf } from './input-widget';

export interface CanvasOptions {
  label?: string;
  /** Side of the drawing pad in CSS pixels. */
  size?: number;
  /** Side of the pixel grid `.pixels()` returns (28: MNIST's). */
  grid?: number;
  /** Pixels to return while nothing was drawn (always, in headless runs). */
  fallback?: readonly number[];
}

export class CanvasInput extends InputWidget {
  readonly size: number;
  readonly grid: number;
  private readonly fallback: readonly number[] | undefined;

  constructor(options: CanvasOptions = {}) {
    super('canvas', options.label ?? 'Draw here');
    this.size = options.size ?? 280;
    this.grid = options.grid ?? 28;
    if (!Number.isInteger(this.grid) || this.grid < 2) {
      throw new RangeError(`inputs.canvas needs a whole grid of 2 or more, got ${this.grid}`);
    }
    if (!(this.size >= this.grid)) {
      throw new RangeError(`inputs.canvas size ${this.size} is smaller than its grid`);
    }
    const cells = this.grid * this.grid;
    if (options.fallback && options.fallback.length !== cells) {
      throw new RangeError(
        `inputs.canvas fallback has ${options.fallback.length} values; a ${this.grid}×${this.grid} grid needs ${cells}`,
      );
    }
    this.fallback = options.fallback;
  }

  /** True once the learner drew something (and did not clear it). */
  get drawn(): boolean {
    return this.reportedPixels()?.some((value) => value > 0) ?? false;
  }

  /**
   * The drawing as grid×grid grey values 0–1 (row by row, 1 = ink), or the fallback
   * (else zeros) before anything was drawn.
   */
  pixels(): number[] {
    const reported = this.reportedPixels();
    if (reported) return reported;
    return this.fallback ? [...this.fallback] : new Array<number>(this.grid * this.grid).fill(0);
  }

  get value(): number[] {
    return this.pixels();
  }

  private reportedPixels(): number[] | undefined {
    const reported = this.reported();
    if (!Array.isArray(reported) || reported.length !== this.grid * this.grid) return undefined;
    if (!reported.every((value) => typeof value === 'number')) return undefined;
    return [...(reported as number[])];
  }

  protected spec() {
    return { size: this.size, grid: this.grid };
  }

  protected summary(): string {
    const state = this.drawn ? 'drawn' : 'empty';
    return `${labelOf('Drawing pad', this.label)}: ${this.grid}×${this.grid}, ${state}`;
  }
}
