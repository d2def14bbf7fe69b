import type { z } from 'zod';
import type { FieldError } from '../errors.js';
import { fill, t, type Lang, type Text } from '../i18n.js';
import type { EntityDef } from './entity.js';
import { QUALIFIERS } from '../qty.js';
import type { EnumDef } from './enums.js';
import type { FieldDef } from './fields.js';

/** Labels for inputs that are not entity fields: meta columns and list parameters. */
export const commonLabels: Record<string, Text> = {
  id: t('编号', 'ID'),
  orgId: t('所属单位', 'Organisation'),
  sectionId: t('所属股室', 'Section'),
  version: t('版本号', 'Version'),
  overrides: t('确认理由', 'Override reasons'),
  limit: t('每页条数', 'Page size'),
  cursor: t('分页游标', 'Cursor'),
  sort: t('排序', 'Sort'),
  q: t('关键词', 'Search text'),
  count: t('统计总数', 'Count'),
  deleted: t('回收站', 'Deleted'),
  createdAt: t('创建时间', 'Created at'),
  updatedAt: t('更新时间', 'Updated at'),
  username: t('用户名', 'Username'),
  password: t('密码', 'Password'),
  name: t('名称', 'Name'),
};

const M = {
  required: t('请填写{label}', '{label} is required'),
  type: t('{label}应为{expected}', '{label} must be {expected}'),
  tooShort: t('{label}至少{n}个字', '{label} needs at least {n} characters'),
  tooLong: t('{label}不能超过{n}个字', '{label} must be at most {n} characters'),
  tooSmall: t('{label}不能小于{n}', '{label} must be at least {n}'),
  tooBig: t('{label}不能大于{n}', '{label} must be at most {n}'),
  tooFew: t('{label}至少{n}项', '{label} needs at least {n} items'),
  tooMany: t('{label}最多{n}项', '{label} allows at most {n} items'),
  notInteger: t('{label}应为整数', '{label} must be a whole number'),
  badDate: t('{label}不是有效日期（格式如2020-05-19）', '{label} is not a valid date (e.g. 2020-05-19)'),
  futureDate: t('{label}不能晚于今天', '{label} cannot be in the future'),
  badFormat: t('{label}格式不正确', '{label} has the wrong format'),
  badValue: t('{label}的取值无效，可选：{options}', '{label} must be one of: {options}'),
  unknownField: t('不支持的字段“{key}”', 'Unknown field "{key}"'),
  invalid: t('{label}无效', '{label} is invalid'),
  item: t('{label}第{n}项', '{label} item {n}'),
};

const EXPECTED: Record<string, Text> = {
  string: t('文本', 'text'),
  number: t('数字', 'a number'),
  int: t('整数', 'a whole number'),
  boolean: t('是或否', 'true or false'),
  array: t('列表', 'a list'),
  object: t('对象', 'an object'),
};

function fieldAt(def: EntityDef | undefined, path: PropertyKey[]): { label: Text; field?: FieldDef } {
  const [head, index, sub] = path;
  const name = String(head ?? '');
  const field = def?.fields[name.replace(/\.(gte|lte)$/, '')];
  const base = field?.label ?? commonLabels[name] ?? t(name, name);
  if (field?.kind === 'list' && typeof index === 'number') {
    const itemLabel = t(
      fill(M.item.zh, { label: base.zh, n: index + 1 }),
      fill(M.item.en, { label: base.en, n: index + 1 }),
    );
    const subLabel = sub !== undefined ? field.item[String(sub)]?.label : undefined;
    return subLabel
      ? { label: t(`${itemLabel.zh}“${subLabel.zh}”`, `${itemLabel.en} "${subLabel.en}"`), field }
      : { label: itemLabel, field };
  }
  return field ? { label: base, field } : { label: base };
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** A validator message under its field's label, unless the message already starts with it. */
export function labelled(label: Text, message: Text, lang: Lang): string {
  const text = message[lang];
  if (text.startsWith(label[lang])) return text;
  return lang === 'zh' ? `${label.zh}：${text}` : `${label.en}: ${text}`;
}

/** Turn one zod issue into a field error whose message names the field in the user's language. */
export function describeIssue(
  issue: z.core.$ZodIssue,
  lang: Lang,
  def?: EntityDef,
  input?: unknown,
): FieldError {
  const path = issue.path.map(String).join('.');
  const { label, field } = fieldAt(def, issue.path);
  const say = (m: Text, params: Record<string, unknown> = {}) =>
    fill(m[lang], { label: label[lang], ...params });
  const params = (issue as { params?: { code?: string; zh?: string; en?: string } }).params;
  const error = (message: string, code = issue.code.toUpperCase()): FieldError => ({ path, message, code });

  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined || valueAt(input, issue.path) === null)
        return error(say(M.required), 'REQUIRED');
      const expected = issue.expected === 'int' ? 'int' : String(issue.expected);
      return error(
        say(M.type, { expected: (EXPECTED[expected] ?? t(expected, expected))[lang] }),
        'INVALID_TYPE',
      );
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string')
        return n <= 1 ? error(say(M.required), 'REQUIRED') : error(say(M.tooShort, { n }));
      if (issue.origin === 'array' || issue.origin === 'set') return error(say(M.tooFew, { n }));
      return error(say(M.tooSmall, { n }));
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return error(say(M.tooLong, { n }));
      if (issue.origin === 'array' || issue.origin === 'set') return error(say(M.tooMany, { n }));
      return error(say(M.tooBig, { n }));
    }
    case 'invalid_format':
      return field?.kind === 'date' ? error(say(M.badDate), 'DATE_INVALID') : error(say(M.badFormat));
    case 'not_multiple_of':
      return error(say(M.notInteger));
    case 'invalid_value': {
      const given = valueAt(input, issue.path);
      if (given === undefined || given === null || given === '') return error(say(M.required), 'REQUIRED');
      // Users know the labels (有限责任公司), not the codes (llc).
      const values: EnumDef | undefined =
        field?.kind === 'enum' ? field.values : field?.kind === 'qty' ? QUALIFIERS : undefined;
      const labels = values?.labels as Record<string, Text> | undefined;
      const options = issue.values.map((v) => labels?.[String(v)]?.[lang] ?? String(v));
      return error(say(M.badValue, { options: options.slice(0, 12).join(lang === 'zh' ? '、' : ', ') }));
    }
    case 'unrecognized_keys':
      return {
        path: issue.keys.join(','),
        code: 'UNKNOWN_FIELD',
        message: fill(M.unknownField[lang], { key: issue.keys.join(lang === 'zh' ? '”“' : '", "') }),
      };
    case 'custom': {
      if (params?.code === 'DATE_INVALID') return error(say(M.badDate), 'DATE_INVALID');
      if (params?.code === 'DATE_IN_FUTURE') return error(say(M.futureDate), 'DATE_IN_FUTURE');
      if (params?.zh && params.en)
        return error(labelled(label, { zh: params.zh, en: params.en }, lang), params.code);
      return error(say(M.invalid));
    }
    default:
      return error(say(M.invalid));
  }
}

export function describeIssues(
  error: z.ZodError,
  lang: Lang,
  def?: EntityDef,
  input?: unknown,
): FieldError[] {
  return error.issues.map((issue) => describeIssue(issue, lang, def, input));
}
