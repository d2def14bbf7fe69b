import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/auth.js';
import { useBrowser } from './support/browser.js';
import { eventually } from './support/eventually.js';
import { chooseOption } from './support/list-page.js';
import { uniqueToken } from './support/values.js';
import { apiPost, chinaToday, createRecord, fillDate, takeAction } from './support/workflow.js';

const today = chinaToday();
const year = today.slice(0, 4);

/** The steps the walk takes, as the project's timeline names them, with who took each. */
const EXPECTED_TIMELINE: [string, string][] = [
  ['申报', '辰溪科员'],
  ['形式审查通过', '辰溪股长'],
  ['提交专家评审', '辰溪科员'],
  ['评审完成', '辰溪科员'],
  ['公示', '辰溪股长'],
  ['立项', '辰溪局长'],
  ['签订任务书', '辰溪科员'],
  ['开始实施', '辰溪科员'],
  ['进展报告', '辰溪科员'],
  ['申请验收', '辰溪科员'],
  ['验收通过', '辰溪股长'],
  ['结题', '辰溪科员'],
];

async function createCall(page: Page, title: string): Promise<void> {
  await createRecord(page, 'calls', async () => {
    await page.getByRole('textbox', { name: '通知标题' }).fill(title);
    await chooseOption(page, '发布层级', '县级');
    await page.getByRole('textbox', { name: '计划类别' }).fill('县级科技计划');
    await page.getByRole('textbox', { name: '文号' }).fill(`辰科发〔${year}〕21号`);
    await fillDate(page, '发布日期', today);
    await fillDate(page, '申报截止日期', today);
  });
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}

async function createProject(page: Page, name: string, callTitle: string): Promise<number> {
  return createRecord(page, 'projects', async () => {
    await page.getByRole('textbox', { name: '项目名称' }).fill(name);
    await chooseOption(page, '项目级别', '县级');
    await chooseOption(page, '项目类别', '工业');
    await page.getByRole('spinbutton', { name: '计划年度' }).fill(year);
    await page.getByRole('textbox', { name: '承担单位' }).fill('辰溪县走查电子科技有限公司');
    await page.getByRole('textbox', { name: '项目负责人' }).fill('赵走查');
    await page.getByRole('spinbutton', { name: '申请财政资助' }).fill('10');
    await page.getByRole('spinbutton', { name: '自筹资金' }).fill('20');
    await fillDate(page, '计划开始日期', today);
    await fillDate(page, '计划结束日期', `${Number(year) + 1}-12-31`);
    await chooseOption(page, '申报通知', callTitle);
  });
}

/** A batch with two criteria (60 + 40) and all seven of 辰溪县's experts. */
async function createBatch(page: Page, name: string): Promise<number> {
  return createRecord(page, 'review-batches', async () => {
    await page.getByRole('textbox', { name: '批次名称' }).fill(name);
    await page.getByRole('spinbutton', { name: '年度' }).fill(year);
    await page.getByRole('spinbutton', { name: '评审专家人数' }).fill('7');
    for (const [criterion, points] of [
      ['技术先进性', '60'],
      ['经济社会效益', '40'],
    ]) {
      await page.getByRole('button', { name: /添加评分标准/ }).click();
      await page.getByRole('textbox', { name: '评分项' }).last().fill(criterion!);
      await page.getByRole('spinbutton', { name: '分值' }).last().fill(points!);
    }
  });
}

const open = (page: Page, plural: string, id: number) => page.goto(`/e/${plural}/${id}`);

/** The reviewer's own sheet: 专家评分表 lists it (and only theirs); they score it on screen. */
async function reviewerScores(page: Page, projectName: string): Promise<void> {
  await signIn(page, 'cx_expert');
  await page.getByRole('heading', { name: '专家评分表', level: 1 }).waitFor();
  await page.getByRole('link', { name: '详情' }).first().waitFor();
  await page.goto(`/e/review-sheets?q=${encodeURIComponent(projectName)}`);
  const row = page.getByRole('row').filter({ hasText: projectName });
  await row.getByRole('link', { name: '详情' }).click();
  await takeAction(page, 'submitScores', '已提交', async (dialog: Locator) => {
    await dialog.getByTestId('score-0').getByRole('spinbutton').fill('52');
    await dialog.getByTestId('score-1').getByRole('spinbutton').fill('35');
    await eventually(() => dialog.getByTestId('score-total').innerText()).toContain('87');
    await dialog.getByRole('textbox', { name: '评审意见' }).fill('技术路线清晰，建议立项。');
  });
  await page.getByText('87.00', { exact: true }).waitFor();
}

