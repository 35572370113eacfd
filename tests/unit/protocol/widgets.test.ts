import { describe, expect, it, test } from 'vitest';
import { isInputWidget, isProgressWidget, type SliderWidget } from '../../../src/protocol/widgets';

const SLIDER: SliderWidget = {
  kind: 'slider',
  id: 'slider1',
  cellId: 'knob',
  label: 'rate',
  min: 0,
  max: 1,
  step: 0.05,
  value: 0.5,
};

test('isInputWidget accepts each kind the kernel sends and rejects incomplete ones', () => {
  const base = { id: 'w', cellId: 'c', label: 'l' };
  expect(isInputWidget(SLIDER)).toBe(true);
  expect(isInputWidget({ ...base, kind: 'select', options: ['a'], value: 0 })).toBe(true);
  expect(isInputWidget({ ...base, kind: 'button', clicks: 0 })).toBe(true);
  expect(isInputWidget({ ...base, kind: 'file', accept: '', maxBytes: 10 })).toBe(true);
  expect(isInputWidget({ ...base, kind: 'canvas', size: 280, grid: 28 })).toBe(true);
  expect(isInputWidget({ ...SLIDER, max: -1 })).toBe(false);
  expect(isInputWidget({ ...base, kind: 'select', options: [1], value: 0 })).toBe(false);
  expect(isInputWidget({ ...base, kind: 'dial', value: 0 })).toBe(false);
  expect(isInputWidget({ kind: 'button', clicks: 0, label: 'x' })).toBe(false);
});

describe('isProgressWidget', () => {
  it('accepts a progress widget and rejects other kinds', () => {
    expect(isProgressWidget({ kind: 'progress', label: 'epochs', value: 37, max: 100 })).toBe(true);
    expect(isProgressWidget({ kind: 'slider', value: 1, max: 2 })).toBe(false);
    expect(isProgressWidget({ kind: 'progress', value: '37', max: 100 })).toBe(false);
  });
});
