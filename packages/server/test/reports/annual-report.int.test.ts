import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '@kjj/domain';
import { runCli } from '../../src/cli/main.js';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';

const run = promisify(execFile);

interface Finding {
  check: string;
  severity: string;
  message: string;
  places: { part: string; pointId: string; text: string }[];
}
interface Draft {
  id: number;
  version: number;
  model: ReportModel;
  findings: Finding[];
}

const sectionText = (model: ReportModel, id: string) =>
  (model.work.find((s) => s.id === id)?.points ?? [])
    .map((p) => p.segments.map((s) => s.text).join(''))
    .join('');

/** The editable parts of a draft as the editor sends them back. */
const editOf = (draft: Draft) => ({
  version: draft.version,
  title: draft.model.title,
  opening: draft.model.opening,
  work: draft.model.work,
  highlights: draft.model.highlights,
  kpiSummary: draft.model.kpi.summary,
  kpiBySource: draft.model.kpi.bySource,
  kpiAsAttachment: draft.model.kpi.asAttachment,
  problems: draft.model.problems,
  plan: draft.model.plan,
});

async function docxParts(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    footers: (
      await Promise.all(
        Object.keys(zip.files)
          .filter((n) => /^word\/footer\d*\.xml$/.test(n))
          .map(read),
      )
    ).join('\n'),
  };
}

