/**
 * Plain-text spelling of any value, for `console.log` and for values without a richer
 * output. Built on pretty-format (Jest's printer: circular references, Map/Set, Dates,
 * errors) with plugins that make it read like a browser console for learners:
 * `[1, 2, 3]` and `{ lr: 0.01 }` on one line when they fit, long arrays cut with
 * "… 900 more", a depth limit, and numbers never rounded.
 */
import { format as prettyFormat, type Config, type NewPlugin } from 'pretty-format';
import { MIME } from '../protocol/messages';
import { isDisplayable, MIMEBUNDLE } from './displayable';
import { numberText, shortestFloat32 } from './numbers';
import { isTensorLike, tensorSummary } from './tensor';

/** Items shown before an array, Map or Set is cut with "… N more". */
export const MAX_ITEMS = 100;
/** Keys shown before an object is cut. */
export const MAX_KEYS = 50;
/** Nesting shown before inner values become `[Object]` / `[Array]`. */
export const MAX_DEPTH = 4;
/** Outputs are read in a notebook column; wider layouts wrap badly. */
const LINE_WIDTH = 76;

/**
 * Lays out printed items: on one line when short, packed in rows when they are many short
 * numbers, otherwise one per line. Items were printed at `indentation + config.indent`.
 */
function layout(open: string, close: string, items: string[], config: Config, indentation: string) {
  if (items.length === 0) return `${open}${close}`;
  const pad = open.endsWith('{') ? ' ' : '';
  const multiline = items.some((item) => item.includes('\n'));
  const oneLine = `${open}${pad}${items.join(', ')}${pad}${close}`;
  if (!multiline && indentation.length + oneLine.length <= LINE_WIDTH) return oneLine;
  const inner = indentation + config.indent;
  const short = items.every((item) => item.length <= 16);
  const rows: string[] = [];
  if (!multiline && short && items.length > 6) {
    let row = '';
    for (const item of items) {
      const next = row ? `${row}, ${item}` : item;
      if (row && inner.length + next.length + 1 > LINE_WIDTH) {
        rows.push(row);
        row = item;
      } else row = next;
    }
    rows.push(row);
  } else rows.push(...items);
  return `${open}\n${rows.map((row) => inner + row).join(',\n')}\n${indentation}${close}`;
}

function isPlainArray(value: unknown): value is unknown[] | ArrayLike<number> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

const listPlugin: NewPlugin = {
  test: isPlainArray,
  serialize(value: unknown[] | ArrayLike<number>, config, indentation, depth, refs, printer) {
    const typed = !Array.isArray(value);
    const name = typed ? (value as object).constructor.name : 'Array';
    if (refs.includes(value)) return '[Circular]';
    if (depth + 1 > MAX_DEPTH) return `[${name}]`;
    const inner = indentation + config.indent;
    const items: string[] = [];
    const shown = Math.min(value.length, MAX_ITEMS);
    const isFloat32 = value instanceof Float32Array;
    for (let i = 0; i < shown; i++) {
      const item = value[i];
      if (isFloat32) items.push(numberText(shortestFloat32(item as number)));
      else if (!typed && !(i in value)) items.push('<empty>');
      else items.push(printer(item, config, inner, depth + 1, [...refs, value]));
    }
    if (value.length > shown) items.push(`… ${value.length - shown} more`);
    const prefix = typed ? `${name}(${value.length}) ` : '';
    return layout(`${prefix}[`, ']', items, config, indentation);
  },
};