/** The six other reviewers hand in paper sheets; staff enter them (through the API here). */
async function staffEntersPaperSheets(page: Page, batchId: number): Promise<void> {
  const response = await page.request.get(`/api/v1/review-sheets?batchId=${batchId}&status=pending&limit=50`);
  const { items } = (await response.json()) as { items: { id: number; version: number }[] };
  expect(items).toHaveLength(6);
  for (const [i, sheet] of items.entries())
    await apiPost(page, `/review-sheets/${sheet.id}/actions/submitScores`, {
      version: sheet.version,
      scores: [{ score: 45 + i }, { score: 30 + i }],
      opinion: '同意立项',
    });
}

async function disburse(page: Page, projectName: string, trancheNo: number, wan: string, voucher: string) {
  await createRecord(page, 'disbursements', async () => {
    await chooseOption(page, '项目', projectName);
    await page.getByRole('spinbutton', { name: '批次' }).fill(String(trancheNo));
    await page.getByRole('spinbutton', { name: '拨款金额' }).fill(wan);
    await page.getByRole('textbox', { name: '拨款文号/凭证号' }).fill(voucher);
  });
  await takeAction(page, 'approve', '已审批');
  await takeAction(page, 'pay', '已拨付', (dialog) => fillDate(dialog, '日期', today));
}

describe('a county plan project from call to closure', () => {
  const browser = useBrowser();

  it('walks call → application → review → 公示 → 立项 → contract → funds → progress → 验收 → 结题', async () => {
    const token = uniqueToken();
    const callTitle = `关于组织申报${year}年度${token}县级科技计划项目的通知`;
    const projectName = `辰溪县${token}智能传感器研发`;
    const batchName = `${year}年度${token}项目评审`;

    const staff = await browser.open();
    await signIn(staff, 'cx_staff');
    await createCall(staff, callTitle);
    const projectId = await createProject(staff, projectName, callTitle);
    await staff.getByRole('heading', { name: projectName, level: 1 }).waitFor();
    await takeAction(staff, 'submit', '已申报');

    const chief = await browser.open();
    await signIn(chief, 'cx_chief');
    await open(chief, 'projects', projectId);
    await takeAction(chief, 'formalPass', '形式审查通过');

    const batchId = await createBatch(staff, batchName);
    await open(staff, 'projects', projectId);
    await takeAction(staff, 'startReview', '专家评审中', (dialog) =>
      chooseOption(staff, '评审批次', batchName).then(() => dialog.waitFor()),
    );
    await open(staff, 'review-batches', batchId);
    await takeAction(staff, 'draw', '评审中', (dialog) => fillDate(dialog, '日期', today));
    await staff.getByText('专家甲23').first().waitFor();

    const expert = await browser.open();
    await reviewerScores(expert, projectName);
    await staffEntersPaperSheets(staff, batchId);
    await open(staff, 'review-batches', batchId);
    await takeAction(staff, 'close', '评审结束', (dialog) => fillDate(dialog, '日期', today));

    await open(chief, 'projects', projectId);
    await chief.getByTestId('record-state').getByText('评审完成').waitFor();
    await takeAction(chief, 'publish', '公示中', async (dialog) => {
      await fillDate(dialog, '公示开始日期', today);
      await fillDate(dialog, '公示结束日期', today);
    });

    const director = await browser.open();
    await signIn(director, 'cx_director');
    await open(director, 'projects', projectId);
    await takeAction(director, 'approve', '已立项', async (dialog) => {
      await dialog.getByRole('textbox', { name: '文号' }).fill(`辰科发〔${year}〕36号`);
      await fillDate(dialog, '日期', today);
      await dialog.getByRole('spinbutton', { name: '资助金额' }).fill('10');
    });

    await open(staff, 'projects', projectId);
    await takeAction(staff, 'signContract', '已签任务书', async (dialog) => {
      await dialog.getByRole('textbox', { name: '任务书编号' }).fill(`RWS-${year}-${token}`);
      await fillDate(dialog, '日期', today);
    });
    // The signed contract goes on the record as a document, checked and named safely.
    await staff
      .getByTestId('attachments')
      .locator('input[type=file]')
      .setInputFiles({
        name: '任务书（签章版）.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.7\n%%EOF\n'),
      });
    await staff.getByTestId('attachments').getByText('任务书（签章版）.pdf').waitFor();
    await takeAction(staff, 'startImplementation', '实施中', (dialog) => fillDate(dialog, '日期', today));

    await disburse(chief, projectName, 1, '6', `辰科拨〔${year}〕${token}1号`);
    await disburse(chief, projectName, 2, '4', `辰科拨〔${year}〕${token}2号`);

    await open(staff, 'projects', projectId);
    await takeAction(staff, 'reportProgress', '实施中', async (dialog) => {
      await dialog.getByRole('textbox', { name: '报告期' }).fill(`${year}年上半年`);
      await fillDate(dialog, '日期', today);
      await dialog.getByRole('spinbutton', { name: '完成进度（%）' }).fill('60');
      await dialog.getByRole('textbox', { name: '进展情况' }).fill('完成样机试制，进入中试。');
    });
    await takeAction(staff, 'applyAcceptance', '待验收', (dialog) => fillDate(dialog, '日期', today));
    await open(chief, 'projects', projectId);
    await takeAction(chief, 'accept', '验收通过', async (dialog) => {
      await fillDate(dialog, '日期', today);
      await dialog.getByRole('textbox', { name: '验收意见' }).fill('完成任务书各项指标，同意通过验收。');
    });
    await open(staff, 'projects', projectId);
    await takeAction(staff, 'close', '结题', (dialog) => fillDate(dialog, '日期', today));

    // The record: 评审得分 from the seven sheets (87 and 75 dropped: 77, 79, 81, 83, 85), and every
    // step with who and when.
    await staff.getByText('81.00', { exact: true }).waitFor();
    const timeline = staff.getByTestId('workflow-timeline');
    const steps = await timeline.locator('.ant-timeline-item').allInnerTexts();
    expect(steps.map((text) => text.split(/\s/)[0])).toEqual(EXPECTED_TIMELINE.map(([step]) => step));
    for (const [i, [, who]] of EXPECTED_TIMELINE.entries())
      expect(steps[i], EXPECTED_TIMELINE[i]![0]).toContain(`${today} · ${who}`);
    // Two paid tranches of 6 and 4 万元 against the 10 万元 grant, in the ledger and the tranche list.
    await staff.getByTestId('funding-ledger').getByText(`按年度拨付：${year}年10万元`).waitFor();
    await staff.getByTestId('related-disbursements').click();
    await eventually(() => staff.getByRole('main').getByText('已拨付').count()).toBe(2);
  });
});

