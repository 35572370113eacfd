/**
 * A binary heap of (score, node) pairs for HNSW's searches: `max` pops the highest score
 * first (the candidates still to visit), `min` the lowest (the worst of the results kept).
 */
export class ScoreHeap {
  private readonly scores: number[] = [];
  private readonly nodes: number[] = [];
  // +1 pops the highest score first, -1 the lowest.
  private readonly sign: number;

  constructor(order: 'max' | 'min') {
    this.sign = order === 'max' ? 1 : -1;
  }

  get size(): number {
    return this.scores.length;
  }

  /** The score that would pop next. */
  peekScore(): number {
    return this.scores[0];
  }

  peekNode(): number {
    return this.nodes[0];
  }

  push(score: number, node: number): void {
    const { scores, nodes, sign } = this;
    let at = scores.length;
    scores.push(score);
    nodes.push(node);
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
    const lastScore = scores.pop() as number;
    const lastNode = nodes.pop() as number;
    const count = scores.length;
    if (count === 0) return top;
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

  /** Every (score, node), in no particular order. */
  entries(): { score: number; node: number }[] {
    return this.scores.map((score, i) => ({ score, node: this.nodes[i] }));
  }
}
