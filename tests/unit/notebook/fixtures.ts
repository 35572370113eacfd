/** Reads the notebook fixtures shared by the notebook tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/notebooks');

export const readFixture = (name: string): string =>
  readFileSync(path.join(FIXTURES, name), 'utf8');

export const GOOD_FIXTURES = ['full-lesson.md', 'adjacent.md', 'unknown-field.md', 'hints.md'];
