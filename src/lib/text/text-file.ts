/**
 * Is a picked file text? `inputs.file` reads what it is given as text, and
 * `text.readDocument` indexes that text: an image read as text is thousands of
 * replacement characters that retrieval then "finds". A file is refused, with a message
 * naming it and what is accepted, when its name or type says it is an image, audio,
 * video, an archive or another binary format, or when its content holds a NUL (the test
 * git and grep use: text files never contain one, nearly every binary format does).
 */

// Types are trusted only for images, audio and video: browsers give other types loosely
// (Windows calls a .csv "application/vnd.ms-excel").
const KINDS: { kind: string; type?: RegExp; extension: RegExp }[] = [
  {
    kind: 'an image',
    type: /^image\/(?!svg)/,
    extension: /\.(png|jpe?g|gif|webp|bmp|ico|tiff?|heic|heif|avif|psd)$/i,
  },
  { kind: 'an audio file', type: /^audio\//, extension: /\.(mp3|wav|ogg|oga|flac|m4a|aac|opus)$/i },
  { kind: 'a video', type: /^video\//, extension: /\.(mp4|m4v|mov|webm|avi|mkv)$/i },
  {
    kind: 'an archive',
    extension: /\.(zip|gz|tgz|bz2|xz|7z|rar|tar)$/i,
  },
  {
    kind: 'an office document',
    extension: /\.(docx?|xlsx?|pptx?|odt|ods|odp|epub)$/i,
  },
  {
    kind: 'a binary file',
    extension:
      /\.(exe|dll|so|dylib|bin|wasm|onnx|npy|npz|pkl|h5|parquet|sqlite|db|woff2?|ttf|otf)$/i,
  },
];

/** How much of the content is looked at: binary formats show a NUL in their first bytes. */
const SAMPLE_LENGTH = 8000;

/**
 * What kind of non-text file this is ('an image', …), or undefined for text.
 * @param content the file's text as decoded, or its bytes
 * @param type the MIME type the browser gave, if any
 */
export function nonTextKind(
  name: string,
  content: string | Uint8Array,
  type = '',
): string | undefined {
  const known = KINDS.find((k) => k.extension.test(name) || (k.type?.test(type) ?? false));
  if (known) return known.kind;
  const sample = content.slice(0, SAMPLE_LENGTH);
  const hasNul = typeof sample === 'string' ? sample.includes('\u0000') : sample.includes(0);
  return hasNul ? 'a binary file' : undefined;
}

/**
 * The message for a refused file, e.g. "photo.png is an image, not a text file: pick
 * text, Markdown or PDF files (.txt, .md, .pdf)."
 */
export function notTextMessage(name: string, kind: string, accepted: string): string {
  return `${name} is ${kind}, not a text file: ${accepted}.`;
}

/** What `text.readDocument` reads. */
export const DOCUMENT_FILES = 'pick a text, Markdown or PDF file (.txt, .md, .pdf)';
/** What `inputs.file` reads. */
export const TEXT_FILES = 'this picker reads text files (.txt, .md, .csv, .json, …) and PDFs';

export class NotTextError extends Error {
  override name = 'NotTextError';
}