/** The annual report of 辰溪县 2020 from the demo records (issue 5 acceptance). */
for (const kind of testDatabases()) {
  describe(`${kind.name}: the annual work report`, () => {
    let t: TestApp;
    let director: Client;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      director = await t.as('cx_director');
    });
    afterAll(() => t.close());

    const newDraft = async (client = director) => {
      const res = await client.post('/api/v1/report-drafts', {
        year: 2020,
        cutoff: '2020-12-31',
        documentDate: '2020-12-30',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Draft>();
    };

    it('states the seed report’s project figures and the 争资跑项 line with 231.11 %, and passes its own check', async () => {
      const res = await director.get('/api/v1/reports/annual?year=2020&documentDate=2020-12-30');
      expect(res.statusCode, res.body).toBe(200);
      const { model, findings } = res.json<{ model: ReportModel; findings: Finding[] }>();
      expect(model.title).toBe('辰溪县科学技术局2020年工作总结及2021年工作打算');
      const projects = sectionText(model, 'projects');
      for (const phrase of [
        '推荐申报项目17项',
        '获批立项9项',
        '其中省级7项、争取资金105万元，市级2项、争取资金103万元',
        '合计到位项目资金208万元',
        '为全年争资跑项目标90万元的231.11%',
        '下达县本级科技计划项目24项、安排资金100万元',
        '工业2项、社会发展3项、农业推广19项',
        '5月起对30多个行业和企业开展项目摸底',
        '新增入库24个',
        '年末项目库储备110个',
        '实施率100%',
      ])
        expect(projects).toContain(phrase);
      expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
      const direct = await director.get('/api/v1/reports/annual.docx?year=2020');
      expect(direct.statusCode).toBe(200);
      expect((await docxParts(direct.rawPayload)).document).toContain('合计到位项目资金');
      const fundraising = model.kpi.rows.find((row) => row.name === '争取上级科技项目资金')!;
      expect(fundraising).toMatchObject({
        source: '争资跑项',
        target: '90万元',
        actual: '208万元',
        ratio: '231.11%',
      });
    });

    it('puts the figures entered by hand in their sections, marked as manual', async () => {
      const { model } = (await director.get('/api/v1/reports/annual?year=2020')).json<{
        model: ReportModel;
      }>();
      expect(sectionText(model, 'ip')).toContain('全县全年专利申请102件（其中发明专利18件）');
      expect(sectionText(model, 'ip')).toContain('为47件专利兑现资助资金83620元');
      expect(sectionText(model, 'commissioners')).toContain('全年引进“三区”科技人才16名');
      expect(sectionText(model, 'commissioners')).toContain('推广新技术19项、新品种31个');
      expect(sectionText(model, 'outreach')).toContain('发放科普资料1.9万余份');
      expect(sectionText(model, 'quake')).toContain('制作防震减灾宣传展板20块');
      expect(model.figures['ip.applications.count']).toMatchObject({ value: 102, manual: true });
      const rd = model.kpi.rows.find((row) => row.name === '科研经费投入')!;
      expect(rd).toMatchObject({
        target: '1亿元',
        actual: '1亿元',
        ratio: '100.00%',
        status: '完成（提前）',
        manual: true,
      });
      expect(model.plan.length).toBe(4);
    });

    it('keeps every version of an edited draft and flags a planted contradiction with both places', async () => {
      const draft = await newDraft();
      const edit = editOf(draft);
      const ip = edit.work.find((s) => s.id === 'ip')!;
      ip.points[0]!.segments.push({ text: '但2020年发明专利申请量只有1件。' });
      const res = await director.patch(`/api/v1/report-drafts/${draft.id}`, edit);
      expect(res.statusCode, res.body + JSON.stringify(draft.model.work[0]!.points[1])).toBe(200);
      const saved = res.json<Draft>();
      expect(saved.version).toBe(2);
      const c3 = saved.findings.find((f) => f.check === 'C-3' && f.places.length === 2)!;
      expect(c3.severity).toBe('error');
      expect(c3.places.map((p) => p.text).join('|')).toMatch(
        /其中发明专利18件.*\|.*只有1件|只有1件.*\|.*其中发明专利18件/,
      );
      const versions = (await director.get(`/api/v1/report-drafts/${draft.id}/versions`)).json().items;
      expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      const stale = await director.patch(`/api/v1/report-drafts/${draft.id}`, edit);
      expect(stale.statusCode).toBe(409);
      const invented = editOf(saved);
      invented.opening = { id: 'opening', segments: [{ figure: 'no.such.figure', text: '99项' }] };
      const refused = await director.patch(`/api/v1/report-drafts/${draft.id}`, invented);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].code).toBe('UNKNOWN_FIGURE');
    });

    it('writes the docx per GB/T 9704: A4, margins, fonts, heading styles, page numbers, the edit', async () => {
      const draft = await newDraft();
      const edit = editOf(draft);
      edit.work[0]!.heading = '坚持项目为王，争资跑项再创新高';
      // Wording that looks like markup or a formula stays text in the document.
      edit.problems[0]!.segments.push({ text: '<w:t>注入</w:t> & =HYPERLINK("http://evil.example")' });
      const saved = (await director.patch(`/api/v1/report-drafts/${draft.id}`, edit)).json<Draft>();
      const res = await director.get(`/api/v1/report-drafts/${saved.id}/export.docx`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const docx = await docxParts(res.rawPayload);
      expect(docx.document).toContain('（一）坚持项目为王，争资跑项再创新高');
      expect(docx.document).toContain('辰溪县科学技术局2020年工作总结</w:t>');
      expect(docx.document).toContain('及2021年工作打算');
      expect(docx.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(docx.document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
      expect(docx.document).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"/);
      for (const [style, fontName] of [
        ['kjjTitle', '方正小标宋简体'],
        ['kjjBody', '仿宋_GB2312'],
        ['kjjHeading1', '黑体'],
        ['kjjHeading2', '楷体_GB2312'],
      ]) {
        const block =
          new RegExp(`<w:style[^>]*w:styleId="${style}"[\\s\\S]*?</w:style>`).exec(docx.styles)?.[0] ?? '';
        expect(block, style).toContain(`w:eastAsia="${fontName}"`);
      }
      expect(docx.styles).toMatch(/w:line="579" w:lineRule="exact"/);
      expect(docx.styles).toMatch(/<w:spacing w:val="-4"\/>/); // 28 characters a line
      expect(docx.settings).toContain('<w:evenAndOddHeaders');
      expect(docx.footers).toMatch(/PAGE/);
      expect(docx.footers).toContain('— ');
      expect(docx.document).toMatch(/<w:tblHeader\/>/);
      expect(docx.document).toContain('2020年12月30日');
      expect(docx.document).toContain('&lt;w:t&gt;注入&lt;/w:t&gt; &amp; =HYPERLINK(');
      expect(docx.document).not.toContain('<w:t>注入</w:t>');
    });

    it('converts to PDF with the CJK fonts embedded and renders page 1', async () => {
      const draft = await newDraft();
      const res = await director.get(`/api/v1/report-drafts/${draft.id}/export.pdf`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const dir = await mkdtemp(join(tmpdir(), 'kjj-pdf-test-'));
      try {
        await writeFile(join(dir, 'r.pdf'), res.rawPayload);
        const { stdout } = await run('pdffonts', [join(dir, 'r.pdf')]);
        const fonts = stdout.split('\n').slice(2).filter(Boolean);
        expect(fonts.length).toBeGreaterThan(0);
        for (const line of fonts) expect(line, line).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
        expect(stdout).toMatch(/UKai|Noto/);
        await run('pdftoppm', [
          '-png',
          '-r',
          '50',
          '-f',
          '1',
          '-l',
          '1',
          join(dir, 'r.pdf'),
          join(dir, 'page'),
        ]);
        const png = await readFile(join(dir, 'page-1.png')).catch(() => readFile(join(dir, 'page-01.png')));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect((await stat(join(dir, 'r.pdf'))).size).toBeGreaterThan(10_000);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, 120_000);

    it('offers 亮点工作, the KPI part by source, and the KPI table as an 附件', async () => {
      const draft = await newDraft();
      const edit = {
        ...editOf(draft),
        highlights: ['projects', 'no-such-section'],
        kpiBySource: true,
        kpiAsAttachment: true,
      };
      const saved = await director.patch(`/api/v1/report-drafts/${draft.id}`, edit);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json<Draft>().model.highlights).toEqual(['projects']);
      const docx = await docxParts(
        (await director.get(`/api/v1/report-drafts/${draft.id}/export.docx`)).rawPayload,
      );
      const text = docx.document.replace(/<[^>]+>/g, '');
      expect(text).toContain('一、2020年工作亮点');
      expect(text).toContain('二、2020年工作情况');
      expect(text).toContain('（二）全面小康指标1.科研经费投入');
      expect(text).toContain('目标任务：90万元。完成情况：208万元，完成率231.11%，超额完成。');
      expect(text).toContain('（三）争资跑项指标');
      expect(text).toContain('附件：主要目标任务完成情况表');
      expect(docx.document).toContain('<w:pageBreakBefore/>');
      // The attachment's table comes after the signature.
      expect(text.indexOf('2020年12月30日')).toBeLessThan(text.lastIndexOf('序号'));
    });

    it('rolls a city report up from its counties, with a table that adds up to the city', async () => {
      const admin = await t.as('hh_admin');
      const res = await admin.get(`/api/v1/reports/annual?year=2020&orgId=${await t.orgIdOf('431200')}`);
      expect(res.statusCode, res.body).toBe(200);
      const { model, findings } = res.json<{ model: ReportModel; findings: Finding[] }>();
      expect(model.kind).toBe('city_rollup');
      expect(model.title).toBe('怀化市科学技术局2020年工作总结及2021年工作打算');
      expect(findings).toEqual([]);
      const column = model.countyColumns!.indexOf('争取上级资金（万元）');
      const rows = Object.fromEntries(model.counties!.map((r) => [r.orgName, r.cells]));
      expect(rows['辰溪县']![column]).toBe('208');
      expect(rows['市本级']).toBeDefined();
      const total = rows['合计']![column]!;
      const sum = model
        .counties!.filter((r) => r.orgName !== '合计')
        .reduce((s, r) => s + (Number(r.cells[column]) || 0), 0);
      expect(Number(total)).toBeCloseTo(sum, 2);
      // The city's figures are its counties' summed: 辰溪's 208万 is part of the city's upward funds.
      expect(model.figures['projects.upward.approved.amount']!.value).toBeGreaterThanOrEqual(208 * 1_000_000);
      const plan = model.kpi.rows.find((row) => row.name === '县级科技计划项目立项')!;
      expect(plan.target).toBe('30项');
      const draft = await admin.post('/api/v1/report-drafts', {
        year: 2020,
        orgId: await t.orgIdOf('431200'),
      });
      const docx = await docxParts(
        (await admin.get(`/api/v1/report-drafts/${draft.json().id}/export.docx`)).rawPayload,
      );
      expect(docx.document).toContain('各县市区主要指标完成情况如下表');
      expect(docx.document).toContain('辰溪县');
    });

    it('only those who report for the bureau read its drafts', async () => {
      const draft = await newDraft();
      const mayang = await t.as('my_director');
      expect((await mayang.get(`/api/v1/report-drafts/${draft.id}`)).statusCode).toBe(404);
      expect((await mayang.get(`/api/v1/report-drafts/${draft.id}/export.docx`)).statusCode).toBe(404);
      const staff = await t.as('cx_staff');
      expect((await staff.get(`/api/v1/report-drafts/${draft.id}`)).statusCode).toBe(403);
      const city = await t.as('hh_admin');
      expect((await city.get(`/api/v1/report-drafts/${draft.id}`)).statusCode).toBe(200);
      expect(
        (await city.post('/api/v1/report-drafts', { year: 2020, orgId: draft.model.orgId })).statusCode,
      ).toBe(201);
    });

    it('writes the report from the command line as json and docx, within the account named by --as', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'kjj-cli-report-'));
      const cli = async (...argv: string[]) => {
        const lines: string[] = [];
        const code = await runCli(
          ['report', '--org', '431223', '--year', '2020', '--cutoff', '2020-12-31', ...argv],
          { out: (l) => lines.push(l), err: (l) => lines.push(l) },
          { KJJ_DATABASE_URL: t.db.describe },
        );
        return { code, text: lines.join('\n') };
      };
      try {
        const json = await cli('--format', 'json', '--out', join(dir, 'r.json'));
        expect(json.code, json.text).toBe(0);
        const { model, findings } = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8'));
        expect(findings.filter((f: Finding) => f.severity === 'error')).toEqual([]);
        expect(JSON.stringify(model)).toContain('231.11%');
        const docx = await cli('--out', join(dir, 'r.docx'), '--as', 'cx_director');
        expect(docx.code, docx.text).toBe(0);
        const { document } = await docxParts(await readFile(join(dir, 'r.docx')));
        expect(document).toContain('231.11%');
        const outsider = await cli('--out', join(dir, 'x.json'), '--format', 'json', '--as', 'my_director');
        expect(outsider).toMatchObject({ code: 1 });
        expect(outsider.text).toContain('NOT_FOUND');
        expect((await cli('--format', 'odt', '--out', join(dir, 'x'))).code).toBe(64);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    // Last: it changes a figure of the demo records.
    it('tells a draft whose records moved on, and brings its figures up to date as a new version', async () => {
      const draft = await newDraft();
      const staff = await t.as('cx_staff');
      const entry = await staff.post('/api/v1/metric-entries', {
        metricId: 'ip.applications.count',
        asOf: '2020-12-31',
        value: { value: 105, qualifier: 'exact' },
        evidence: '县市场监督管理局更正后的专利统计台账',
      });
      expect(entry.statusCode, entry.body).toBe(201);
      const stale = (await director.get(`/api/v1/report-drafts/${draft.id}`)).json<Draft>();
      const finding = stale.findings.find((f) => f.check === 'C-9')!;
      expect(finding.message).toContain('记录现为105件，草稿中为102件');
      const res = await director.post(`/api/v1/report-drafts/${draft.id}/refresh`, {
        version: draft.version,
      });
      expect(res.statusCode, res.body).toBe(200);
      const refreshed = res.json<Draft>();
      expect(refreshed.version).toBe(draft.version + 1);
      expect(sectionText(refreshed.model, 'ip')).toContain('全县全年专利申请105件');
      const again = (await director.get(`/api/v1/report-drafts/${draft.id}`)).json<Draft>();
      expect(again.findings).toEqual([]);
    });
  });
}
