import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cellId } from '../../../src/protocol/messages';
import { InterruptedError, setKernelContext } from '../../../src/lib/context';
import { joinTextItems, readPdfPages } from '../../../src/lib/text/pdf';
import { markdownSections, readDocument } from '../../../src/lib/text/document';

/** The PDFs scripts/fixtures/make-test-pdf.mjs writes. */
function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/documents/${name}`, import.meta.url)));
}

/** pdf.js is imported (≈3 MB of JavaScript) on the first PDF read. */
const PDF_TEST_TIMEOUT_MS = 30_000;

describe('readDocument: text and Markdown', () => {
  test('plain text is one part named after the file', async () => {
    const doc = await readDocument({ name: 'notes.txt', text: '  Line one.\nLine two.\n\n' });
    expect(doc).toEqual({
      name: 'notes.txt',
      kind: 'text',
      parts: [{ source: 'notes.txt', text: 'Line one.\nLine two.' }],
    });
  });

  test('an empty text file has no parts', async () => {
    await expect(readDocument({ name: 'empty.txt', text: ' \n ' })).resolves.toMatchObject({
      parts: [],
    });
  });

  test('Markdown: one part per heading section, the heading as source, empty ones dropped', async () => {
    const markdown = [
      'Intro before any heading.',
      '',
      '# Opening hours',
      'Open at nine.',
      '',
      '## Loans ##',
      'Eight books at a time.',
      '```sh',
      '# a comment in code, not a heading',
      '```',
      '# Empty section',
      '# Rooms',
      'The reading room is silent.',
    ].join('\n');
    const doc = await readDocument({ name: 'library.md', text: markdown });
    expect(doc.kind).toBe('markdown');
    expect(doc.parts.map((p) => p.source)).toEqual([
      'library.md',
      'Opening hours',
      'Loans',
      'Rooms',
    ]);
    expect(doc.parts[2].text).toBe(
      '## Loans ##\nEight books at a time.\n```sh\n# a comment in code, not a heading\n```',
    );
    expect(doc.parts[3].text).toBe('# Rooms\nThe reading room is silent.');
  });

  test('.markdown is Markdown too; an unknown extension is plain text', async () => {
    expect((await readDocument({ name: 'a.MARKDOWN', text: '# A\nx' })).kind).toBe('markdown');
    expect((await readDocument({ name: 'a.csv', text: '# A\nx' })).parts).toEqual([
      { source: 'a.csv', text: '# A\nx' },
    ]);
  });

  test('an image or other binary file is refused, naming it and what is read', async () => {
    // A PNG's first bytes, as the page's text decoding hands them over.
    const png = new TextDecoder().decode(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    await expect(readDocument({ name: 'photo.png', text: png })).rejects.toThrow(
      'photo.png is an image, not a text file: pick a text, Markdown or PDF file (.txt, .md, .pdf).',
    );
    // A text-like name does not hide binary content; nor do bytes under another name.
    await expect(readDocument({ name: 'notes.txt', text: png })).rejects.toThrow(
      /notes\.txt is a binary file, not a text file/,
    );
    await expect(
      readDocument({ name: 'a.zip', bytes: new Uint8Array([80, 75, 3, 4]) }),
    ).rejects.toThrow(/a\.zip is an archive/);
  });

  test('markdownSections: a document without headings is one part', () => {
    expect(markdownSections('n.md', 'just text')).toEqual([{ source: 'n.md', text: 'just text' }]);
  });

  test('something that is not a picked file is refused with what to pass', async () => {
    await expect(readDocument('hello' as never)).rejects.toThrow(/expected a picked file/);
    await expect(readDocument({ name: 'x.pdf' } as never)).rejects.toThrow(/\{ name, bytes \}/);
  });
});

