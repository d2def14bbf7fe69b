import {
  formatMoney,
  formatQty,
  parseQty,
  type Qty,
  type QtyField,
  MONEY_UNIT_LABELS,
  parseMoney,
  t,
  type DictEntry,
  type DictField,
  type EntityDef,
  type FieldDef,
  type Lang,
  type Text,
} from '@kjj/domain';

/** Names of referenced rows both ways, e.g. towns: id → 黄溪口镇 and 黄溪口镇 → id. */
export interface RefNames {
  byId: Map<number, string>;
  byName: Map<string, number>;
}
/**
 * What cells need from the database: names of referenced rows (by target) and the entries of
 * managed lists (by list name).
 */
export interface RefLookups {
  names: Record<string, RefNames>;
  dicts: Record<string, DictEntry[]>;
}

const dictLabel = (refs: RefLookups, field: DictField, code: string, lang: Lang): string =>
  refs.dicts[field.dict]?.find((e) => e.code === code)?.label[lang] ?? code;

export const headerOf = (field: FieldDef, lang: Lang): string => {
  const unit =
    field.kind === 'money'
      ? MONEY_UNIT_LABELS[field.display][lang]
      : field.kind === 'int'
        ? field.unit?.[lang]
        : field.kind === 'qty'
          ? field.unit
          : undefined;
  const label = unit
    ? lang === 'zh'
      ? `${field.label.zh}（${unit}）`
      : `${field.label.en} (${unit})`
    : field.label[lang];
  return field.required ? `*${label}` : label;
};

/** Header text compared loosely: no required mark, no spaces, half-width brackets. */
export const normaliseHeader = (s: string): string =>
  s
    .replace(/^\s*[*＊]/, '')
    .replace(/[\s\u00a0]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();

const YES = { zh: '是', en: 'Yes' };
const NO = { zh: '否', en: 'No' };
/** Text that a spreadsheet would run as a formula if the cell were ever re-entered (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** API value → what the cell shows. */
export function toCell(
  field: FieldDef,
  value: unknown,
  lang: Lang,
  refs: RefLookups,
): string | number | Date | null {
  if (value === null || value === undefined) return null;
  switch (field.kind) {
    case 'money':
      return Number(formatMoney(value as number, field.display));
    case 'int':
      return value as number;
    case 'date':
      return new Date(`${value as string}T00:00:00Z`);
    case 'bool':
      return (value ? YES : NO)[lang];
    case 'enum':
      return (field.values.labels as Record<string, Text>)[value as string]?.[lang] ?? String(value);
    case 'ref':
      return refs.names[field.target]?.byId.get(value as number) ?? String(value);
    case 'dict':
      return dictLabel(refs, field, value as string, lang);
    case 'tags':
      return (value as string[]).join('、');
    case 'qty':
      return formatQty(value as Qty, field.unit);
    case 'list':
      return JSON.stringify(value);
    case 'text': {
      const text = value as string;
      return FORMULA_START.test(text) ? `'${text}` : text;
    }
  }
}

const UNMEANT = /[\u200b-\u200d\u2060\ufeff\u00a0\u3000]/;
const FULL_WIDTH = /[\uff01-\uff5e]/;

/**
 * Characters legacy sheets carry that nobody means: NBSP, zero-width marks, BOM. Most cells have
 * none, and a test is cheaper than a replace that finds nothing (an import cleans every cell).
 */
export const cleanText = (s: string): string =>
  UNMEANT.test(s)
    ? s
        .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
        .replace(/[\u00a0\u3000]/g, ' ')
        .trim()
    : s.trim();

const fullWidthToAscii = (s: string): string =>
  FULL_WIDTH.test(s)
    ? s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    : s;

export type CellProblem = { code: string; message: Text };
export type Parsed = { value: unknown; warning?: CellProblem } | { problem: CellProblem };

/** Excel serial day → ISO date (the 1900 leap-year bug is why the epoch is 1899-12-30). */
const serialToIso = (serial: number): string =>
  new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);

