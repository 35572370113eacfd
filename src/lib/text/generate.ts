/**
 * `text.generate`: text written by a language model from the Hugging Face hub, run in the
 * browser by Transformers.js. The course ships no generator (a useful one is 100+ MB), so
 * `text.useGenerator(name)` downloads one when the learner is online — once, with a
 * progress bar; the browser keeps it (the Offline page lists and deletes it) and it then
 * loads offline too.
 *
 * @example
 * await text.useGenerator()   // HuggingFaceTB/SmolLM2-135M-Instruct, ≈ 200 MB once
 * await text.generate('Name three whales.', { maxNewTokens: 40 })
 */
import type { TextGenerationPipeline } from '@huggingface/transformers';
import seedrandom from 'seedrandom';
import { throwIfInterrupted } from '../context';
import { random } from '../random';
import { loadHubModel } from './hub-model';
import {
  generatedText,
  generationInput,
  generationOptions,
  type GenerateTextOptions,
} from './generation-request';
import { samplingProcessor } from './generation-sampling';
import { textGeneration, type ModelDtype } from './transformers-runtime';

/**
 * The generator the course suggests: SmolLM2-135M-Instruct, an instruction-tuned model
 * small enough for a laptop's CPU, whose repository publishes Transformers.js ONNX weights.
 */
export const SUGGESTED_GENERATOR = 'HuggingFaceTB/SmolLM2-135M-Instruct';
/**
 * The weights file each known model loads: the 4-bit one (onnx/model_q4.onnx, ≈ 200 MB)
 * rather than fp32 (≈ 650 MB). Other models use what their config or Transformers.js picks.
 */
const KNOWN_DTYPES: Readonly<Record<string, ModelDtype>> = { [SUGGESTED_GENERATOR]: 'q4' };

export interface UseGeneratorOptions {
  /** Which weights file to load ('fp32', 'q8', 'q4', …); default: see KNOWN_DTYPES. */
  dtype?: ModelDtype;
}

interface ModelChoice {
  name: string;
  dtype?: ModelDtype;
}

let current: ModelChoice | undefined;
let loaded: (ModelChoice & { generator: Promise<TextGenerationPipeline> }) | undefined;

const same = (a: ModelChoice | undefined, b: ModelChoice) =>
  a?.name === b.name && a.dtype === b.dtype;

/** The name of the model `generate` uses, or undefined before `useGenerator`. */
export function generatorModel(): string | undefined {
  return current?.name;
}

/**
 * Loads a text-generation model from the hub (or from the browser's copy) and makes it
 * the one `generate` uses. After a failure, `generate` keeps the model it had (loading it
 * again if the failed load had released it).
 */
export async function useGenerator(
  name: string = SUGGESTED_GENERATOR,
  { dtype = KNOWN_DTYPES[name] }: UseGeneratorOptions = {},
): Promise<string> {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TypeError(`useGenerator(name): name must be a model name, got ${String(name)}`);
  }
  const choice = { name, dtype };
  // One model in memory at a time: a 135M-parameter model takes ≈ 200 MB.
  if (loaded && !same(loaded, choice)) await release();
  await generatorFor(choice);
  current = choice;
  return name;
}

function generatorFor(choice: ModelChoice): Promise<TextGenerationPipeline> {
  if (loaded && same(loaded, choice)) return loaded.generator;
  const generator = loadFromHub(choice.name, choice.dtype);
  loaded = { ...choice, generator };
  // A failed load must not stick: the next call tries again.
  generator.catch(() => {
    if (loaded?.generator === generator) loaded = undefined;
  });
  return generator;
}

async function loadFromHub(name: string, dtype?: ModelDtype): Promise<TextGenerationPipeline> {
  const pipeline = await textGeneration();
  return loadHubModel(
    {
      name,
      what: 'the generator',
      offlineAdvice: 'Connect to the internet once to download it, or use the extractive answer.',
    },
    (progress) =>
      pipeline('text-generation', name, {
        ...(dtype ? { dtype } : {}),
        progress_callback: progress,
      }),
  );
}

async function release(): Promise<void> {
  const previous = loaded;
  loaded = undefined;
  if (previous) await (await previous.generator.catch(() => undefined))?.dispose();
}

/**
 * The model's continuation of `prompt` — only the new text. An instruction model gets the
 * prompt as a user message in its chat format. Stop works between tokens.
 */
export async function generate(prompt: string, options: GenerateTextOptions = {}): Promise<string> {
  const { settings, sampling } = generationOptions(options);
  if (current === undefined) {
    throw new Error(
      `generate: no model chosen yet — call await text.useGenerator('${SUGGESTED_GENERATOR}') first`,
    );
  }
  const generator = await generatorFor(current);
  const input = generationInput(prompt, Boolean(generator.tokenizer.chat_template));
  // Transformers.js calls each stopping criterion after every new token.
  const stopOnInterrupt = (ids: unknown[]) => {
    throwIfInterrupted();
    return ids.map(() => false);
  };
  const rng = sampling?.seed === undefined ? random : seedrandom(String(sampling.seed));
  // The pipeline passes its options on to model.generate, which takes stopping_criteria
  // and logits_processor; the pipeline's option type does not list them.
  const all = {
    ...settings,
    stopping_criteria: [stopOnInterrupt],
    ...(sampling && { logits_processor: [samplingProcessor(sampling.temperature, rng)] }),
  };
  const output = await generator(input, all as typeof settings);
  return generatedText(output);
}
