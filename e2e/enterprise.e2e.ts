import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { searchEnterprises } from './support/api.js';
import { signIn } from './support/auth.js';
import { useBrowser } from './support/browser.js';
import { eventually } from './support/eventually.js';
import { captureDownload, fillTemplate, sheetText } from './support/excel.js';
import {
  importDialog,
  importErrors,
  importSummary,
  importOutcome,
  runImport,
} from './support/import-wizard.js';
import { chooseOption, expectListed, fieldError, searchList } from './support/list-page.js';
import { uniqueToken, validUscc } from './support/values.js';

/** The export's and the template's columns: the definition's Excel fields, zh-CN, `*` = required. */
const EXCEL_HEADERS = [
  '*企业名称',
  '*统一社会信用代码',
  '*企业类型',
  '所属行业',
  '成立日期',
  '注册资本（万元）',
  '法定代表人',
  '所在乡镇',
  '地址',
  '所在园区',
  '标签',
  '高新技术企业（手工标注）',
  '科技型中小企业（手工标注）',
  '规上企业（手工标注）',
  '备注',
];

interface NewEnterprise {
  name: string;
  uscc: string;
  legalRep: string;
}

/** 新增 → a wrong-length code, then one with a letter GB 32100 never uses: both refused at the field. */
async function createWithBadCodesThenFix(page: Page, enterprise: NewEnterprise): Promise<void> {
  await page.getByRole('button', { name: /新增/ }).click();
  await page.getByRole('heading', { name: '新增企业', level: 1 }).waitFor();
  await page.getByRole('textbox', { name: '企业名称' }).fill(enterprise.name);
  await chooseOption(page, '企业类型', '有限责任公司');
  await page.getByRole('textbox', { name: '法定代表人' }).fill(enterprise.legalRep);
  const uscc = page.getByRole('textbox', { name: '统一社会信用代码' });
  const save = page.getByRole('button', { name: /^保\s*存$/ });

  await uscc.fill(enterprise.uscc.slice(0, 17));
  await save.click();
  await eventually(() => fieldError(page, '统一社会信用代码')).toBe('统一社会信用代码应为18位，当前为17位');
  expect(await fieldError(page, '企业名称')).toBe('');

  await uscc.fill(`${enterprise.uscc.slice(0, 17)}O`);
  await save.click();
  await eventually(() => fieldError(page, '统一社会信用代码')).toBe(
    '统一社会信用代码含有无效字符“O”（不使用 I、O、S、V、Z）',
  );
  expect(page.url()).toMatch(/\/e\/enterprises\/new$/);

  await uscc.fill(enterprise.uscc);
  await save.click();
  await page.waitForURL(/\/e\/enterprises\/\d+$/);
}

/** The record page of the new enterprise: its fields and a 新增 entry in its history. */
async function expectRecordPage(page: Page, enterprise: NewEnterprise): Promise<void> {
  await page.getByRole('heading', { name: enterprise.name, level: 1 }).waitFor();
  await page.getByText(enterprise.uscc, { exact: true }).waitFor();
  const history = page.getByTestId('audit-timeline');
  await history.getByText('新增', { exact: true }).waitFor();
  await history.getByText(/辰溪科员/).waitFor();
}

