import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import {
  highlightLines,
  KPI_ATTACHMENT_TITLE,
  kpiBySource,
  numbering,
  pointText,
  reportParts,
  type Point,
  type ReportModel,
} from '@kjj/domain';

/**
 * The annual report as an official document (GB/T 9704-2012, DOMAIN §5.4): A4 with margins
 * 37/35/28/26 mm, 22 lines of 28 characters in 3号 仿宋, headings 一、黑体 and （一）楷体, the KPI
 * table, the signature block and "— 1 —" page numbers at the outside corners.
 */

const mm = (x: number) => Math.round((x * 1440) / 25.4);
const pt = (x: number) => x * 2; // half-points, as docx sizes fonts

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

const SIZE = { title: 22, body: 16, table: 12, pageNumber: 14 } as const;
/** 22 lines on a 225 mm type area: exactly 28.95 pt each (579 twips). */
export const LINE_PITCH = 579;
/** 28 characters on the 156 mm line: 15.79 pt each, so 3号 (16 pt) characters close up by 0.2 pt (4 twips). */
const CONDENSE = -4;
/** One character of 3号 text in twips, the unit of indents (2 characters = 640). */
const CHAR = SIZE.body * 20;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

const STYLES = {
  default: {
    document: {
      run: { font: font(FONTS.body), size: pt(SIZE.body), characterSpacing: CONDENSE },
      paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    },
  },
  paragraphStyles: [
    {
      id: 'kjjTitle',
      name: 'kjj 标题',
      run: { font: font(FONTS.title), size: pt(SIZE.title) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { line: mm(13), lineRule: LineRuleType.EXACT } },
    },
    {
      id: 'kjjBody',
      name: 'kjj 正文',
      run: { font: font(FONTS.body), size: pt(SIZE.body) },
      paragraph: { alignment: AlignmentType.BOTH, indent: { firstLine: 2 * CHAR } },
    },
    {
      id: 'kjjHeading1',
      name: 'kjj 一级标题',
      basedOn: 'kjjBody',
      run: { font: font(FONTS.heading1), size: pt(SIZE.body) },
      paragraph: { indent: { firstLine: 2 * CHAR }, keepNext: true },
    },
    {
      id: 'kjjHeading2',
      name: 'kjj 二级标题',
      basedOn: 'kjjBody',
      run: { font: font(FONTS.heading2), size: pt(SIZE.body) },
      paragraph: { indent: { firstLine: 2 * CHAR }, keepNext: true },
    },
    {
      id: 'kjjTableText',
      name: 'kjj 表格',
      run: { font: font(FONTS.body), size: pt(SIZE.table) },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      },
    },
  ],
};

const para = (style: string, text: string, extra: Partial<IParagraphOptions> = {}) =>
  new Paragraph({ style, children: [new TextRun(text)], ...extra });
const body = (text: string) => para('kjjBody', text);
const blank = () => para('kjjBody', '');

/** "— 1 —" in 4号 宋体, 1 character in from the outside edge (right on odd pages, left on even). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: SIZE.pageNumber * 20 } : { left: SIZE.pageNumber * 20 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(FONTS.pageNumber),
            size: pt(SIZE.pageNumber),
          }),
        ],
      }),
    ],
  });
}

/** Width in characters of 3号 text: CJK and full-width count 1, digits and Latin ½. */
const widthOf = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

/**
 * Signature without a seal (§5.4): the issuing body 2 characters from the right edge and the date
 * below it starting 2 characters further right; a date that would then overhang ends 2
 * characters from the right instead, and the body moves left with it.
 */
function signature(org: string, date: string): Paragraph[] {
  const orgWidth = widthOf(org);
  const dateWidth = widthOf(date);
  let orgRight = 2;
  let dateRight = orgRight + orgWidth - 2 - dateWidth;
  if (dateRight < 2) {
    dateRight = 2;
    orgRight = dateRight + dateWidth + 2 - orgWidth;
  }
  const line = (text: string, right: number) =>
    new Paragraph({
      style: 'kjjBody',
      alignment: AlignmentType.RIGHT,
      indent: { firstLine: 0, right: Math.round(right * CHAR) },
      children: [new TextRun(text)],
    });
  return [blank(), line(org, orgRight), line(date, dateRight)];
}

