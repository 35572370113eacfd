import { expect, test } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { chooseRenderer, RENDER_PREFERENCE } from '../../../src/ui/outputs/choose';
import {
  fileTooLarge,
  isInputWidget,
  sliderValue,
  stepDecimals,
  type SliderWidget,
} from '../../../src/ui/outputs/input-widget';

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

test('chooseRenderer picks the widget renderer for input widgets', () => {
  const bundle = { [MIME.widget]: SLIDER, [MIME.text]: 'Slider' };
  expect(chooseRenderer(bundle, RENDER_PREFERENCE)?.mime).toBe(MIME.widget);
  const unknown = { [MIME.widget]: { kind: 'dial' }, [MIME.text]: 'Dial' };
  expect(chooseRenderer(unknown, RENDER_PREFERENCE)?.mime).toBe(MIME.text);
});

test('sliderValue rounds a drag to the step decimals and clamps it', () => {
  expect(stepDecimals(0.05)).toBe(2);
  expect(stepDecimals(1)).toBe(0);
  expect(stepDecimals(1e-7)).toBe(7);
  expect(sliderValue(0.30000000000000004, SLIDER)).toBe(0.3);
  expect(sliderValue(1.2, SLIDER)).toBe(1);
});

test('fileTooLarge names the file, its size and the limit', () => {
  expect(fileTooLarge('a.csv', 100, 200)).toBeUndefined();
  expect(fileTooLarge('big.csv', 25 * 1024 * 1024, 20 * 1024 * 1024)).toBe(
    'big.csv is 25.0 MB; files up to 20.0 MB can be loaded here.',
  );
});
