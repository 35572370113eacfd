/**
 * What every input widget shares: an id the UI reports changes under, the cell that
 * created it (the UI re-runs the cells that use that cell's names), and how it displays
 * (`application/vnd.playgrad.widget+json`, with a text form for headless runs).
 *
 * A widget's value lives in the kernel's input registry, not in the object: the UI sends
 * `input { name: id, value }` and then re-runs the dependent cells, which read `.value`.
 */
import type { MimeBundle } from '../protocol/messages';
import { MIME } from '../protocol/messages';
import type { WidgetKind } from '../protocol/widgets';
import { getInput, hasInput } from './input-registry';
import { kernelContext } from './context';
import { MIMEBUNDLE, type Displayable } from './displayable';

let widgetCounter = 0;

/** A fresh id for each widget made: a re-run cell makes a new widget with its initial value. */
function newWidgetId(kind: WidgetKind): string {
  widgetCounter += 1;
  return `${kind}${widgetCounter}-${Date.now().toString(36)}`;
}

export abstract class InputWidget implements Displayable {
  /** The name the UI sends this widget's changes under. */
  readonly id: string;
  /** The cell that made the widget: cells using its names re-run on a change. */
  readonly cellId: string;
  /** True once the widget was put on the page (as a cell's value or with `display`). */
  protected shown = false;

  protected constructor(
    readonly kind: WidgetKind,
    readonly label: string,
  ) {
    this.id = newWidgetId(kind);
    this.cellId = kernelContext().cellId();
  }

  /** The fields of the widget JSON that only this kind has (value, bounds, options…). */
  protected abstract spec(): Record<string, unknown>;

  /** One line for text-only outputs, e.g. `Slider "rate": 0.1`. */
  protected abstract summary(): string;

  /** What the learner last chose in the page, or undefined before any change. */
  protected reported(): unknown {
    return hasInput(this.id) ? getInput(this.id) : undefined;
  }

  [MIMEBUNDLE](): MimeBundle {
    this.shown = true;
    const widget = { kind: this.kind, id: this.id, cellId: this.cellId, label: this.label };
    return { [MIME.widget]: { ...widget, ...this.spec() }, [MIME.text]: this.summary() };
  }

  toString(): string {
    return this.summary();
  }
}

export function labelOf(kind: string, label: string): string {
  return label ? `${kind} "${label}"` : kind;
}
