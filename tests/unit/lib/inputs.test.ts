import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { MIME } from '../../../src/protocol/messages';
import { clearInputs, setInput } from '../../../src/lib/input-registry';
import { inputs, text, toMimeBundle } from '../../../src/lib/index';
import { ofType, recordKernel, type Recording } from './recording-context';

let kernel: Recording;
/** The first PDF read imports pdf.js (≈3 MB of JavaScript). */
const PDF_TEST_TIMEOUT_MS = 30_000;

beforeEach(() => {
  kernel = recordKernel();
  clearInputs();
});

afterEach(() => {
  vi.useRealTimers();
});

function widgetJson(value: unknown): Record<string, unknown> {
  const bundle = toMimeBundle(value);
  const widget = bundle?.[MIME.widget];
  if (typeof widget !== 'object' || widget === null) throw new Error('no widget JSON');
  return widget as Record<string, unknown>;
}

test('inputs.slider shows its bounds and starting value, then reads what the UI sent', () => {
  kernel.runCell('knobs');
  const rate = inputs.slider({ label: 'rate', min: 0, max: 1, step: 0.05, value: 0.3 });
  expect(widgetJson(rate)).toMatchObject({
    kind: 'slider',
    id: rate.id,
    cellId: 'knobs',
    label: 'rate',
    min: 0,
    max: 1,
    step: 0.05,
    value: 0.3,
  });
  expect(rate.value).toBe(0.3);
  setInput(rate.id, 0.75);
  expect(rate.value).toBe(0.75);
  // A value out of range (a stale UI) is clamped; garbage keeps the starting value.
  setInput(rate.id, 7);
  expect(rate.value).toBe(1);
  setInput(rate.id, 'fast');
  expect(rate.value).toBe(0.3);
  expect(toMimeBundle(rate)?.[MIME.text]).toBe('Slider "rate": 0.3');
});

test('inputs.slider refuses bounds that make no range and a start outside them', () => {
  expect(() => inputs.slider({ min: 2, max: 1 })).toThrow(/min < max/);
  expect(() => inputs.slider({ min: 0, max: 1, value: 3 })).toThrow(/outside \[0, 1\]/);
  expect(() => inputs.slider({ step: 0 })).toThrow(/step > 0/);
});

test('each widget gets its own id, so a re-run cell starts from the starting value', () => {
  const first = inputs.slider({ value: 0.2 });
  setInput(first.id, 0.9);
  const second = inputs.slider({ value: 0.2 });
  expect(second.id).not.toBe(first.id);
  expect(second.value).toBe(0.2);
});

test('inputs.select maps the index the UI sends back to any option value', () => {
  const optimizers = { SGD: { name: 'sgd' }, Adam: { name: 'adam' } };
  const choice = inputs.select({ label: 'optimizer', options: optimizers, value: optimizers.Adam });
  expect(widgetJson(choice)).toMatchObject({ options: ['SGD', 'Adam'], value: 1 });
  expect(choice.value).toBe(optimizers.Adam);
  setInput(choice.id, 0);
  expect(choice.value).toBe(optimizers.SGD);
  expect(choice.index).toBe(0);
  setInput(choice.id, 5);
  expect(choice.value).toBe(optimizers.Adam);

  const k = inputs.select({ options: [2, 4, 8] });
  expect(widgetJson(k).options).toEqual(['2', '4', '8']);
  expect(k.value).toBe(2);
  expect(() => inputs.select({ options: ['a', 'b'], value: 'c' })).toThrow(
    /value "c" is not one of the options \(a, b\)/,
  );
  expect(() => inputs.select({ options: [] })).toThrow(/at least one option/);
});

test('inputs.button counts clicks reported by the UI', () => {
  const again = inputs.button({ label: 'New sample' });
  expect(again.clicks).toBe(0);
  expect(widgetJson(again)).toMatchObject({ kind: 'button', label: 'New sample', clicks: 0 });
  setInput(again.id, 3);
  expect(again.clicks).toBe(3);
  expect(again.value).toBe(3);
});

test('inputs.file: text({ fallback }) answers at once until a file is picked', async () => {
  const upload = inputs.file({ label: 'CSV', accept: '.csv' });
  expect(widgetJson(upload)).toMatchObject({ kind: 'file', accept: '.csv', maxBytes: 20971520 });
  await expect(upload.text({ fallback: 'a,b\n1,2' })).resolves.toBe('a,b\n1,2');
  setInput(upload.id, { name: 'mine.csv', text: 'x\n1' });
  await expect(upload.text({ fallback: 'a,b\n1,2' })).resolves.toBe('x\n1');
  expect(upload.fileName).toBe('mine.csv');
  expect(toMimeBundle(upload)?.[MIME.text]).toBe('File input "CSV": mine.csv');
});

