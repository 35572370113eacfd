/**
 * The offline model's tokenizer: greedy longest match over its vocabulary (chat markers,
 * pieces of the template, frequent words with their leading space, and every printable
 * ASCII character), exactly as scripts/models/train-tool-lm.py splits its transcripts.
 * Characters outside the vocabulary (accents, emoji) become '?' so that any text a learner
 * types can be read; the model never saw them anyway.
 */
export class OfflineTokenizer {
  private readonly ids: Map<string, number>;
  private readonly longest: number;
  private readonly unknown: number;

  constructor(readonly vocab: readonly string[]) {
    this.ids = new Map(vocab.map((token, id) => [token, id]));
    this.longest = Math.max(...vocab.map((token) => token.length));
    const question = this.ids.get('?');
    if (question === undefined) throw new Error("The offline model's vocabulary has no '?'");
    this.unknown = question;
  }

  encode(text: string): number[] {
    const ids: number[] = [];
    let i = 0;
    while (i < text.length) {
      let matched = false;
      for (let n = Math.min(this.longest, text.length - i); n > 0; n -= 1) {
        const id = this.ids.get(text.slice(i, i + n));
        if (id !== undefined) {
          ids.push(id);
          i += n;
          matched = true;
          break;
        }
      }
      if (!matched) {
        ids.push(this.unknown);
        // A character outside the basic plane is two UTF-16 units: skip both.
        i += text.codePointAt(i)! > 0xffff ? 2 : 1;
      }
    }
    return ids;
  }

  /** The id of a token that must exist, such as a chat marker. */
  id(token: string): number {
    const id = this.ids.get(token);
    if (id === undefined) throw new Error(`The offline model's vocabulary has no ${token}`);
    return id;
  }

  decode(ids: readonly number[]): string {
    return ids.map((id) => this.vocab[id] ?? '').join('');
  }
}
