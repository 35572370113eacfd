/**
 * A binary heap of (score, node) pairs for HNSW's searches: `max` pops the highest score
 * first (the candidates still to visit), `min` the lowest (the worst of the results kept).
 *
 * Scores and nodes live in typed arrays that grow by doubling and are reused across
 * searches (`clear`), so a search allocates nothing once the heap has reached its size.
 */
export class ScoreHeap {
  private scores = new Float64Array(64);
  private nodes = new Int32Array(64);
  private count = 0;
  // +1 pops the highest score first, -1 the lowest.
  private readonly sign: number;

  constructor(order: 'max' | 'min') {
    this.sign = order === 'max' ? 1 : -1;
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  /** The score that would pop next. */
  peekScore(): number {
    return this.scores[0];
  }

  peekNode(): number {
    return this.nodes[0];
  }

  push(score: number, node: number): void {
    if (this.count === this.scores.length) this.grow();
    const { scores, nodes, sign } = this;
    let at = this.count++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (sign * scores[parent] >= sign * score) break;
      scores[at] = scores[parent];
      nodes[at] = nodes[parent];
      at = parent;
    }
    scores[at] = score;
    nodes[at] = node;
  }

  /** Removes the top; returns its node. */
  pop(): number {
    const { scores, nodes, sign } = this;
    const top = nodes[0];
    const count = --this.count;
    if (count === 0) return top;
    const lastScore = scores[count];
    const lastNode = nodes[count];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= count) break;
      if (child + 1 < count && sign * scores[child + 1] > sign * scores[child]) child++;
      if (sign * scores[child] <= sign * lastScore) break;
      scores[at] = scores[child];
      nodes[at] = nodes[child];
      at = child;
    }
    scores[at] = lastScore;
    nodes[at] = lastNode;
    return top;
  }

  private grow(): void {
    const scores = new Float64Array(this.scores.length * 2);
    const nodes = new Int32Array(this.nodes.length * 2);
    scores.set(this.scores);
    nodes.set(this.nodes);
    this.scores = scores;
    this.nodes = nodes;
  }
}
