import { describe, expect, test } from 'vitest';
import { choiceStates, offlineReason } from '../../../src/ui/outputs/widgets/hub-choices';
import { isInputWidget } from '../../../src/protocol/widgets';

const MODEL = 'HuggingFaceTB/SmolLM2-135M-Instruct';

describe('choiceStates', () => {
  test('online, every option can be chosen', () => {
    expect(choiceStates([null, MODEL], true, new Set())).toEqual([
      { disabled: false },
      { disabled: false },
    ]);
  });

  test('offline, a hub option is disabled with the reason, the offline option is not', () => {
    expect(choiceStates([null, MODEL], false, new Set())).toEqual([
      { disabled: false },
      { disabled: true, reason: offlineReason(MODEL) },
    ]);
    expect(offlineReason(MODEL)).toBe(
      `Offline: ${MODEL} is not downloaded in this browser — connect to the internet to download it.`,
    );
  });

  test('offline, a hub model the browser stored stays available', () => {
    const states = choiceStates([null, MODEL, 'Xenova/other'], false, new Set([MODEL]));
    expect(states.map((s) => s.disabled)).toEqual([false, false, true]);
  });
});

describe('select widget with hub models', () => {
  const widget = { kind: 'select', id: 's1', cellId: 'c', label: 'answer with', value: 0 };

  test('accepts one entry (a name or null) per option', () => {
    expect(isInputWidget({ ...widget, options: ['a', 'b'], hubModels: [null, MODEL] })).toBe(true);
    expect(isInputWidget({ ...widget, options: ['a', 'b'] })).toBe(true);
  });

  test('draws nothing it does not fully understand', () => {
    expect(isInputWidget({ ...widget, options: ['a', 'b'], hubModels: [MODEL] })).toBe(false);
    expect(isInputWidget({ ...widget, options: ['a', 'b'], hubModels: [null, 3] })).toBe(false);
    expect(isInputWidget({ ...widget, options: ['a', 'b'], hubModels: 'x' })).toBe(false);
  });
});
