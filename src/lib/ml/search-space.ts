/**
 * The parameters a search draws, each with its range: Optuna's suggest_int / suggest_float
 * (log=True) / suggest_categorical, written as data so a study can be printed and saved.
 */
import type { Rng } from './rng';

export type SearchParam =
  /** A whole number from low to high inclusive (on a grid of `step`, default 1). */
  | { type: 'int'; low: number; high: number; step?: number }
  /** A number drawn uniformly from [low, high). */
  | { type: 'float'; low: number; high: number }
  /** A positive number drawn uniformly in log scale: as likely in [1e-4, 1e-3) as in [0.1, 1). */
  | { type: 'log'; low: number; high: number }
  /** One of the values, each equally likely. */
  | { type: 'choice'; values: readonly Choice[] };

export type Choice = number | string | boolean;
export type SearchSpace = Readonly<Record<string, SearchParam>>;
export type Params = Record<string, Choice>;

/** Checks every entry up front, naming the one that is wrong. */
export function checkSpace(space: unknown): asserts space is SearchSpace {
  if (typeof space !== 'object' || space === null || Object.keys(space).length === 0) {
    throw new TypeError(
      "space must name at least one parameter, e.g. { depth: { type: 'int', low: 1, high: 8 } }",
    );
  }
  for (const [name, param] of Object.entries(space as Record<string, SearchParam>)) {
    const type = (param as { type?: unknown })?.type;
    if (type === 'choice') {
      const values = (param as { values?: unknown }).values;
      if (!Array.isArray(values) || values.length === 0) {
        throw new RangeError(`space.${name}: a choice needs a non-empty values list`);
      }
      continue;
    }
    if (type !== 'int' && type !== 'float' && type !== 'log') {
      throw new RangeError(
        `space.${name}: type must be 'int', 'float', 'log' or 'choice', got ${String(type)}`,
      );
    }
    const { low, high } = param as { low: unknown; high: unknown };
    if (
      typeof low !== 'number' ||
      typeof high !== 'number' ||
      !Number.isFinite(low) ||
      !Number.isFinite(high)
    ) {
      throw new TypeError(`space.${name}: low and high must be finite numbers`);
    }
    if (!(low <= high)) throw new RangeError(`space.${name}: low (${low}) is above high (${high})`);
    if (type === 'log' && low <= 0)
      throw new RangeError(`space.${name}: a log range needs low > 0`);
    if (type === 'int') {
      const step = (param as { step?: number }).step ?? 1;
      if (
        !Number.isInteger(low) ||
        !Number.isInteger(high) ||
        !Number.isInteger(step) ||
        step < 1
      ) {
        throw new RangeError(`space.${name}: an int range needs whole low, high and step >= 1`);
      }
    }
  }
}

/** One draw of every parameter, in the space's key order. */
export function sample(space: SearchSpace, rng: Rng): Params {
  const params: Params = {};
  for (const [name, param] of Object.entries(space)) params[name] = draw(param, rng);
  return params;
}

function draw(param: SearchParam, rng: Rng): Choice {
  switch (param.type) {
    case 'int': {
      const step = param.step ?? 1;
      return param.low + step * rng.int(Math.floor((param.high - param.low) / step) + 1);
    }
    case 'float':
      return param.low + (param.high - param.low) * rng.next();
    case 'log':
      return Math.exp(
        Math.log(param.low) + (Math.log(param.high) - Math.log(param.low)) * rng.next(),
      );
    case 'choice':
      return param.values[rng.int(param.values.length)];
  }
}