function keyText(key: string | symbol): string {
  if (typeof key === 'symbol') return `[${String(key)}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

function constructorName(value: object): string {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return '[Object: null prototype]';
  const ctor = (value as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name ? ctor.name : 'Object';
}

/** Plain objects and class instances, but not the built-ins pretty-format already knows. */
function isRecordLike(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.prototype.toString.call(value) !== '[object Object]') return false;
  // Objects with toJSON go through pretty-format's toJSON handling, then back here.
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

const recordPlugin: NewPlugin = {
  test: isRecordLike,
  serialize(value: object, config, indentation, depth, refs, printer) {
    if (refs.includes(value)) return '[Circular]';
    const name = constructorName(value);
    if (depth + 1 > MAX_DEPTH) return `[${name}]`;
    const inner = indentation + config.indent;
    const symbols = Object.getOwnPropertySymbols(value).filter(
      (symbol) => Object.getOwnPropertyDescriptor(value, symbol)?.enumerable,
    );
    const keys: (string | symbol)[] = [...Object.keys(value), ...symbols];
    const record = value as Record<string | symbol, unknown>;
    const items = keys.slice(0, MAX_KEYS).map((key) => {
      const printed = printer(record[key], config, inner, depth + 1, [...refs, value]);
      return `${keyText(key)}: ${printed}`;
    });
    if (keys.length > MAX_KEYS) items.push(`… ${keys.length - MAX_KEYS} more keys`);
    const prefix = name === 'Object' ? '' : `${name} `;
    return layout(`${prefix}{`, '}', items, config, indentation);
  },
};

function collectionPlugin(kind: 'Map' | 'Set'): NewPlugin {
  return {
    test: (value: unknown) => (kind === 'Map' ? value instanceof Map : value instanceof Set),
    serialize(
      value: Map<unknown, unknown> | Set<unknown>,
      config,
      indentation,
      depth,
      refs,
      printer,
    ) {
      if (refs.includes(value)) return '[Circular]';
      if (depth + 1 > MAX_DEPTH) return `[${kind}]`;
      const inner = indentation + config.indent;
      const nextRefs = [...refs, value];
      const print = (item: unknown): string => printer(item, config, inner, depth + 1, nextRefs);
      const items: string[] = [];
      for (const [key, item] of value.entries()) {
        if (items.length === MAX_ITEMS) break;
        items.push(kind === 'Map' ? `${print(key)} => ${print(item)}` : print(item));
      }
      if (value.size > items.length) items.push(`… ${value.size - items.length} more`);
      return layout(`${kind}(${value.size}) {`, '}', items, config, indentation);
    },
  };
}

/** Inside a structure, a tensor or a plot is named, not expanded. */
const summaryPlugin: NewPlugin = {
  test: (value: unknown) => isTensorLike(value) || isDisplayable(value),
  serialize(value: unknown) {
    if (isTensorLike(value)) return tensorSummary(value);
    if (isDisplayable(value)) {
      const text = value[MIMEBUNDLE]()[MIME.text];
      if (typeof text === 'string') return text.split('\n')[0];
    }
    return '[Displayable]';
  },
};

const plugins = [
  summaryPlugin,
  listPlugin,
  recordPlugin,
  collectionPlugin('Map'),
  collectionPlugin('Set'),
];

/**
 * How a value reads as text: strings quoted, structures laid out, numbers exact.
 *
 * @example
 * formatValue({ lr: 0.01, layers: [4, 8, 1] })  // '{ lr: 0.01, layers: [4, 8, 1] }'
 */
export function formatValue(value: unknown): string {
  return prettyFormat(value, { plugins, escapeString: false, printBasicPrototype: false });
}

const printf = /%([sdifoOjc%])/g;

function substitute(template: string, args: unknown[]): string {
  return template.replace(printf, (match, code: string) => {
    if (code === '%') return '%';
    if (args.length === 0) return match;
    const arg = args.shift();
    switch (code) {
      case 's':
        return typeof arg === 'string' ? arg : formatValue(arg);
      case 'd':
      case 'i':
        return numberText(code === 'i' ? Math.trunc(Number(arg)) : Number(arg));
      case 'f':
        return numberText(Number(arg));
      case 'c':
        return ''; // CSS styling has no meaning in a text stream.
      default:
        return formatValue(arg);
    }
  });
}

/**
 * The text `console.log(...args)` prints: strings as they are, other values formatted,
 * separated by spaces, with `%s %d %i %f %o %O %j %c` substitutions in a leading string.
 * No trailing newline: the caller ends the line.
 *
 * @example
 * formatForConsole(['loss', 0.25, { step: 3 }])  // 'loss 0.25 { step: 3 }'
 */
export function formatForConsole(args: readonly unknown[]): string {
  const rest = [...args];
  const parts: string[] = [];
  if (typeof rest[0] === 'string' && rest[0].includes('%')) {
    parts.push(substitute(rest.shift() as string, rest));
  }
  for (const arg of rest) parts.push(typeof arg === 'string' ? arg : formatValue(arg));
  return parts.join(' ');
}
