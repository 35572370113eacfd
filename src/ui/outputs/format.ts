/**
 * How numbers appear in tables and tensors: short enough to scan, precise enough to
 * compare. At most 4 decimals, but small values keep 4 significant digits instead of
 * collapsing to 0, and very large or very small values switch to exponent notation.
 */

const EXPONENT_ABOVE = 1e15;
const EXPONENT_BELOW = 1e-4;

function trimZeros(text: string): string {
  // '1.2300' → '1.23', '2.000' → '2', '1.500e-7' → '1.5e-7'
  const [mantissa, exponent] = text.split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

/**
 * The decimal mark `locale` writes (',' for 'de-DE', '.' for 'en-US'), from Intl. An unknown
 * or malformed locale falls back to '.', since a table must still show.
 */
export function decimalMark(locale: string): string {
  let mark = decimalMarks.get(locale);
  if (mark === undefined) {
    try {
      const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
      mark = parts.find((part) => part.type === 'decimal')?.value ?? '.';
    } catch {
      mark = '.';
    }
    decimalMarks.set(locale, mark);
  }
  return mark;
}

// One Intl lookup per locale, not one per table cell.
const decimalMarks = new Map<string, string>();

/**
 * `formatNumber` with the learner's decimal mark: display only (the kernel's values and the
 * text/HTML fallbacks keep '.'). No digit grouping, so years and ids stay `2024`.
 */
export function formatNumberIn(value: number, locale: string): string {
  const text = formatNumber(value);
  const mark = decimalMark(locale);
  return mark === '.' ? text : text.replace('.', mark);
}

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  if (value === 0) return '0'; // also -0
  if (Number.isInteger(value) && Math.abs(value) < EXPONENT_ABOVE) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= EXPONENT_ABOVE || magnitude < EXPONENT_BELOW) {
    return trimZeros(value.toExponential(3)).replace('e+', 'e');
  }
  if (magnitude < 1) return trimZeros(value.toPrecision(4));
  return trimZeros(value.toFixed(4));
}

/**
 * Any cell value: numbers formatted (with `locale`'s decimal mark when given), null/undefined
 * as an empty marker, others as text.
 */
export function formatValue(value: unknown, locale?: string): string {
  if (typeof value === 'number') {
    return locale === undefined ? formatNumber(value) : formatNumberIn(value, locale);
  }
  if (typeof value === 'bigint') return value.toString();
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? String(value);
}
