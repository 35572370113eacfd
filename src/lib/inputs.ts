/**
 * Widgets a lesson puts on the page, imported as `inputs` (`inputs.slider`, …).
 *
 * A widget shows when it is a cell's last value or passed to `display`. `.value` reads
 * what the learner chose; changing a widget re-runs the cells that use the widget's
 * variable (not the widget's own cell, so the widget keeps its place and value).
 * In `playgrad run` (headless) widgets keep their starting values.
 */
import {
  Button,
  Select,
  Slider,
  type ButtonOptions,
  type SelectOptions,
  type SliderOptions,
} from './input-controls';
import { CanvasInput, type CanvasOptions } from './input-canvas';
import { FileInput, type FileInputOptions } from './input-file';

export { Button, Select, Slider, CanvasInput, FileInput };
export type { ButtonOptions, SelectOptions, SliderOptions, CanvasOptions, FileInputOptions };
export type { PickedFile, TextOptions } from './input-file';
export { MAX_FILE_BYTES } from './input-file';

/**
 * A slider for a number between `min` and `max`.
 *
 * @example
 * const threshold = inputs.slider({
 *   label: 'threshold', min: 0, max: 1, step: 0.05, value: 0.5,
 * })
 * threshold
 * // in a later cell, re-run when the slider moves:
 * const predicted = scores.map((s) => (s >= threshold.value ? 1 : 0))
 */
export function slider(options: SliderOptions = {}): Slider {
  return new Slider(options);
}

/**
 * A drop-down list; `.value` is the chosen option (any value), `.index` its position.
 *
 * @example
 * const optimizer = inputs.select({
 *   label: 'optimizer', options: { SGD: 'sgd', Adam: 'adam' }, value: 'adam',
 * })
 */
export function select<T>(options: SelectOptions<T>): Select<T> {
  return new Select(options);
}

/**
 * A button; `.clicks` counts the clicks, and each click re-runs the cells that use it.
 *
 * @example
 * const again = inputs.button({ label: 'New sample' })
 */
export function button(options: ButtonOptions = {}): Button {
  return new Button(options);
}

/**
 * A file picker with a drop zone (files up to 20 MB, read as text).
 * A runnable cell must not wait for a file (nobody picks one in `playgrad run`):
 * pass a `fallback` sample text, used until the learner picks a file.
 *
 * @example
 * const upload = inputs.file({ label: 'Your CSV', accept: '.csv' })
 * upload
 * // next cell:
 * const csv = await upload.text({ fallback: 'x,y\n1,2\n3,4' })
 */
export function file(options: FileInputOptions = {}): FileInput {
  return new FileInput(options);
}

/**
 * A square drawing pad; `.pixels()` gives grid×grid grey values 0–1 (1 = ink), centred
 * like MNIST digits. The cells that use it re-run when a stroke ends.
 *
 * @example
 * const pad = inputs.canvas({ label: 'Draw a digit' })
 * pad
 * // next cell:
 * const x = tf.tensor4d(pad.pixels(), [1, 28, 28, 1])
 */
export function canvas(options: CanvasOptions = {}): CanvasInput {
  return new CanvasInput(options);
}
