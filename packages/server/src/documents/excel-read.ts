import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import './exceljs-utf8-fix.js';
import { AppError, type EntityDef, type Lang } from '@kjj/domain';
import { cleanText, excelFields, headerOf, normaliseHeader } from './excel-cells.js';
import { SAMPLE_MARK } from './excel-template.js';

export interface SheetRow {
  /** Excel's own row number (the header is row 1). */
  row: number;
  cells: Map<string, unknown>;
}

export interface ColumnInfo {
  field: string;
  letter: string;
  header: string;
}

/** Guards against sheets that are not what they claim (and against decompression bombs). */
const MAX_ROWS = 1_000_000;
const MAX_COLUMNS = 200;

export const columnLetter = (n: number): string => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

/**
 * The same text in memory of its own. V8 keeps a substring as a view into the string it was cut
 * from, so cell texts cut from the parser's chunks kept every chunk of the decompressed sheet
 * alive for as long as an import held its rows: 117 MB of heap for 100,000 rows, 48 MB with
 * copies. Concatenating flattens into a new string, and the slice is a view into that one.
 */
const detached = (text: string): string => ` ${text}`.slice(1);

/** The displayed value of a cell: rich text joined, formulas by their cached result. */
function plainValue(value: ExcelJS.CellValue): { value: unknown; formula: boolean } {
  if (value === null || value === undefined) return { value: null, formula: false };
  if (typeof value !== 'object' || value instanceof Date) return { value, formula: false };
  if ('richText' in value) return { value: value.richText.map((r) => r.text).join(''), formula: false };
  if ('formula' in value || 'sharedFormula' in value)
    return { value: (value as { result?: unknown }).result ?? null, formula: true };
  if ('text' in value) return { value: (value as { text: unknown }).text, formula: false };
  if ('error' in value) return { value: null, formula: false };
  return { value: String(value), formula: false };
}

/**
 * Reads the first sheet of an uploaded workbook as a stream and matches its header row to the
 * definition's Excel columns by zh-CN or English header text (required marks and units ignored).
 */
export async function* readSheet(
  file: Uint8Array,
  def: EntityDef,
  lang: Lang,
  onColumns: (columns: ColumnInfo[]) => void,
  onFormula: (row: number, letter: string) => void,
): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(file)), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const byHeader = new Map<string, string>();
  for (const [name, field] of excelFields(def)) {
    for (const l of ['zh', 'en'] as const) {
      byHeader.set(normaliseHeader(headerOf(field, l)), name);
      byHeader.set(normaliseHeader(field.label[l]), name);
    }
  }
  let columns: Map<number, ColumnInfo> | undefined;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (row.number > MAX_ROWS)
          throw new AppError('INVALID_FILE', {
            reason: lang === 'zh' ? `行数超过${MAX_ROWS}` : `more than ${MAX_ROWS} rows`,
          });
        const values = (row.values as ExcelJS.CellValue[]).slice(0, MAX_COLUMNS + 1);
        if (!columns) {
          columns = new Map();
          values.forEach((v, i) => {
            const field = typeof v === 'string' ? byHeader.get(normaliseHeader(v)) : undefined;
            if (field && ![...columns!.values()].some((c) => c.field === field))
              columns!.set(i, { field, letter: columnLetter(i), header: cleanText(String(v)) });
          });
          onColumns([...columns.values()]);
          continue;
        }
        const cells = new Map<string, unknown>();
        for (const [index, info] of columns) {
          const { value, formula } = plainValue(values[index]);
          if (formula) onFormula(row.number, info.letter);
          cells.set(info.field, typeof value === 'string' ? detached(value) : value);
        }
        const first = values.find((v) => v !== null && v !== undefined);
        if (typeof first === 'string' && first.startsWith(SAMPLE_MARK)) continue;
        if ([...cells.values()].every((v) => v === null || (typeof v === 'string' && cleanText(v) === '')))
          continue;
        yield { row: row.number, cells };
      }
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INVALID_FILE', {
      reason: lang === 'zh' ? '不是有效的Excel（xlsx）文件' : 'not a valid xlsx file',
    });
  }
  if (!columns)
    throw new AppError('INVALID_FILE', { reason: lang === 'zh' ? '工作表为空' : 'the sheet is empty' });
}
