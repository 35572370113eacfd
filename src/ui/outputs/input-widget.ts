/**
 * The input widgets an output can carry (`application/vnd.playgrad.widget+json` with
 * `kind` slider, select, button, file or canvas), as the kernel's `inputs.*` send them.
 * Checked field by field: the UI draws only what it fully understands.
 */

interface WidgetBase {
  /** The name the widget's changes are sent under (`input { name: id, value }`). */
  id: string;
  /** The cell that made the widget: the cells using its names re-run on a change. */
  cellId: string;
  label: string;
}

export interface SliderWidget extends WidgetBase {
  kind: 'slider';
  min: number;
  max: number;
  step: number;
  value: number;
}

export interface SelectWidget extends WidgetBase {
  kind: 'select';
  options: string[];
  /** Index of the selected option. */
  value: number;
  /** The hub model each option needs (null: none), when some option needs one. */
  hubModels?: (string | null)[];
}

export interface ButtonWidget extends WidgetBase {
  kind: 'button';
  clicks: number;
}

export interface FileWidget extends WidgetBase {
  kind: 'file';
  accept: string;
  maxBytes: number;
  fileName?: string;
}

export interface CanvasWidget extends WidgetBase {
  kind: 'canvas';
  size: number;
  grid: number;
}

export type InputWidget = SliderWidget | SelectWidget | ButtonWidget | FileWidget | CanvasWidget;

type Fields = Record<string, unknown>;

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isString = (value: unknown): value is string => typeof value === 'string';

const CHECKS: Record<InputWidget['kind'], (widget: Fields) => boolean> = {
  slider: (w) =>
    [w.min, w.max, w.step, w.value].every(isNumber) && (w.max as number) > (w.min as number),
  select: (w) =>
    Array.isArray(w.options) &&
    w.options.every(isString) &&
    isNumber(w.value) &&
    (w.hubModels === undefined ||
      (Array.isArray(w.hubModels) &&
        w.hubModels.length === w.options.length &&
        w.hubModels.every((model) => model === null || isString(model)))),
  button: (w) => isNumber(w.clicks),
  file: (w) =>
    isString(w.accept) &&
    isNumber(w.maxBytes) &&
    (w.fileName === undefined || isString(w.fileName)),
  canvas: (w) => isNumber(w.size) && isNumber(w.grid) && Number.isInteger(w.grid) && w.grid > 1,
};

export function isInputWidget(data: unknown): data is InputWidget {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const widget = data as Fields;
  if (!isString(widget.id) || !isString(widget.cellId) || !isString(widget.label)) return false;
  const kind = widget.kind;
  return (
    isString(kind) && Object.hasOwn(CHECKS, kind) && CHECKS[kind as InputWidget['kind']](widget)
  );
}

/** The number of decimals a slider's step shows (0.05 → 2), so 0.30000000000000004 reads 0.3. */
export function stepDecimals(step: number): number {
  if (Number.isInteger(step)) return 0;
  const text = String(step);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]);
  return Math.min(10, text.split('.')[1]?.length ?? 0);
}

/** Rounds a slider value to its step's decimals (a drag gives 0.30000000000000004). */
export function sliderValue(raw: number, widget: SliderWidget): number {
  const clamped = Math.min(widget.max, Math.max(widget.min, raw));
  return Number(clamped.toFixed(stepDecimals(widget.step)));
}

/** "3.2 MB": a file size for a message. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why a file is refused, or undefined when it may be read. */
export function fileTooLarge(name: string, bytes: number, maxBytes: number): string | undefined {
  if (bytes <= maxBytes) return undefined;
  return `${name} is ${formatBytes(bytes)}; files up to ${formatBytes(maxBytes)} can be loaded here.`;
}
