/**
 * The learner's changed cells packed into a link: JSON, deflated (CompressionStream
 * 'deflate-raw'), base64url. The link lives in the lesson route's hash params
 * (`#/lesson/<slug>?edits=…`), so it works on any static host and never reaches a server.
 *
 * Opening such a link only *offers* the changes: the page asks before saving anything.
 */

/** Links longer than this break in chat apps and some browsers: offer a file instead. */
export const MAX_LINK_CHARS = 8000;
/** A link that inflates past this is not one we wrote (a "zip bomb"): refuse it. */
export const MAX_DECODED_BYTES = 1_000_000;

const FORMAT_VERSION = 1;

/** Cell id → the learner's code, for the cells that differ from the lesson. */
export type CellChanges = Record<string, string>;

export class EditsLinkError extends Error {
  override name = 'EditsLinkError';
}

export async function encodeEdits(changes: CellChanges): Promise<string> {
  const json = JSON.stringify({ v: FORMAT_VERSION, cells: changes });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return toBase64Url(packed);
}

export async function decodeEdits(encoded: string): Promise<CellChanges> {
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) {
    throw new EditsLinkError(
      'The edits in this link are damaged (it has characters a Playgrad link never has). Was it cut short when copied?',
    );
  }
  let json: string;
  try {
    const bytes = await pipe(
      fromBase64Url(encoded),
      new DecompressionStream('deflate-raw'),
      MAX_DECODED_BYTES,
    );
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof EditsLinkError) throw error;
    throw new EditsLinkError(
      'The edits in this link could not be unpacked: the link is damaged or was cut short when copied.',
    );
  }
  return readPayload(json);
}

/** True when a link is too long to share safely (the learner is offered a file instead). */
export function linkTooLong(href: string): boolean {
  return href.length > MAX_LINK_CHARS;
}

function readPayload(json: string): CellChanges {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new EditsLinkError('The edits in this link are not readable (not JSON).');
  }
  if (typeof value !== 'object' || value === null || !('cells' in value) || !('v' in value)) {
    throw new EditsLinkError('The edits in this link are not in the format Playgrad writes.');
  }
  if (value.v !== FORMAT_VERSION) {
    throw new EditsLinkError(
      `The edits in this link use format ${String(value.v)}; this version of Playgrad reads format ${FORMAT_VERSION}.`,
    );
  }
  const cells = value.cells;
  if (typeof cells !== 'object' || cells === null || Array.isArray(cells)) {
    throw new EditsLinkError('The edits in this link name no cells.');
  }
  const changes: CellChanges = {};
  for (const [cellId, source] of Object.entries(cells)) {
    if (typeof source !== 'string') {
      throw new EditsLinkError(`The edit of cell "${cellId}" in this link is not code.`);
    }
    changes[cellId] = source;
  }
  return changes;
}

/** Runs bytes through a (de)compression stream, refusing output beyond `limit` bytes. */
async function pipe(
  input: Uint8Array<ArrayBuffer>,
  transform: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  // Errors surface on the reading side; the writer's own promises must not go unhandled.
  writer.write(input).catch(() => undefined);
  writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = transform.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new EditsLinkError('The edits in this link unpack to far more than a lesson holds.');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new EditsLinkError('The edits in this link are damaged (not base64url).');
  }
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