describe('readDocument: PDF', () => {
  test(
    'a two-page PDF gives one part per page, named by page',
    async () => {
      const doc = await readDocument({ name: 'harbour.pdf', bytes: fixture('two-pages.pdf') });
      expect(doc.kind).toBe('pdf');
      expect(doc.parts).toEqual([
        {
          source: 'harbour.pdf, page 1',
          text: [
            'The Harbour Museum',
            'The museum opens at ten in the morning, every day but Monday.',
            'Tickets cost eight euros; children under twelve enter for free.',
          ].join('\n'),
        },
        {
          source: 'harbour.pdf, page 2',
          text: [
            'The lighthouse',
            'The old lighthouse was built in 1871 from granite blocks.',
            'Its lamp burned whale oil until the harbour got electricity in 1923.',
          ].join('\n'),
        },
      ]);
    },
    PDF_TEST_TIMEOUT_MS,
  );

  test(
    'bytes may be an ArrayBuffer, and the caller keeps them intact',
    async () => {
      const bytes = fixture('two-pages.pdf');
      const buffer = new ArrayBuffer(bytes.byteLength);
      new Uint8Array(buffer).set(bytes);
      const doc = await readDocument({ name: 'h.pdf', bytes: buffer });
      expect(doc.parts).toHaveLength(2);
      expect(buffer.byteLength).toBe(bytes.byteLength);
    },
    PDF_TEST_TIMEOUT_MS,
  );

  test(
    'a PDF without a text layer says it is probably a scan',
    async () => {
      await expect(
        readDocument({ name: 'scan.pdf', bytes: fixture('no-text.pdf') }),
      ).rejects.toThrow(/scan\.pdf \(1 page\) has no text layer: it is probably a scan/);
    },
    PDF_TEST_TIMEOUT_MS,
  );

  test(
    'a malformed PDF says it is not a valid PDF',
    async () => {
      await expect(
        readDocument({ name: 'broken.pdf', bytes: fixture('broken.pdf') }),
      ).rejects.toThrow(/broken\.pdf is not a valid PDF/);
      const notPdf = new TextEncoder().encode('Just some text, saved as .pdf');
      await expect(readDocument({ name: 'fake.pdf', bytes: notPdf })).rejects.toThrow(
        /fake\.pdf is not a valid PDF/,
      );
    },
    PDF_TEST_TIMEOUT_MS,
  );

  test(
    'a password-protected PDF says so at once, instead of waiting for a password',
    async () => {
      await expect(
        readDocument({ name: 'locked.pdf', bytes: fixture('locked.pdf') }),
      ).rejects.toThrow(/locked\.pdf is protected by a password/);
    },
    PDF_TEST_TIMEOUT_MS,
  );

  test('a PDF that arrived as text is refused with the reason', async () => {
    await expect(readDocument({ name: 'r.pdf', text: '%PDF-1.4' })).rejects.toThrow(
      /arrived as text, not as bytes/,
    );
  });
});

test('joinTextItems: line breaks where a line ends, marked content skipped', () => {
  const items = [
    { str: 'Hello', hasEOL: false },
    { str: ' world', hasEOL: true },
    { type: 'beginMarkedContent' },
    { str: 'Next line  ', hasEOL: true },
    { str: '', hasEOL: true },
    { str: '', hasEOL: true },
    { str: 'After a gap', hasEOL: false },
  ];
  expect(joinTextItems(items)).toBe('Hello world\nNext line\n\nAfter a gap');
});

describe('readPdfPages and Stop', () => {
  test(
    'Stop between pages ends the read with InterruptedError, not a PDF error',
    async () => {
      let checks = 0;
      setKernelContext({
        emit: () => {},
        cellId: () => cellId('pdf-cell'),
        // Not interrupted before page 1, interrupted before page 2.
        interrupted: () => ++checks > 1,
        baseUrl: 'http://localhost/',
      });
      try {
        const reading = readPdfPages('harbour.pdf', fixture('two-pages.pdf'));
        await expect(reading).rejects.toBeInstanceOf(InterruptedError);
        expect(checks).toBe(2);
      } finally {
        setKernelContext(undefined);
      }
    },
    PDF_TEST_TIMEOUT_MS,
  );
});
