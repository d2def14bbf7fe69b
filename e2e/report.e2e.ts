import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { useBrowser } from './support/browser.js';
import { captureDownload } from './support/excel.js';
import { uniqueToken } from './support/values.js';

describe('targets and the annual work report', () => {
  const browser = useBrowser();

  it('shows the KPI board of 2020 with the 争资跑项 target at 231.11%', async () => {
    const page = await browser.open();
    await signIn(page, 'cx_director');
    await page.goto('/kpi?year=2020');
    const row = page.getByRole('row').filter({ hasText: '争资跑项' });
    await row.getByText('231.11%').waitFor();
    await row.getByText('超额完成').waitFor();
    await page
      .getByTestId('kpi-summary')
      .getByText(/截至2020-12-31/)
      .waitFor();
  });

  it('lets the city share a target out to its counties and sees their actuals add up', async () => {
    const page = await browser.open();
    await signIn(page, 'hh_admin');
    await page.goto('/kpi?year=2020');
    const row = page.getByRole('row').filter({ hasText: '县级科技计划项目立项' }).first();
    await row.getByRole('button', { name: '下达' }).click();
    const dialog = page.getByRole('dialog');
    const chenxi = dialog.getByRole('spinbutton', { name: /^辰溪.*目标值$/ });
    await chenxi.fill('22');
    await dialog.getByRole('button', { name: /^下\s*达$/ }).click();
    await page.getByText('已下达').waitFor();
    await row.getByRole('button', { name: /展开|Expand/ }).click();
    const shares = page.getByTestId('kpi-assignments');
    await shares.getByRole('row').filter({ hasText: '辰溪' }).getByText('22项').waitFor();
  });

  it('shows the bureau overview: figures against last year, manual ones marked, each opening its records', async () => {
    const page = await browser.open();
    await signIn(page, 'cx_director');
    await page.goto('/dashboard/overview?year=2020');
    const funds = page.getByTestId('overview-projects.upward.approved.amount');
    await funds.getByText('208万元').waitFor();
    await page.getByTestId('overview-ip.applications.count').getByText('手工填报').waitFor();
    await funds.getByText('208万元').click();
    await page.waitForURL(/\/e\/projects\?.*approvedAt.gte=2020-01-01/);
  });

  it('drafts the report from the records, edits a sentence, and finds the edit in the Word file', async () => {
    const page = await browser.open();
    await signIn(page, 'cx_director');
    await page.goto('/reports?year=2020');
    await page.getByRole('button', { name: '从记录生成草稿' }).click();
    const paper = page.getByTestId('report-paper');
    await paper.getByText('辰溪县科学技术局2020年工作总结及2021年工作打算').waitFor();
    await paper.getByText('231.11%').first().waitFor();
    await page.getByTestId('report-findings').getByText('未发现前后矛盾或与记录不符的数字').waitFor();

    // The projects section's heading phrase, rewritten in place.
    const heading = `坚持项目为王${uniqueToken()}`;
    const phrase = paper.locator('[data-section="projects"] p').first().locator('[contenteditable="true"]');
    await phrase.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(heading);
    await page.getByRole('heading', { name: '年度工作总结', level: 1 }).click();
    // The KPI table moves to an 附件 after the signature.
    await page.getByRole('switch', { name: '完成情况表作为附件' }).click();
    await paper.getByText('附件：主要目标任务完成情况表').waitFor();
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('已保存为新版本').waitFor();
    await page.getByText('第2版', { exact: false }).first().waitFor();

    const file = await captureDownload(page, () => page.getByRole('button', { name: '导出Word' }).click());
    expect(file.fileName).toBe('辰溪县科学技术局2020年工作总结及2021年工作打算.docx');
    const documentXml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
    expect(documentXml).toContain(`（一）${heading}`);
    expect(documentXml).toContain('附件：主要目标任务完成情况表');
  });
});