describe('projects dashboard', () => {
  const browser = useBrowser();

  it("shows a city its counties' figures from the metrics, and opens the records behind one", async () => {
    const page = await browser.open();
    await signIn(page, 'hh_staff');
    await page.getByRole('menuitem', { name: '项目统计' }).click();
    await page.getByRole('heading', { name: '项目统计', level: 1 }).waitFor();
    await page.goto('/dashboard/projects?year=2020');
    const approved = page.getByTestId('figure-upwardApproved');
    const metric = await page.request.get('/api/v1/metrics/projects.upward.approved.count?year=2020');
    const { value } = (await metric.json()) as { value: number };
    expect(value).toBeGreaterThan(0);
    await eventually(() => approved.locator('.ant-statistic-content-value').innerText()).toBe(String(value));
    for (const chart of ['chart-upward', 'chart-category', 'chart-trend', 'chart-orgs'])
      await page.getByTestId(chart).locator('canvas').first().waitFor();
    await approved.getByRole('link').click();
    await page.waitForURL(/\/e\/projects\?/);
    await eventually(async () =>
      Number(/\d+/.exec(await page.getByText(/^共 \d+ 条$/).innerText())?.[0]),
    ).toBe(value);
  });
});

describe('project board', () => {
  const browser = useBrowser();

  it('groups the projects by stage, each column counted like the list it opens', async () => {
    const page = await browser.open();
    await signIn(page, 'cx_director');
    await page.getByRole('menuitem', { name: '项目进度看板' }).click();
    await page.getByRole('heading', { name: '项目进度看板', level: 1 }).waitFor();
    await page.goto('/board/projects?year=2020&level=county');
    const stages = [
      ['implementing', 'in_progress,acceptance_pending,acceptance_failed'],
      ['finished', 'accepted,closed'],
    ] as const;
    for (const [stage, states] of stages) {
      const api = await page.request.get(
        `/api/v1/projects?year=2020&level=county&status=${states}&count=true`,
      );
      const { total } = (await api.json()) as { total: number };
      if (stage === 'implementing')
        expect(total, "the demo's 2020 plan projects under way").toBeGreaterThan(0);
      await eventually(() => page.getByTestId(`stage-${stage}-count`).innerText()).toBe(`共${total}项`);
    }
    await page.getByTestId('stage-implementing-count').click();
    await page.waitForURL(/\/e\/projects\?.*status=in_progress/);
  });
});
