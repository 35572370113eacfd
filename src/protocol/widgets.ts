/**
 * The widget payloads (`application/vnd.playgrad.widget+json`): the progress bar the page
 * makes from a `progress` message, and the input widgets (`kind` slider, select, button,
 * file or canvas) the kernel's `inputs.*` send (src/lib/input-widget.ts). Checked field by
 * field: the UI draws only what it fully understands.
 */

export interface ProgressWidget {
  kind: 'progress';
  label: string;
  value: number;
  max: number;
  /** Time since the bar started (ms), when the kernel measured it. */
  elapsedMs?: number;
  /** Text after the times ("loss=0.231"). */
  postfix?: string;
}

export function isProgressWidget(data: unknown): data is ProgressWidget {
  if (typeof data !== 'object' || data === null) return false;
  const widget = data as Record<string, unknown>;
  return (
    widget.kind === 'progress' &&
    typeof widget.value === 'number' &&
    typeof widget.max === 'number' &&
    (widget.label === undefined || typeof widget.label === 'string') &&
    (widget.elapsedMs === undefined || typeof widget.elapsedMs === 'number') &&
    (widget.postfix === undefined || typeof widget.postfix === 'string')
  );
}

export interface WidgetBase {
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

/** The kinds of input widget, as `InputWidget.kind` in src/lib/input-widget.ts. */
export type WidgetKind = InputWidget['kind'];
