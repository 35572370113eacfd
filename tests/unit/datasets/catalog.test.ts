// The committed datasets/ folder agrees with its own catalog and README.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/csv';
import { DATASETS_DIR, readCatalogFromDisk } from './site-stub';

interface Entry {
  name: string;
  file: string;
  task: string;
  target: string;
  features: string[];
  targetNames?: string[];
  rows: number;
  encodings?: { column: string }[];
  imageShape?: number[];
  license: string;
  source: string;
}

const catalog = readCatalogFromDisk() as Entry[];

describe('datasets/catalog.json', () => {
  it('lists the ten datasets with unique names', () => {
    const names = catalog.map((entry) => entry.name);
    expect(names).toEqual([
      'diabetes',
      'iris',
      'penguins',
      'wine',
      'breast-cancer',
      'titanic',
      'churn',
      'digits',
      'mnist',
      'fashion-mnist',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  const tables = catalog.filter((entry) => entry.imageShape === undefined);
  describe.each(tables.map((entry) => [entry.name, entry] as const))('%s', (_, entry) => {
    const path = join(DATASETS_DIR, entry.file);

    it('has its file, with the catalog row count and columns', () => {
      expect(existsSync(path)).toBe(true);
      const table = parseCsv(readFileSync(path, 'utf8'), entry.file);
      expect(table.records).toHaveLength(entry.rows);
      const encoded = new Set(entry.encodings?.map((encoding) => encoding.column));
      const plainFeatures = entry.features.filter((f) => table.columns.includes(f) && !encoded.has(f));
      for (const feature of plainFeatures) expect(table.numericColumns.has(feature)).toBe(true);
      // Every column is a plain feature, an encoded text column, the target, or (titanic) a name.
      const extra = table.columns.filter(
        (c) => !plainFeatures.includes(c) && !encoded.has(c) && c !== entry.target,
      );
      expect(extra).toEqual(entry.name === 'titanic' ? ['name'] : []);
    });

    it('names every class that occurs in the file', () => {
      const table = parseCsv(readFileSync(path, 'utf8'), entry.file);
      const values = new Set(table.records.map((record) => String(record[entry.target])));
      if (entry.task === 'classification') {
        expect([...values].sort()).toEqual([...(entry.targetNames ?? [])].sort());
      } else {
        expect(entry.targetNames).toBeUndefined();
        expect(table.numericColumns.has(entry.target)).toBe(true);
      }
    });

    it('is described in datasets/README.md with its licence and source', () => {
      const readme = readFileSync(join(DATASETS_DIR, 'README.md'), 'utf8');
      expect(readme).toContain(`[${entry.file}](./${entry.file})`);
      expect(readme).toContain(entry.license);
      expect(entry.source).toMatch(/from (Debian|npm) package [\w.-]+ \d/);
    });
  });
});
