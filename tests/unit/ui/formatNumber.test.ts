import { describe, expect, it } from 'vitest';
import { formatNumber, formatValue } from '../../../src/ui/outputs/format';

describe('formatNumber', () => {
  it('keeps integers whole', () => {
    expect(formatNumber(442)).toBe('442');
    expect(formatNumber(-7)).toBe('-7');
    expect(formatNumber(-0)).toBe('0');
  });

  it('shows at most 4 decimals and drops trailing zeros', () => {
    expect(formatNumber(3.14159265)).toBe('3.1416');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(123456.789)).toBe('123456.789');
    expect(formatNumber(-1.00004)).toBe('-1');
  });

  it('keeps 4 significant digits for values below 1 instead of rounding them to 0', () => {
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(0.012345)).toBe('0.01235');
    expect(formatNumber(0.00012346)).toBe('0.0001235');
  });

  it('switches to exponent notation for tiny and huge values', () => {
    expect(formatNumber(0.0000123456)).toBe('1.235e-5');
    expect(formatNumber(1.5e20)).toBe('1.5e20');
    expect(formatNumber(-2e-7)).toBe('-2e-7');
  });

  it('names the special values', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
  });
});

describe('formatValue', () => {
  it('formats numbers, shows missing values as a dash, and leaves text alone', () => {
    expect(formatValue(0.333333)).toBe('0.3333');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue('setosa')).toBe('setosa');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(10n)).toBe('10');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
  });
});
