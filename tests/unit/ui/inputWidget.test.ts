import { expect, test } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { chooseRenderer, RENDER_PREFERENCE } from '../../../src/ui/outputs/choose';
import type { SliderWidget } from '../../../src/protocol/widgets';
import { fileTooLarge, sliderValue, stepDecimals } from '../../../src/ui/outputs/input-widget';

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
