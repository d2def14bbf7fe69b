import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import './exceljs-utf8-fix.js';

async function sheet(rows: string[][], sharedStrings: boolean): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: sharedStrings });
  const ws = book.addWorksheet('企业');
  for (const row of rows) ws.addRow(row).commit();
  ws.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

async function readBack(file: Buffer): Promise<string[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'ignore',
    hyperlinks: 'ignore',
  });
  const texts: string[] = [];
  for await (const ws of reader)
    for await (const row of ws as AsyncIterable<ExcelJS.Row>)
      texts.push(String((row.values as unknown[])[1]));
  return texts;
}

describe('streaming xlsx reading keeps Chinese text whole', () => {
  for (const sharedStrings of [false, true]) {
    it(`across chunk boundaries (${sharedStrings ? 'shared' : 'inline'} strings)`, async () => {
      // Thousands of multi-byte names guarantee characters that straddle decompression chunks.
      const names = Array.from({ length: 20_000 }, (_, i) => [`辰溪县第${i}号农业科技有限公司`]);
      const texts = await readBack(await sheet(names, sharedStrings));
      expect(texts.filter((t) => t.includes('\ufffd'))).toEqual([]);
      expect(texts).toEqual(names.map((n) => n[0]));
    });
  }
});