export function parseDateText(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(fullWidthToAscii(text));
  if (!m) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

const problem = (code: string, zh: string, en: string): Parsed => ({ problem: { code, message: t(zh, en) } });

/** A cell → the API value the zod schema then validates (null for an empty cell). */
export function fromCell(field: FieldDef, raw: unknown, refs: RefLookups): Parsed {
  if (raw === null || raw === undefined) return { value: null };
  const cleaned = typeof raw === 'string' ? cleanText(raw) : String(raw);
  if (cleaned === '') return { value: null };
  // Undo the export's formula guard.
  if (field.kind === 'text') return { value: /^'[=+\-@]/.test(cleaned) ? cleaned.slice(1) : cleaned };
  const text = typeof raw === 'string' ? fullWidthToAscii(cleaned) : cleaned;
  switch (field.kind) {
    case 'int': {
      const n = typeof raw === 'number' ? raw : Number(text.replace(/,/g, ''));
      return Number.isInteger(n)
        ? { value: n }
        : problem('NOT_INTEGER', '应为整数', 'must be a whole number');
    }
    case 'money': {
      const s =
        typeof raw === 'number'
          ? raw.toFixed(6).replace(/\.?0+$/, '')
          : text.replace(/[,，]/g, '').replace(/万?元$/, '');
      const fen = parseMoney(s, field.display);
      return fen === undefined
        ? problem('BAD_AMOUNT', '金额格式不正确', 'not a valid amount')
        : { value: fen };
    }
    case 'date': {
      if (raw instanceof Date) return { value: raw.toISOString().slice(0, 10) };
      if (typeof raw === 'number') return { value: serialToIso(raw) };
      const iso = parseDateText(text);
      return iso
        ? { value: iso }
        : problem('DATE_INVALID', '日期格式不正确（如2020-05-19）', 'not a date (e.g. 2020-05-19)');
    }
    case 'bool': {
      const s = text.toLowerCase();
      if (['是', 'y', 'yes', 'true', '1', '√'].includes(s)) return { value: true };
      if (['否', 'n', 'no', 'false', '0', '×'].includes(s)) return { value: false };
      return problem('NOT_BOOLEAN', '应填“是”或“否”', 'must be Yes or No');
    }
    case 'enum': {
      const code = field.values.codes.find((c) => {
        const label = (field.values.labels as Record<string, Text>)[c];
        return c === text || label?.zh === text || label?.en.toLowerCase() === text.toLowerCase();
      });
      if (code) return { value: code };
      const options = field.values.codes
        .map((c) => (field.values.labels as Record<string, Text>)[c]?.zh ?? c)
        .join('、');
      return problem('BAD_OPTION', `“${text}”不是可选值（可选：${options}）`, `"${text}" is not an option`);
    }
    case 'ref': {
      const id = refs.names[field.target]?.byName.get(text);
      return id === undefined
        ? problem('REF_NOT_FOUND', `未找到“${text}”`, `"${text}" not found`)
        : { value: id };
    }
    case 'dict': {
      // What a sheet holds is a label (or the code); only entries still in use are accepted.
      const active = (refs.dicts[field.dict] ?? []).filter((e) => e.active);
      const found = active.find(
        (e) => e.code === text || e.label.zh === text || e.label.en.toLowerCase() === text.toLowerCase(),
      );
      if (found) return { value: found.code };
      const options = active.map((e) => e.label.zh).join('、');
      return problem('BAD_OPTION', `“${text}”不是可选值（可选：${options}）`, `"${text}" is not an option`);
    }
    case 'tags':
      return {
        value: text
          .split(/[、,，;；]/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'qty':
      return qtyFromCell(field, raw, text);
    case 'list':
      return problem('NOT_SUPPORTED', '此列不支持导入', 'cannot be imported');
  }
}

/**
 * A counted figure from a cell: a number, or text as staff write it ("30多个", "约100"). Another
 * measure word than the column's is refused rather than silently relabelled.
 */
function qtyFromCell(field: QtyField, raw: unknown, text: string): Parsed {
  if (typeof raw === 'number') return { value: { value: raw, qualifier: 'exact' } };
  const parsed = parseQty(text);
  if (!parsed)
    return problem(
      'BAD_QUANTITY',
      `应为数量，如“30多${field.unit}”`,
      `not a quantity (e.g. 30多${field.unit})`,
    );
  if (parsed.unit !== '' && parsed.unit !== field.unit)
    return problem('BAD_UNIT', `计量单位应为“${field.unit}”`, `the measure word must be ${field.unit}`);
  // R-Q1: "约100余人次" keeps the qualifier nearest the number and says so.
  if (parsed.doubleQualifier)
    return {
      value: parsed.qty,
      warning: {
        code: 'DOUBLE_QUALIFIER',
        message: t(
          `一个数字只能带一个修饰词，已按“${formatQty(parsed.qty, field.unit)}”导入`,
          `one qualifier per figure; imported as ${formatQty(parsed.qty, field.unit)}`,
        ),
      },
    };
  return { value: parsed.qty };
}

/** The Excel columns of a definition, in template order. */
export const excelFields = (def: EntityDef): [string, FieldDef][] =>
  def.excel.map((name) => [name, def.fields[name] as FieldDef]);
