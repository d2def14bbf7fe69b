import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { EntityDef, Lang } from '@kjj/domain';
import { excelFields, headerOf, toCell, type RefLookups } from './excel-cells.js';

/** Shared by every cell of a column (see the loop below); never changed. */
const DATE_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: 'yyyy-mm-dd' });
const PLAIN_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/**
 * Streams rows into an xlsx as they arrive: memory stays flat whatever the row count, and the
 * same columns and headers as the template make an export re-importable.
 */
export async function writeExport(
  out: Writable,
  def: EntityDef,
  lang: Lang,
  refs: RefLookups,
  rows: AsyncIterable<Record<string, unknown>>,
): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = book.addWorksheet(def.label[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  const fields = excelFields(def);
  const styles = fields.map(([, field]) => (field.kind === 'date' ? DATE_STYLE : PLAIN_STYLE));
  sheet.columns = fields.map(([name, field], i) => ({
    header: headerOf(field, lang),
    key: name,
    width: field.kind === 'text' ? 30 : 16,
    style: styles[i],
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  for await (const row of rows) {
    // An empty value is left out (undefined) rather than written as an empty cell: exceljs would
    // give each empty cell a style copy of its own and render it (a third of an export's time).
    const line = sheet.addRow(
      fields.map(([name, field]) => toCell(field, row[name], lang, refs) ?? undefined),
    );
    // exceljs gives every row and cell its own copy of the style and then works out each copy's
    // style id anew; handing it one shared object per column lets it find the id by identity.
    (line as unknown as { style: Partial<ExcelJS.Style> }).style = PLAIN_STYLE; // untyped in exceljs
    line.eachCell((cell, column) => (cell.style = styles[column - 1]!));
    line.commit();
    count += 1;
  }
  sheet.commit();
  await book.commit();
  return count;
}
