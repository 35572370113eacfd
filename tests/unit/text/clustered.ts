import { createRng } from '../../../src/lib/ml/rng';

/** n points in `dim` dimensions around `clusters` Gaussian centres (seeded). */
export function clustered(
  n: number,
  dim: number,
  clusters: number,
  seed: number,
  spread = 0.5,
): number[][] {
  const rng = createRng(seed);
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const centres = Array.from({ length: clusters }, () => Array.from({ length: dim }, normal));
  return Array.from({ length: n }, () => {
    const centre = centres[rng.int(clusters)];
    return centre.map((c) => c + spread * normal());
  });
}

/** The best k ids by brute force in plain numbers, for checking the index against. */
export function bruteForce(
  points: number[][],
  query: number[],
  k: number,
  metric: 'cosine' | 'dot',
): number[] {
  const norm = (v: number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const scores = points.map((p, id) => {
    const dot = p.reduce((s, x, i) => s + x * query[i], 0);
    return { id, score: metric === 'cosine' ? dot / (norm(p) * norm(query)) : dot };
  });
  return scores
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((s) => s.id);
}
