// Reads one object from an R package's lazy-load database (data/Rdata.rdx + Rdata.rdb), so
// R datasets in Debian's r-cran-* packages convert with Node alone (no R, no Python).
// It understands what data frames are made of: vectors, lists, attributes, pairlists and
// R's compact integer sequences; anything else (closures, environments) stops with an error.
// Format: R Internals, "Serialization Formats" (XDR, version 2 or 3).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, inflateSync } from 'node:zlib';

const NA_INTEGER = -2147483648;
const TYPES = { SYM: 1, LIST: 2, CLO: 3, ENV: 4, LANG: 6, CHAR: 9, LGL: 10, INT: 13, REAL: 14 };
const VECTOR_TYPES = { STR: 16, VEC: 19, EXPR: 20 };
const SPECIAL = { REF: 255, NIL: 254, GLOBALENV: 253, EMPTYENV: 242, BASEENV: 241, ALTREP: 238 };

/**
 * An R value: vectors become `{ type, values, attributes }` (NA is null); a pairlist becomes
 * `{ type: 'pairlist', entries: [{ tag, value }] }`; a symbol becomes `{ type: 'symbol', name }`.
 */
class Reader {
  constructor(bytes) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.bytes = bytes;
    this.offset = 0;
    this.refs = [];
  }

  int() {
    const value = this.view.getInt32(this.offset);
    this.offset += 4;
    return value;
  }

  double() {
    const value = this.view.getFloat64(this.offset);
    this.offset += 8;
    return value;
  }

  length() {
    const length = this.int();
    if (length !== -1) return length;
    const upper = this.int();
    return upper * 2 ** 32 + (this.int() >>> 0);
  }

  header() {
    const magic = String.fromCharCode(this.bytes[0], this.bytes[1]);
    if (magic !== 'X\n') throw new Error(`not an XDR R serialization (starts ${magic})`);
    this.offset = 2;
    const version = this.int();
    this.int(); // writer's R version
    this.int(); // oldest R version that can read it
    if (version === 3) {
      const encodingLength = this.int(); // then the native encoding's name, skipped
      this.offset += encodingLength;
    }
    else if (version !== 2) throw new Error(`R serialization version ${version} is not supported`);
  }

  item() {
    const flags = this.int();
    const type = flags & 0xff;
    const hasAttributes = (flags & (1 << 9)) !== 0;
    const hasTag = (flags & (1 << 10)) !== 0;
    switch (type) {
      case SPECIAL.NIL:
      case SPECIAL.GLOBALENV:
      case SPECIAL.EMPTYENV:
      case SPECIAL.BASEENV:
        return null;
      case SPECIAL.REF: {
        const index = flags >> 8 || this.int();
        return this.refs[index - 1];
      }
      case SPECIAL.ALTREP:
        return this.altrep();
      case TYPES.SYM: {
        const symbol = { type: 'symbol', name: this.item() };
        this.refs.push(symbol);
        return symbol;
      }
      case TYPES.LIST:
      case TYPES.LANG:
        return this.pairlist(hasAttributes, hasTag);
      case TYPES.CHAR: {
        const length = this.int();
        if (length === -1) return null;
        const text = new TextDecoder().decode(this.bytes.subarray(this.offset, this.offset + length));
        this.offset += length;
        return text;
      }
      case TYPES.LGL:
      case TYPES.INT:
      case TYPES.REAL:
      case VECTOR_TYPES.STR:
      case VECTOR_TYPES.VEC:
      case VECTOR_TYPES.EXPR:
        return this.vector(type, hasAttributes);
      default:
        throw new Error(`R type ${type} is not supported by this reader`);
    }
  }

  pairlist(hasAttributes, hasTag) {
    const entries = [];
    let attributes = null;
    let more = true;
    while (more) {
      if (hasAttributes) attributes = this.item();
      const tag = hasTag ? this.item() : null;
      entries.push({ tag: tag?.name ?? null, value: this.item() });
      // The CDR is the next cell: read it iteratively so long lists do not overflow the stack.
      const flags = this.int();
      const type = flags & 0xff;
      if (type === SPECIAL.NIL) more = false;
      else if (type === TYPES.LIST) {
        hasAttributes = (flags & (1 << 9)) !== 0;
        hasTag = (flags & (1 << 10)) !== 0;
      } else throw new Error(`unexpected R type ${type} in a pairlist`);
    }
    return { type: 'pairlist', entries, attributes };
  }

  vector(type, hasAttributes) {
    const length = this.length();
    const values = new Array(length);
    for (let i = 0; i < length; i += 1) {
      if (type === TYPES.REAL) {
        const value = this.double();
        values[i] = Number.isNaN(value) ? null : value;
      } else if (type === TYPES.INT || type === TYPES.LGL) {
        const value = this.int();
        values[i] = value === NA_INTEGER ? null : type === TYPES.LGL ? value !== 0 : value;
      } else values[i] = this.item();
    }
    const attributes = hasAttributes ? attributeMap(this.item()) : {};
    return { type, values, attributes };
  }

  altrep() {
    const info = this.item();
    const state = this.item();
    const attributes = attributeMap(this.item());
    const className = info.entries[0].value.name;
    if (className === 'compact_intseq' || className === 'compact_realseq') {
      const [length, start, step] = state.values;
      const values = Array.from({ length }, (_, i) => start + i * step);
      return { type: className === 'compact_intseq' ? TYPES.INT : TYPES.REAL, values, attributes };
    }
    throw new Error(`R ALTREP class ${className} is not supported by this reader`);
  }
}

