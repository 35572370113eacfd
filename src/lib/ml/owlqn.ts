/**
 * Limited-memory quasi-Newton minimisation (L-BFGS) of a smooth convex function plus an
 * optional weighted l1 term Σ λᵢ|xᵢ|, by OWL-QN (Andrew & Gao, "Scalable training of
 * L1-regularized log-linear models", ICML 2007). With every λᵢ = 0 it is plain L-BFGS.
 *
 * The l1 term is not differentiable at 0, so OWL-QN steers by the pseudo-gradient (the
 * steepest-descent direction's negative, which is 0 for a coordinate held at 0 by its
 * penalty), keeps each step inside one orthant and sets to exactly 0 any coordinate that
 * would cross zero: that is how an l1 penalty gives exact zeros here, as in sklearn's saga.
 *
 * It stops when the largest pseudo-gradient entry is below `tol`, or when no step can lower
 * the objective any more within float64 rounding.
 */

/** Writes the gradient of the smooth part into `gradient` and returns its value. */
export type SmoothObjective = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimizeOptions {
  /** Per-coordinate l1 weight (0 leaves a coordinate unpenalised); omit for none. */
  l1?: Float64Array;
  maxIter: number;
  tol: number;
  /** Correction pairs kept. Default 10, as scipy's L-BFGS-B. */
  memory?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  nIter: number;
  converged: boolean;
}

export function minimize(
  smooth: SmoothObjective,
  start: Float64Array,
  options: MinimizeOptions,
): MinimizeResult {
  const n = start.length;
  const l1 = options.l1 ?? new Float64Array(n);
  const memory = options.memory ?? 10;
  const total = (point: Float64Array, gradient: Float64Array) => {
    let value = smooth(point, gradient);
    for (let i = 0; i < n; i++) value += l1[i] * Math.abs(point[i]);
    return value;
  };
  let x = Float64Array.from(start);
  let gradient = new Float64Array(n);
  let value = total(x, gradient);
  let pseudo = pseudoGradient(x, gradient, l1);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  let iter = 0;
  while (iter < options.maxIter && maxAbs(pseudo) >= options.tol) {
    iter++;
    const direction = twoLoop(pseudo, steps, changes);
    if (steps.length === 0) {
      // First step: unit length, since nothing is known of the curvature yet.
      const size = Math.sqrt(dot(pseudo, pseudo));
      for (let i = 0; i < n; i++) direction[i] /= Math.max(1, size);
    }
    // A penalised coordinate may only move downhill of the pseudo-gradient.
    for (let i = 0; i < n; i++) {
      if (l1[i] > 0 && direction[i] * pseudo[i] >= 0) direction[i] = 0;
    }
    if (dot(direction, pseudo) >= 0) {
      // The curvature pairs point uphill (rare, after many rounding-level steps): restart.
      steps.length = 0;
      changes.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -pseudo[i] / Math.max(1, maxAbs(pseudo));
    }
    const orthant = x.map((xi, i) => (xi !== 0 ? Math.sign(xi) : -Math.sign(pseudo[i])));
    const next = new Float64Array(n);
    const nextGradient = new Float64Array(n);
    let nextValue = Infinity;
    let accepted = false;
    for (let stepSize = 1; stepSize > 1e-20; stepSize /= 2) {
      let expected = 0;
      for (let i = 0; i < n; i++) {
        let xi = x[i] + stepSize * direction[i];
        if (l1[i] > 0 && Math.sign(xi) !== orthant[i]) xi = 0;
        next[i] = xi;
        expected += pseudo[i] * (xi - x[i]);
      }
      nextValue = total(next, nextGradient);
      if (nextValue <= value + 1e-4 * expected) {
        accepted = true;
        break;
      }
      // Near the optimum the decrease is below float64 rounding of the value: accept a step
      // that does not raise the value beyond rounding and shrinks the gradient.
      const rounding = 1e-15 * Math.max(1, Math.abs(value));
      if (
        nextValue <= value + rounding &&
        maxAbs(pseudoGradient(next, nextGradient, l1)) < maxAbs(pseudo)
      ) {
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
    const step = next.map((xi, i) => xi - x[i]);
    const change = nextGradient.map((gi, i) => gi - gradient[i]);
    if (dot(step, change) > 1e-300) {
      steps.push(step);
      changes.push(change);
      if (steps.length > memory) {
        steps.shift();
        changes.shift();
      }
    }
    x = Float64Array.from(next);
    gradient = Float64Array.from(nextGradient);
    value = nextValue;
    pseudo = pseudoGradient(x, gradient, l1);
  }
  return { x, value, nIter: iter, converged: maxAbs(pseudo) < options.tol };
}

/** The l1 term's one-sided derivatives folded into the gradient (0 where 0 is optimal). */
function pseudoGradient(x: Float64Array, gradient: Float64Array, l1: Float64Array): Float64Array {
  return gradient.map((g, i) => {
    if (l1[i] === 0) return g;
    if (x[i] > 0) return g + l1[i];
    if (x[i] < 0) return g - l1[i];
    if (g + l1[i] < 0) return g + l1[i];
    if (g - l1[i] > 0) return g - l1[i];
    return 0;
  });
}

/** −H·g for the L-BFGS inverse-Hessian estimate H built from the stored pairs. */
function twoLoop(g: Float64Array, steps: Float64Array[], changes: Float64Array[]): Float64Array {
  const q = Float64Array.from(g);
  const alphas: number[] = [];
  for (let k = steps.length - 1; k >= 0; k--) {
    const a = dot(steps[k], q) / dot(changes[k], steps[k]);
    alphas[k] = a;
    for (let i = 0; i < q.length; i++) q[i] -= a * changes[k][i];
  }
  if (steps.length > 0) {
    const last = steps.length - 1;
    const scale = dot(steps[last], changes[last]) / dot(changes[last], changes[last]);
    for (let i = 0; i < q.length; i++) q[i] *= scale;
  }
  for (let k = 0; k < steps.length; k++) {
    const b = dot(changes[k], q) / dot(changes[k], steps[k]);
    for (let i = 0; i < q.length; i++) q[i] += steps[k][i] * (alphas[k] - b);
  }
  return q.map((value) => -value);
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function maxAbs(values: Float64Array): number {
  let largest = 0;
  for (const value of values) largest = Math.max(largest, Math.abs(value));
  return largest;
}