test('inputs.file: text() without a fallback shows the picker and waits for the pick', async () => {
  const upload = inputs.file({ label: 'data' });
  const text = upload.text();
  const shown = ofType(kernel.sent, 'display');
  expect(shown).toHaveLength(1);
  expect(shown[0].data[MIME.widget]).toMatchObject({ kind: 'file', id: upload.id });
  setInput(upload.id, 'not a file');
  setInput(upload.id, { name: 'd.txt', text: 'hello' });
  await expect(text).resolves.toBe('hello');
});

test(
  'inputs.file: a PDF arrives as bytes; value keeps them, text() extracts its pages',
  async () => {
    const upload = inputs.file({ accept: '.pdf' });
    const waiting = upload.text();
    const bytes = new Uint8Array(
      readFileSync(new URL('../../fixtures/documents/two-pages.pdf', import.meta.url)),
    );
    setInput(upload.id, { name: 'harbour.pdf', bytes });
    const text = await waiting;
    expect(text).toMatch(/^The Harbour Museum\n.*\n\nThe lighthouse\n/s);
    expect(upload.value).toEqual({ name: 'harbour.pdf', bytes });
    await expect(upload.text({ fallback: 'unused' })).resolves.toBe(text);
    setInput(upload.id, { name: 'fake.pdf', bytes: new TextEncoder().encode('not a PDF') });
    await expect(upload.text()).rejects.toThrow(/fake\.pdf is not a valid PDF/);
  },
  PDF_TEST_TIMEOUT_MS,
);

test('inputs.file: Stop ends the wait for a file', async () => {
  vi.useFakeTimers();
  const upload = inputs.file();
  const text = upload.text();
  kernel.stop.pressed = true;
  vi.advanceTimersByTime(150);
  await expect(text).rejects.toThrow(/Stopped by the learner/);
});

test('inputs.canvas returns zeros, then the fallback, then what was drawn', () => {
  const pad = inputs.canvas({ grid: 4, size: 40 });
  expect(pad.pixels()).toEqual(new Array(16).fill(0));
  expect(pad.drawn).toBe(false);
  expect(widgetJson(pad)).toMatchObject({ kind: 'canvas', size: 40, grid: 4 });
  const sample = Array.from({ length: 16 }, (_, i) => i / 15);
  const withFallback = inputs.canvas({ grid: 4, size: 40, fallback: sample });
  expect(withFallback.pixels()).toEqual(sample);
  const drawn = new Array(16).fill(0);
  drawn[5] = 1;
  setInput(withFallback.id, drawn);
  expect(withFallback.pixels()).toEqual(drawn);
  expect(withFallback.drawn).toBe(true);
  setInput(withFallback.id, [1, 2]);
  expect(withFallback.pixels()).toEqual(sample);
  expect(() => inputs.canvas({ grid: 4, fallback: [1] })).toThrow(/needs 16/);
});

test('inputs.select marks the options that need a hub model, by label', () => {
  kernel.runCell('pick');
  const pick = inputs.select({
    label: 'model',
    options: { shipped: 'local', hub: 'owner/model' },
    hubModels: { hub: 'owner/model' },
  });
  expect(widgetJson(pick)).toMatchObject({
    options: ['shipped', 'hub'],
    hubModels: [null, 'owner/model'],
  });
  expect(widgetJson(inputs.select({ options: ['a'] }))).not.toHaveProperty('hubModels');
  expect(() => inputs.select({ options: ['a', 'b'], hubModels: { c: 'owner/model' } })).toThrow(
    /"c" is not one of the options \(a, b\)/,
  );
  expect(() => inputs.select({ options: ['a', 'b'], hubModels: { b: '' } })).toThrow(
    /"b" needs a model name/,
  );
});

test('text.modelChoice puts the offline choice first and marks the hub one', () => {
  kernel.runCell('choice');
  const answerWith = text.modelChoice({ task: 'generation' });
  expect(answerWith.value).toBe('extractive');
  expect(widgetJson(answerWith)).toMatchObject({
    label: 'answer with',
    options: ['Extractive (offline)', `Generated by ${text.SUGGESTED_GENERATOR} (online)`],
    hubModels: [null, text.SUGGESTED_GENERATOR],
    value: 0,
  });
  setInput(answerWith.id, 1);
  expect(answerWith.value).toBe(text.SUGGESTED_GENERATOR);

  const embedWith = text.modelChoice({ task: 'embedding' });
  expect(embedWith.choices.map(([, value]) => value)).toEqual([
    'playgrad-sif-glove',
    'Xenova/all-MiniLM-L6-v2',
  ]);
  const rerankWith = text.modelChoice({ task: 'reranking' });
  expect(widgetJson(rerankWith)).toMatchObject({
    label: 'rerank with',
    options: ['No reranking (offline)', `Reranked by ${text.SUGGESTED_RERANKER} (online)`],
    hubModels: [null, 'Xenova/ms-marco-MiniLM-L-6-v2'],
  });
  expect(rerankWith.value).toBe(text.NO_RERANKING);
  expect(() => text.modelChoice({ task: 'vision' as 'embedding' })).toThrow(/task must be/);
  expect(() => text.modelChoice({ task: 'embedding', hubModels: ['no-owner'] })).toThrow(
    /not a hub model name/,
  );
});
