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
  license: string;
  source: string;
}

const catalog = readCatalogFromDisk() as Entry[];

describe('datasets/catalog.json', () => {
  it('lists diabetes and iris with unique names', () => {
    const names = catalog.map((entry) => entry.name);
    expect(names).toEqual(['diabetes', 'iris']);
    expect(new Set(names).size).toBe(names.length);
  });

  describe.each(catalog.map((entry) => [entry.name, entry] as const))('%s', (_, entry) => {
    const path = join(DATASETS_DIR, entry.file);

    it('has its file, with the catalog row count and columns', () => {
      expect(existsSync(path)).toBe(true);
      const table = parseCsv(readFileSync(path, 'utf8'), entry.file);
      expect(table.records).toHaveLength(entry.rows);
      expect(table.columns).toEqual([...entry.features, entry.target]);
      for (const feature of entry.features) expect(table.numericColumns.has(feature)).toBe(true);
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
      expect(entry.source).toMatch(/Debian package python3-sklearn \d/);
    });
  });
});