/** 导出Excel of the searched list: zh-CN headers and exactly the one matching enterprise. */
async function expectExport(page: Page, enterprise: NewEnterprise): Promise<void> {
  const file = await captureDownload(page, () => page.getByRole('button', { name: /导出Excel/ }).click());
  expect(file.fileName).toMatch(/^企业-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const [header, ...rows] = await sheetText(file.bytes);
  expect(header).toEqual(EXCEL_HEADERS);
  expect(rows).toHaveLength(1);
  const column = (title: string) => rows[0]?.[EXCEL_HEADERS.indexOf(title)];
  expect(column('*企业名称')).toBe(enterprise.name);
  expect(column('*统一社会信用代码')).toBe(enterprise.uscc);
  expect(column('*企业类型')).toBe('有限责任公司');
  expect(column('法定代表人')).toBe(enterprise.legalRep);
}

const goodRow = (name: string) => ({
  企业名称: name,
  统一社会信用代码: validUscc(),
  企业类型: '有限责任公司',
  所属行业: '制造业',
  法定代表人: '李导入',
  地址: '辰溪县辰阳镇导入路8号',
});
type SheetRow = ReturnType<typeof goodRow>;
type GoodRows = [SheetRow, SheetRow, SheetRow];

/** Three bad rows among the good ones: the wizard names each row and writes nothing at all. */
async function expectMixedFileRejected(page: Page, template: Buffer, batch: string, good: GoodRows) {
  const [first, second, third] = good;
  // Sheet rows 3–8 (row 1 is the header, row 2 the template's sample): bad rows at 4, 6 and 8.
  const mixed = await fillTemplate(template, [
    first,
    { ...goodRow(`辰溪县${batch}坏码有限公司`), 统一社会信用代码: '91431223MA4L1C2' },
    second,
    { ...goodRow(`辰溪县${batch}坏类有限公司`), 企业类型: '国有企业' },
    third,
    { ...goodRow(''), 企业名称: '' },
  ]);
  await runImport(page, '企业-三行有误.xlsx', mixed);

  expect(await importOutcome(page)).toBe('未导入：文件中有错误，所有数据均未写入');
  expect(await importSummary(page)).toEqual({ 数据行数: 6, 新增: 0, 更新: 0, 出错行数: 3 });
  const errors = await importErrors(page);
  expect(errors.map((e) => e.row)).toEqual([4, 6, 8]);
  expect(errors[0]).toMatchObject({ column: 'B', message: '统一社会信用代码应为18位，当前为15位' });
  expect(errors[1]?.column).toBe('C');
  expect(errors[1]?.message).toMatch(/^企业类型：“国有企业”不是可选值（可选：有限责任公司、/);
  expect(errors[2]).toMatchObject({ column: 'A', message: '请填写企业名称' });
  // All or nothing: not even the good rows were written.
  expect((await searchEnterprises(page, batch)).total).toBe(0);
  expect((await searchEnterprises(page, first.统一社会信用代码)).total).toBe(0);
}

/** The good rows alone: all created, and the list shows them. */
async function expectCleanFileApplied(page: Page, template: Buffer, batch: string, good: GoodRows) {
  await runImport(page, '企业-正确.xlsx', await fillTemplate(template, good));
  expect(await importOutcome(page)).toBe('导入成功');
  expect(await importSummary(page)).toEqual({ 数据行数: 3, 新增: 3, 更新: 0, 出错行数: 0 });
  await importDialog(page)
    .getByRole('button', { name: /^关\s*闭$/ })
    .click();
  await importDialog(page).waitFor({ state: 'detached' });

  await searchList(page, batch);
  await expectListed(
    page,
    good.map((row) => row.企业名称),
  );
  const imported = await searchEnterprises(page, batch);
  expect(imported.rows.map((r) => r.uscc).sort()).toEqual(good.map((row) => row.统一社会信用代码).sort());
}

describe('enterprise library', () => {
  const browser = useBrowser();

  it('creates an enterprise, finds it, exports the list and imports from the template', async () => {
    const page = await browser.open();
    await signIn(page, 'cx_staff');
    await page.getByRole('heading', { name: '企业', level: 1 }).waitFor();

    const token = uniqueToken();
    const enterprise = { name: `辰溪县${token}智能装备有限公司`, uscc: validUscc(), legalRep: '张测试' };
    await createWithBadCodesThenFix(page, enterprise);
    await expectRecordPage(page, enterprise);

    await page.getByRole('menuitem', { name: /企业/ }).click();
    await searchList(page, `${token}智能`);
    await expectListed(page, [enterprise.name]);
    await expectExport(page, enterprise);

    const template = await captureDownload(page, () =>
      page.getByRole('button', { name: /下载导入模板/ }).click(),
    );
    expect(template.fileName).toBe('企业导入模板.xlsx');
    expect((await sheetText(template.bytes))[0]).toEqual(EXCEL_HEADERS);

    const batch = uniqueToken();
    const good: GoodRows = [
      goodRow(`辰溪县${batch}柑橘种植有限公司`),
      goodRow(`辰溪县${batch}油茶开发有限公司`),
      goodRow(`辰溪县${batch}竹木制品有限公司`),
    ];
    await page.getByRole('button', { name: /导入Excel/ }).click();
    await importDialog(page).waitFor();
    await expectMixedFileRejected(page, template.bytes, batch, good);
    await importDialog(page)
      .getByRole('button', { name: /重新导入/ })
      .click();
    await expectCleanFileApplied(page, template.bytes, batch, good);
  });
});
