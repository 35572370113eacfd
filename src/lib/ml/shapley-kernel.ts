/**
 * KernelSHAP (Lundberg & Lee 2017): Shapley values as the weighted least-squares fit of a
 * linear model over coalitions, v(S) ≈ v(∅) + Σ_{j∈S} φ_j, with the Shapley kernel weight
 * (d − 1) / (C(d, |S|) · |S| · (d − |S|)) and the efficiency constraint Σ φ = v(all) − v(∅)
 * enforced exactly (φ_d is eliminated). When every coalition fits in the sample budget
 * they are all enumerated with their kernel weights, and the fit IS the exact Shapley
 * value. Otherwise coalitions are drawn from the kernel's own distribution over sizes
 * (then weighted equally), each with its complement (paired sampling, which cancels much
 * of the noise), once per call and seeded, so every row is explained with the same draws.
 */
import { binomial } from './shapley-coalitions';
import type { Rng } from './rng';

export interface KernelDesign {
  masks: Uint8Array[];
  weights: Float64Array;
}

/** The coalitions (neither empty nor full) the fit uses, and their weights. */
export function kernelDesign(d: number, nSamples: number, rng: Rng): KernelDesign {
  if (d < 31 && 2 ** d - 2 <= nSamples) return allCoalitions(d);
  const sizes = Array.from({ length: d - 1 }, (_, i) => i + 1);
  const sizeWeights = sizes.map((s) => (d - 1) / (s * (d - s)));
  const total = sizeWeights.reduce((a, b) => a + b, 0);
  const masks: Uint8Array[] = [];
  const features = Array.from({ length: d }, (_, j) => j);
  while (masks.length < nSamples) {
    let u = rng.next() * total;
    let s = 1;
    while (u > sizeWeights[s - 1] && s < d - 1) u -= sizeWeights[s++ - 1];
    const mask = new Uint8Array(d);
    // A partial Fisher–Yates shuffle picks s distinct features.
    for (let i = 0; i < s; i++) {
      const pick = i + rng.int(d - i);
      [features[i], features[pick]] = [features[pick], features[i]];
      mask[features[i]] = 1;
    }
    masks.push(
      mask,
      mask.map((bit) => 1 - bit),
    );
  }
  return { masks, weights: new Float64Array(masks.length).fill(1) };
}

function allCoalitions(d: number): KernelDesign {
  const masks: Uint8Array[] = [];
  const weights: number[] = [];
  for (let m = 1; m < 2 ** d - 1; m++) {
    const mask = Uint8Array.from({ length: d }, (_, j) => (m >> j) & 1);
    const s = mask.reduce((a, b) => a + b, 0);
    masks.push(mask);
    weights.push((d - 1) / (binomial(d, s) * s * (d - s)));
  }
  return { masks, weights: Float64Array.from(weights) };
}

/**
 * The constrained weighted least-squares solution for one row: `values[k]` is v(masks[k]),
 * `empty` v(∅), `full` v(all).
 */
export function kernelFit(
  design: KernelDesign,
  values: Float64Array,
  empty: number,
  full: number,
): number[] {
  const { masks, weights } = design;
  const d = masks[0]?.length ?? 1;
  const delta = full - empty;
  if (d === 1) return [delta];
  const p = d - 1;
  const normal = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  const a = new Float64Array(p);
  masks.forEach((mask, k) => {
    const last = mask[d - 1];
    for (let j = 0; j < p; j++) a[j] = mask[j] - last;
    const target = values[k] - empty - last * delta;
    const w = weights[k];
    for (let i = 0; i < p; i++) {
      if (a[i] === 0) continue;
      rhs[i] += w * a[i] * target;
      for (let j = 0; j < p; j++) normal[i * p + j] += w * a[i] * a[j];
    }
  });
  const phi = solve(normal, rhs, p);
  const rest = phi.reduce((s, v) => s + v, 0);
  return [...phi, delta - rest];
}

/** Gaussian elimination with partial pivoting; a tiny ridge keeps rare rank deficits solvable. */
function solve(matrix: Float64Array, rhs: Float64Array, n: number): number[] {
  const m = Float64Array.from(matrix);
  const b = Float64Array.from(rhs);
  for (let i = 0; i < n; i++) m[i * n + i] += 1e-12;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(m[r * n + col]) > Math.abs(m[pivot * n + col])) pivot = r;
    }
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        [m[col * n + c], m[pivot * n + c]] = [m[pivot * n + c], m[col * n + c]];
      }
      [b[col], b[pivot]] = [b[pivot], b[col]];
    }
    const diagonal = m[col * n + col];
    for (let r = col + 1; r < n; r++) {
      const factor = m[r * n + col] / diagonal;
      if (factor === 0) continue;
      for (let c = col; c < n; c++) m[r * n + c] -= factor * m[col * n + c];
      b[r] -= factor * b[col];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = b[r];
    for (let c = r + 1; c < n; c++) sum -= m[r * n + c] * x[c];
    x[r] = sum / m[r * n + r];
  }
  return x;
}
