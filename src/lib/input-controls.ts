/**
 * The simple controls: a slider (a number in a range), a select (one of a few options)
 * and a button (a click count). See `inputs.ts` for the functions lessons call.
 */
import { formatValue } from './format';
import { InputWidget, labelOf } from './input-widget';

export interface SliderOptions {
  label?: string;
  min?: number;
  max?: number;
  /** Default: a hundredth of the range. */
  step?: number;
  /** Starting value; default `min`. */
  value?: number;
}

export class Slider extends InputWidget {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly initial: number;

  constructor(options: SliderOptions = {}) {
    super('slider', options.label ?? '');
    this.min = options.min ?? 0;
    this.max = options.max ?? 1;
    if (!(this.max > this.min)) {
      throw new RangeError(`inputs.slider needs min < max, got min ${this.min}, max ${this.max}`);
    }
    this.step = options.step ?? (this.max - this.min) / 100;
    if (!(this.step > 0)) throw new RangeError(`inputs.slider needs step > 0, got ${this.step}`);
    this.initial = options.value ?? this.min;
    if (!(this.initial >= this.min && this.initial <= this.max)) {
      throw new RangeError(
        `inputs.slider value ${this.initial} is outside [${this.min}, ${this.max}]`,
      );
    }
  }

  /** The slider's current number (its starting value until the learner moves it). */
  get value(): number {
    const reported = this.reported();
    if (typeof reported !== 'number' || !Number.isFinite(reported)) return this.initial;
    return Math.min(this.max, Math.max(this.min, reported));
  }

  protected spec() {
    return { min: this.min, max: this.max, step: this.step, value: this.value };
  }

  protected summary(): string {
    return `${labelOf('Slider', this.label)}: ${this.value}`;
  }
}

export interface SelectOptions<T> {
  label?: string;
  /** The choices: a list, or an object from the label shown to the value given. */
  options: readonly T[] | Readonly<Record<string, T>>;
  /** Starting choice (one of the values); default the first. */
  value?: T;
  /**
   * Choices that need a model from the Hugging Face hub, by label: the page greys such a
   * choice out, with the reason, while the browser is offline and has not stored the model.
   */
  hubModels?: Readonly<Record<string, string>>;
}

export class Select<T> extends InputWidget {
  /** [label shown, value] of each choice. */
  readonly choices: readonly (readonly [string, T])[];
  readonly initialIndex: number;
  /** The hub model each choice needs (null: none), or undefined when no choice needs one. */
  readonly hubModels: readonly (string | null)[] | undefined;

  constructor(options: SelectOptions<T>) {
    super('select', options.label ?? '');
    const given = options.options;
    this.choices = Array.isArray(given)
      ? given.map((option: T) => [choiceLabel(option), option] as const)
      : Object.entries(given as Readonly<Record<string, T>>);
    if (this.choices.length === 0) throw new RangeError('inputs.select needs at least one option');
    if (options.value === undefined) {
      this.initialIndex = 0;
    } else {
      this.initialIndex = this.choices.findIndex(([, value]) => Object.is(value, options.value));
      if (this.initialIndex < 0) {
        const labels = this.choices.map(([label]) => label).join(', ');
        throw new RangeError(
          `inputs.select value ${formatValue(options.value)} is not one of the options (${labels})`,
        );
      }
    }
    this.hubModels = options.hubModels && hubModelsOf(this.choices, options.hubModels);
  }

  /** Which choice is selected, counting from 0. The UI reports this index. */
  get index(): number {
    const reported = this.reported();
    const valid =
      typeof reported === 'number' &&
      Number.isInteger(reported) &&
      reported >= 0 &&
      reported < this.choices.length;
    return valid ? reported : this.initialIndex;
  }

  /** The selected option's value (any value: a number, a string, an object). */
  get value(): T {
    return this.choices[this.index][1];
  }

  protected spec() {
    const options = this.choices.map(([label]) => label);
    return { options, value: this.index, ...(this.hubModels && { hubModels: this.hubModels }) };
  }

  protected summary(): string {
    return `${labelOf('Select', this.label)}: ${this.choices[this.index][0]}`;
  }
}

function hubModelsOf<T>(
  choices: readonly (readonly [string, T])[],
  given: Readonly<Record<string, string>>,
): (string | null)[] {
  const labels = choices.map(([label]) => label);
  for (const [label, model] of Object.entries(given)) {
    if (!labels.includes(label)) {
      throw new RangeError(
        `inputs.select hubModels: "${label}" is not one of the options (${labels.join(', ')})`,
      );
    }
    if (typeof model !== 'string' || model.trim() === '') {
      throw new TypeError(`inputs.select hubModels: "${label}" needs a model name`);
    }
  }
  return labels.map((label) => (Object.hasOwn(given, label) ? given[label] : null));
}

function choiceLabel(option: unknown): string {
  return typeof option === 'string' ? option : formatValue(option);
}

export interface ButtonOptions {
  label?: string;
}

export class Button extends InputWidget {
  constructor(options: ButtonOptions = {}) {
    super('button', options.label ?? 'Run');
  }

  /** How many times the learner clicked it (0 in headless runs). */
  get clicks(): number {
    const reported = this.reported();
    return typeof reported === 'number' && Number.isInteger(reported) && reported > 0
      ? reported
      : 0;
  }

  get value(): number {
    return this.clicks;
  }

  protected spec() {
    return { clicks: this.clicks };
  }

  protected summary(): string {
    return `Button "${this.label}": ${this.clicks} clicks`;
  }
}