function kpiTable(model: ReportModel): Table {
  const headers = ['序号', '指标名称', '来源', '目标值', '完成值', '完成率', '状态', '备注'];
  const widths = [7, 22, 12, 12, 12, 11, 11, 13];
  return table(
    headers,
    widths,
    model.kpi.rows.map((row, n) => [
      String(n + 1),
      row.name,
      row.source,
      row.target,
      row.actual,
      row.ratio,
      row.status,
      row.note,
    ]),
  );
}

/** A city report's counties, one row each and the total (仿宋 小四, 黑体 header repeated on each page). */
function countyTable(model: ReportModel): Table {
  const headers = ['单位', ...(model.countyColumns ?? [])];
  const widths = headers.map((_, i) => (i === 0 ? 16 : 84 / (headers.length - 1)));
  return table(
    headers,
    widths,
    (model.counties ?? []).map((row) => [row.orgName, ...row.cells]),
  );
}

function table(headers: string[], widths: number[], rows: string[][]): Table {
  const cell = (text: string, i: number, header = false) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          style: 'kjjTableText',
          children: [new TextRun(header ? { text, font: font(FONTS.heading1) } : text)],
        }),
      ],
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, i)) })),
    ],
  });
}

/**
 * The title in a balanced shape (§5.4): a title too long for one line breaks after 工作总结, so
 * "及{Y+1}年工作打算" starts the second line and no word is split.
 */
function titleParagraph(title: string): Paragraph {
  const at = title.indexOf('工作总结及');
  if (widthOf(title) <= 20 || at < 0) return para('kjjTitle', title);
  const first = title.slice(0, at + 4);
  return new Paragraph({
    style: 'kjjTitle',
    children: [new TextRun(first), new TextRun({ text: title.slice(first.length), break: 1 })],
  });
}

const points = (list: Point[]) => list.map((p, i) => body(`${numbering.point(i + 1)}${pointText(p)}`));

/** The document's paragraphs in reading order (also what tests read back). */
export function reportParagraphs(model: ReportModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [titleParagraph(model.title), blank(), body(pointText(model.opening))];
  const kpiTableHere = model.kpi.rows.length > 0 && !model.kpi.asAttachment;
  for (const part of reportParts(model)) {
    out.push(para('kjjHeading1', part.heading));
    if (part.id === 'highlights') out.push(...highlightLines(model).map(body));
    if (part.id === 'work')
      model.work.forEach((section, i) => {
        out.push(para('kjjHeading2', `${numbering.section(i + 1)}${section.heading}`));
        out.push(...points(section.points));
      });
    if (part.id === 'kpi') {
      out.push(body(pointText(model.kpi.summary)));
      if (model.kpi.bySource)
        for (const group of kpiBySource(model)) {
          out.push(para('kjjHeading2', group.heading));
          out.push(...group.lines.map(body));
        }
      if (model.kpi.asAttachment && model.kpi.rows.length > 0)
        out.push(body(`详见附件《${KPI_ATTACHMENT_TITLE}》。`));
      if (kpiTableHere) out.push(kpiTable(model));
      if (model.counties && model.counties.length > 0) {
        out.push(body('各县市区主要指标完成情况如下表：'));
        out.push(countyTable(model));
      }
    }
    if (part.id === 'problems') out.push(...points(model.problems));
    if (part.id === 'plan')
      out.push(...model.plan.map((p, i) => body(`${numbering.item(i + 1)}${pointText(p)}`)));
  }
  if (model.kpi.asAttachment && model.kpi.rows.length > 0) {
    // §5.4: 附件 named after one blank line below the body, then the attachment on its own page.
    out.push(blank(), body(`附件：${KPI_ATTACHMENT_TITLE}`));
    out.push(...signature(model.signature.org, model.signature.date));
    out.push(
      new Paragraph({
        style: 'kjjHeading1',
        pageBreakBefore: true,
        indent: { firstLine: 0 },
        children: [new TextRun('附件')],
      }),
      blank(),
      para('kjjTitle', KPI_ATTACHMENT_TITLE),
      blank(),
      kpiTable(model),
    );
    return out;
  }
  out.push(...signature(model.signature.org, model.signature.date));
  return out;
}

export async function reportDocx(model: ReportModel): Promise<Buffer> {
  const doc = new Document({
    title: model.title,
    creator: model.orgName,
    styles: STYLES,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              footer: mm(21),
              header: mm(15),
            },
          },
          // A line grid only: LibreOffice spreads characters over a character grid (and into
          // table cells); the 28 characters per line come from condensing each by 0.2 pt instead.
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: reportParagraphs(model),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
