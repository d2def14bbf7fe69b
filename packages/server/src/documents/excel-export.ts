import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { EntityDef, Lang } from '@kjj/domain';
import { excelFields, headerOf, toCell, type RefLookups } from './excel-cells.js';

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
  sheet.columns = fields.map(([name, field]) => ({
    header: headerOf(field, lang),
    key: name,
    width: field.kind === 'text' ? 30 : 16,
    style: field.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  for await (const row of rows) {
    sheet.addRow(fields.map(([name, field]) => toCell(field, row[name], lang, refs))).commit();
    count += 1;
  }
  sheet.commit();
  await book.commit();
  return count;
}
