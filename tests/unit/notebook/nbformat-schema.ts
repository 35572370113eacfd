/**
 * Validates a notebook against the vendored nbformat 4.5 JSON schema (see
 * tests/fixtures/nbformat/README.md for its source and licence).
 *
 * The schema declares draft-04; Ajv 8 speaks draft-07, which reads every keyword this
 * schema uses (type, enum, oneOf, pattern, min/max, $ref) the same way, so the `$schema`
 * key is dropped rather than adding a draft-04 package.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';

const SCHEMA_FILE = path.resolve(__dirname, '../../fixtures/nbformat/nbformat.v4.5.schema.json');

const { $schema: _draft, ...schema } = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<
  string,
  unknown
>;

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** The schema's complaints about `notebook` (after a JSON round trip); [] when valid. */
export function nbformatErrors(notebook: unknown): string[] {
  if (validate(JSON.parse(JSON.stringify(notebook)))) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
