import ExcelJS from 'exceljs';
import type { EntityDef, FieldDef, Lang, Text } from '@kjj/domain';
import { excelFields, headerOf, toCell, type RefLookups } from './excel-cells.js';

/** Rows whose first cell starts with this are examples and are skipped on import. */
export const SAMPLE_MARK = '【示例】';
const DATA_ROWS = 5000;

function optionsOf(field: FieldDef, lang: Lang, refs: RefLookups): string[] | undefined {
  if (field.kind === 'enum')
    return field.values.codes.map((c) => (field.values.labels as Record<string, Text>)[c]?.[lang] ?? c);
  if (field.kind === 'bool') return lang === 'zh' ? ['是', '否'] : ['Yes', 'No'];
  if (field.kind === 'ref') return [...(refs.names[field.target]?.byName.keys() ?? [])];
  if (field.kind === 'dict')
    return (refs.dicts[field.dict] ?? []).filter((e) => e.active).map((e) => e.label[lang]);
  return undefined;
}

function noteOf(field: FieldDef, lang: Lang): string | undefined {
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (field.required) parts.push(zh ? '必填' : 'Required');
  if (field.help) parts.push(field.help[lang]);
  if (field.kind === 'date')
    parts.push(zh ? '日期，如 2020-05-19 或 2020年5月19日' : 'Date, e.g. 2020-05-19');
  if (field.kind === 'money') parts.push(zh ? '数字，最多保留规定小数位' : 'A number');
  if (field.kind === 'qty')
    parts.push(
      zh ? `数量，可带修饰词，如“30多”“约100”“8000余”` : 'A count, qualifiers allowed (30多, 约100)',
    );
  if (field.kind === 'tags') parts.push(zh ? '多个用顿号“、”分隔' : 'Separate several with 、');
  if (field.kind === 'text') parts.push(zh ? `不超过${field.max}字` : `At most ${field.max} characters`);
  return parts.length ? parts.join(zh ? '；' : '; ') : undefined;
}

/**
 * The import template of an entity: zh-CN headers with units, notes on each header, drop-down
 * lists from enums and references (kept on a hidden sheet), and one marked sample row.
 */
export async function buildTemplate(def: EntityDef, lang: Lang, refs: RefLookups): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'kjj';
  const sheet = book.addWorksheet(def.label[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = book.addWorksheet('options', { state: 'veryHidden' });
  const fields = excelFields(def);
  sheet.columns = fields.map(([name, field]) => ({
    header: headerOf(field, lang),
    key: name,
    width: field.kind === 'text' ? Math.min(40, Math.max(14, field.max / 3)) : 16,
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  fields.forEach(([, field], i) => {
    const cell = header.getCell(i + 1);
    const note = noteOf(field, lang);
    if (note) cell.note = note;
    const options = optionsOf(field, lang, refs);
    if (options && options.length > 0) {
      const col = lists.getColumn(i + 1);
      options.forEach((o, j) => (lists.getCell(j + 1, col.number).value = o));
      const letter = sheet.getColumn(i + 1).letter;
      const validations = (
        sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations;
      validations.add(`${letter}2:${letter}${DATA_ROWS}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`options!$${col.letter}$1:$${col.letter}$${options.length}`],
        showErrorMessage: true,
        errorTitle: lang === 'zh' ? '取值无效' : 'Invalid value',
        error: lang === 'zh' ? '请从下拉列表中选择' : 'Pick a value from the list',
      });
    }
  });
  const sampleRow = sheet.getRow(2);
  fields.forEach(([name, field], i) => {
    const value = toCell(field, def.sample[name], lang, refs);
    if (value !== null) sampleRow.getCell(i + 1).value = value;
  });
  sampleRow.getCell(1).value = `${SAMPLE_MARK}${String(sampleRow.getCell(1).value ?? '')}`;
  sampleRow.font = { italic: true, color: { argb: 'FF808080' } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
