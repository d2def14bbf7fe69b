import { describe, expect, it } from 'vitest';
import { enterprise } from '../entities/enterprise.js';
import { describeIssues } from './messages.js';
import { createSchema, updateSchema } from './schemas.js';

const errorsOf = (input: Record<string, unknown>, lang: 'zh' | 'en' = 'zh') => {
  const result = createSchema(enterprise).safeParse(input);
  if (result.success) return [];
  return describeIssues(result.error, lang, enterprise, input);
};

describe('field messages name the field in the user language', () => {
  it('asks for each missing required field by its label, enums included', () => {
    const messages = errorsOf({}).map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining(['请填写企业名称', '请填写统一社会信用代码', '请填写企业类型']),
    );
    expect(errorsOf({}, 'en').map((e) => e.message)).toContain('Kind is required');
  });

  it('lists enum options by their labels', () => {
    const [kind] = errorsOf({ name: '某公司', uscc: '91431223MA4L1C2D0J', kind: 'alien' });
    expect(kind?.message).toMatch(/^企业类型的取值无效，可选：有限责任公司、股份有限公司/);
  });

  it('reports impossible dates, future dates, too long text and unknown fields', () => {
    const base = { name: '某公司', uscc: '91431223MA4L1C2D0J', kind: 'llc' };
    expect(errorsOf({ ...base, established: '2020-02-30' })[0]).toMatchObject({
      path: 'established',
      code: 'DATE_INVALID',
    });
    expect(errorsOf({ ...base, established: '2999-01-01' })[0]).toMatchObject({
      path: 'established',
      message: '成立日期不能晚于今天',
    });
    expect(errorsOf({ ...base, name: '企'.repeat(101) })[0]?.message).toBe('企业名称不能超过100个字');
    expect(errorsOf({ ...base, secret: 1 })[0]).toMatchObject({
      code: 'UNKNOWN_FIELD',
      message: '不支持的字段“secret”',
    });
  });

  it('names the item and sub-field of list fields', () => {
    const [e] = errorsOf({
      name: '某公司',
      uscc: '91431223MA4L1C2D0J',
      kind: 'llc',
      contacts: [{ name: '张三', phone: '1'.repeat(31) }],
    });
    expect(e).toMatchObject({ path: 'contacts.0.phone', message: '联系人第1项“电话”不能超过30个字' });
  });

  it('keeps a hard USCC error under the field once', () => {
    const [e] = errorsOf({ name: '某公司', uscc: '91431223MA4L1C2D0', kind: 'llc' });
    expect(e?.path).toBe('uscc');
    expect(e?.message.match(/统一社会信用代码/g)).toHaveLength(1);
  });

  it('lets updates leave required fields out but not blank them', () => {
    expect(updateSchema(enterprise).safeParse({ version: 1 }).success).toBe(true);
    expect(updateSchema(enterprise).safeParse({ version: 1, name: null }).success).toBe(false);
    expect(updateSchema(enterprise).safeParse({ version: 1, legalRep: null }).success).toBe(true);
  });
});
