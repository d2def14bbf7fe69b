import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';

export interface DownloadedFile {
  fileName: string;
  bytes: Buffer;
}

/** Runs `trigger` (a click) and returns the file the browser downloads because of it. */
export async function captureDownload(page: Page, trigger: () => Promise<void>): Promise<DownloadedFile> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const failure = await download.failure();
  if (failure) throw new Error(`download failed: ${failure}`);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), bytes: await readFile(path) };
}

async function firstSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('the workbook has no worksheet');
  return sheet;
}

/** The first worksheet as rows of displayed text (row 1 is the header). */
export async function sheetText(bytes: Buffer): Promise<string[][]> {
  const sheet = await firstSheet(bytes);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text;
    });
    rows.push(Array.from(cells, (c) => c ?? ''));
  });
  return rows;
}

/** Header text without the required mark: `*企业名称` → `企业名称`. */
const bareHeader = (header: string): string => header.replace(/^\*/, '');

/**
 * The import template with `rows` written below its sample row, each row given as
 * header (without `*`) → cell text. Unknown headers fail loudly rather than being dropped.
 */
export async function fillTemplate(template: Buffer, rows: Record<string, string>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('the template has no worksheet');
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => columns.set(bareHeader(cell.text), col));
  const first = sheet.rowCount + 1;
  rows.forEach((values, i) => {
    const row = sheet.getRow(first + i);
    for (const [header, text] of Object.entries(values)) {
      const col = columns.get(header);
      if (col === undefined) throw new Error(`the template has no column “${header}”`);
      row.getCell(col).value = text;
    }
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