function attributeMap(pairlist) {
  if (!pairlist) return {};
  return Object.fromEntries(pairlist.entries.map(({ tag, value }) => [tag, value]));
}

/**
 * One lazy-load block: its inflated length (4 bytes), then zlib data (R's default), or, when
 * the package was built with --data-compress=xz (as modeldata is), a type byte and a raw LZMA2
 * stream. Node has no LZMA, so the xz command (xz-utils, on every Debian) decodes it; R writes
 * it with preset 9e, whose 64 MiB dictionary the decoder must be told.
 */
export function decompressBlock(block) {
  const type = String.fromCharCode(block[4]);
  if (type === 'Z') {
    const args = ['--decompress', '--stdout', '--format=raw', '--lzma2=preset=9e'];
    return execFileSync('xz', args, { input: block.subarray(5), maxBuffer: 1 << 30 });
  }
  if (type === '0') return block.subarray(5);
  if (type === '2') throw new Error('bzip2-compressed R data is not supported by this reader');
  return inflateSync(block.subarray(4));
}

function unserialize(bytes) {
  const reader = new Reader(bytes);
  reader.header();
  return reader.item();
}

/**
 * Reads a data frame from `<packageDir>/data/Rdata.rdx|rdb` as plain columns.
 * Factors become their level names; NA becomes null; row names are returned apart.
 * @returns {{ columns: Record<string, (string | number | boolean | null)[]>, rowNames: string[] }}
 */
export function readLazyLoadDataFrame(packageDir, objectName) {
  const base = join(packageDir, 'data', 'Rdata');
  const rdxBytes = readFileSync(`${base}.rdx`);
  // Debian gzips the index; R itself writes a 4-byte length then zlib data.
  const index = unserialize(
    rdxBytes[0] === 0x1f ? gunzipSync(rdxBytes) : inflateSync(rdxBytes.subarray(4)),
  );
  const indexNames = index.attributes.names.values;
  const variables = index.values[indexNames.indexOf('variables')];
  const position = variables.attributes.names.values.indexOf(objectName);
  if (position < 0) throw new Error(`${base}.rdx has no object ${objectName}`);
  const [offset, length] = variables.values[position].values;
  const block = readFileSync(`${base}.rdb`).subarray(offset, offset + length);
  const frame = unserialize(decompressBlock(block));
  const names = frame.attributes.names.values;
  const columns = Object.fromEntries(
    frame.values.map((column, j) => {
      const levels = column.attributes.levels?.values;
      const values = levels ? column.values.map((code) => (code === null ? null : levels[code - 1])) : column.values;
      return [names[j], values];
    }),
  );
  const rowNames = frame.attributes['row.names'].values.map(String);
  return { columns, rowNames };
}
