import type { Kysely } from 'kysely';
import { AppError, committedFen, formatMoney, type EntityDef, type FieldError, type Lang } from '@kjj/domain';
import type { ApiRow } from './entity-rows.js';
import type { Dialect } from './types.js';

/**
 * Rules that span rows (the domain's definitions cannot read the database). Each runs inside the
 * writing transaction after the row is written, so it sees the new state and a refusal rolls the
 * whole write back.
 */
type RowRule = (tx: Kysely<any>, row: ApiRow, lang: Lang, dialect: Dialect) => Promise<FieldError[]>;

const wan = (fen: number) => `${formatMoney(fen, 'wan')}万元`;

/**
 * R-P1: a project's tranches (all but the cancelled) never exceed its approved grant. On
 * PostgreSQL the project row is locked first, so two tranches written at once are summed one
 * after the other (SQLite has one writer at a time anyway). NO KEY UPDATE, because inserting the
 * tranche already holds the row's KEY SHARE lock (its foreign key): FOR UPDATE would deadlock.
 */
const tranchesWithinGrant: RowRule = async (tx, row, lang, dialect) => {
  let query = tx
    .selectFrom('project')
    .select(['fiscalApprovedFen', 'approvedAt'])
    .where('id', '=', row.projectId as number);
  if (dialect === 'postgres') query = query.forNoKeyUpdate();
  const project = await query.executeTakeFirst();
  if (!project?.approvedAt)
    return [
      {
        path: 'projectId',
        code: 'PROJECT_NOT_APPROVED',
        message: lang === 'zh' ? '项目尚未立项，不能拨款' : 'The project is not approved yet',
      },
    ];
  const tranches = await tx
    .selectFrom('disbursement')
    .select(['amountFen', 'status'])
    .where('projectId', '=', row.projectId as number)
    .where('deletedAt', 'is', null)
    .execute();
  const committed = committedFen(tranches.map((x) => ({ amountFen: Number(x.amountFen), status: x.status })));
  const granted = Number(project.fiscalApprovedFen ?? 0);
  if (committed <= granted) return [];
  return [
    {
      path: 'amountFen',
      code: 'EXCEEDS_GRANT',
      message:
        lang === 'zh'
          ? `拨款合计${wan(committed)}超过批准资助${wan(granted)}；调增资助须先办理调整`
          : `Tranches total ${wan(committed)}, more than the grant of ${wan(granted)}`,
    },
  ];
};

/** A later date of a row that cannot come before an earlier one (either may still be empty). */
const notBefore =
  (later: string, earlier: string, code: string, zh: string, en: string): RowRule =>
  async (_, row, lang) =>
    !row[earlier] || !row[later] || (row[later] as string) >= (row[earlier] as string)
      ? []
      : [{ path: later, code, message: lang === 'zh' ? zh : en }];

const fieldError = (path: string, code: string, zh: string, en: string, lang: Lang): FieldError => ({
  path,
  code,
  message: lang === 'zh' ? zh : en,
});

/**
 * R-T1: a target declared impossible states why; a measured target names its metric and a goal
 * a ratio can be taken of; a decomposition stays within one year.
 */
const targetIsAssessable: RowRule = async (tx, row, lang) => {
  const errors: FieldError[] = [];
  if (row.declaredImpossible && !String(row.reason ?? '').trim())
    errors.push(
      fieldError('reason', 'REASON_REQUIRED', '确认无法完成的指标须填写原因', 'A reason is required', lang),
    );
  if (row.kind !== 'boolean' && !row.metricId)
    errors.push(
      fieldError(
        'metricId',
        'METRIC_REQUIRED',
        '数值目标和增长目标须选择统计指标',
        'Choose the metric that measures it',
        lang,
      ),
    );
  const goal = row.targetValue as { value: number } | null;
  if (goal && row.kind !== 'boolean' && row.direction === 'higher_better' && goal.value <= 0)
    errors.push(
      fieldError('targetValue', 'TARGET_NOT_POSITIVE', '目标值应大于0', 'The target must be above 0', lang),
    );
  if (row.parentTargetId) {
    const parent = await tx
      .selectFrom('target')
      .select(['id', 'year'])
      .where('id', '=', row.parentTargetId as number)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (!parent || Number(parent.id) === row.id)
      errors.push(
        fieldError('parentTargetId', 'INVALID_VALUE', '分解自的指标不存在', 'No such target', lang),
      );
    else if (Number(parent.year) !== row.year)
      errors.push(
        fieldError(
          'parentTargetId',
          'YEAR_MISMATCH',
          '只能分解同一年度的指标',
          'Decompose a target of the same year',
          lang,
        ),
      );
  }
  return errors;
};

const RULES: Record<string, RowRule[]> = {
  target: [targetIsAssessable],
  disbursement: [tranchesWithinGrant],
  call: [
    notBefore(
      'deadline',
      'publishDate',
      'DEADLINE_BEFORE_PUBLISHING',
      '申报截止日期不能早于发布日期',
      'The deadline is before the publishing date',
    ),
  ],
  project: [
    notBefore(
      'plannedEnd',
      'plannedStart',
      'END_BEFORE_START',
      '计划结束日期不能早于计划开始日期',
      'The planned end is before the start',
    ),
  ],
  reserveSurvey: [
    notBefore(
      'endDate',
      'startDate',
      'END_BEFORE_START',
      '结束日期不能早于开始日期',
      'The end is before the start',
    ),
  ],
};

export async function checkRowRules(
  tx: Kysely<any>,
  dialect: Dialect,
  def: EntityDef,
  row: ApiRow,
  lang: Lang,
): Promise<void> {
  const errors: FieldError[] = [];
  for (const rule of RULES[def.name] ?? []) errors.push(...(await rule(tx, row, lang, dialect)));
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
}
