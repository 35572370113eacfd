/**
 * The k best of a stream of scores, kept in a min-heap of size k: each new score is compared
 * with the worst kept one and usually dropped at once, so choosing 10 of 100,000 costs about
 * 100,000 comparisons instead of a sort of all of them.
 */
export class TopK {
  readonly k: number;
  private readonly scores: Float64Array;
  private readonly items: Int32Array;
  private count = 0;

  constructor(k: number) {
    this.k = k;
    this.scores = new Float64Array(k);
    this.items = new Int32Array(k);
  }

  /** The score a new item must beat to be kept (-Infinity until k are kept). */
  get threshold(): number {
    return this.count < this.k ? -Infinity : this.scores[0];
  }

  push(score: number, item: number): void {
    if (this.k === 0) return;
    if (this.count < this.k) {
      this.siftUp(this.count++, score, item);
    } else if (score > this.scores[0]) {
      this.siftDown(score, item);
    }
  }

  /** Kept items, best first (ties: lower item first). */
  sorted(): { item: number; score: number }[] {
    const out: { item: number; score: number }[] = [];
    for (let i = 0; i < this.count; i++) out.push({ item: this.items[i], score: this.scores[i] });
    return out.sort((a, b) => b.score - a.score || a.item - b.item);
  }

  private siftUp(at: number, score: number, item: number): void {
    const { scores, items } = this;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (scores[parent] <= score) break;
      scores[at] = scores[parent];
      items[at] = items[parent];
      at = parent;
    }
    scores[at] = score;
    items[at] = item;
  }

  /** Replaces the root (the worst kept) with a better item and restores the heap. */
  private siftDown(score: number, item: number): void {
    const { scores, items, count } = this;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= count) break;
      if (child + 1 < count && scores[child + 1] < scores[child]) child++;
      if (scores[child] >= score) break;
      scores[at] = scores[child];
      items[at] = items[child];
      at = child;
    }
    scores[at] = score;
    items[at] = item;
  }
}
