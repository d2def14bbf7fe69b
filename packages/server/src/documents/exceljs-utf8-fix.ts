import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';

/**
 * exceljs 4.4 (the latest release) decodes each streamed chunk of a sheet on its own, so a Chinese
 * character split across two chunks becomes "��" (exceljs issues #2063, #2084, #2316; fixes
 * proposed in PRs #1665, #2081, #2894, none released). Imports read sheets as streams, so without
 * this every few thousand rows an enterprise name would be corrupted — or refused as invalid.
 *
 * The fix is the one proposed upstream: decode the stream as UTF-8 text with a decoder that keeps
 * partial characters between chunks. It is applied once, to the two readers the streaming
 * WorkbookReader uses; `excel-read.test.ts` pins the behaviour.
 */
const require = createRequire(import.meta.url);
const WorksheetReader = require('exceljs/lib/stream/xlsx/worksheet-reader.js') as {
  prototype: Record<string | symbol, unknown>;
};
const WorkbookReader = require('exceljs/lib/stream/xlsx/workbook-reader.js') as {
  prototype: Record<string | symbol, unknown>;
};

const PATCHED = Symbol.for('kjj.exceljsUtf8Fix');

async function* decoded(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

if (!WorksheetReader.prototype[PATCHED]) {
  const parseSheet = WorksheetReader.prototype.parse as (this: {
    iterator: AsyncIterable<Buffer>;
  }) => AsyncGenerator;
  WorksheetReader.prototype.parse = function (this: { iterator: AsyncIterable<Buffer | string> }) {
    this.iterator = decoded(this.iterator);
    return parseSheet.call(this as { iterator: AsyncIterable<Buffer> });
  };
  const parseSharedStrings = WorkbookReader.prototype._parseSharedStrings as (
    this: unknown,
    entry: NodeJS.ReadableStream,
  ) => AsyncGenerator;
  WorkbookReader.prototype._parseSharedStrings = function (this: unknown, entry: NodeJS.ReadableStream) {
    entry.setEncoding('utf8');
    return parseSharedStrings.call(this, entry);
  };
  WorksheetReader.prototype[PATCHED] = true;
}
