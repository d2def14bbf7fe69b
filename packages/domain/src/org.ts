import { defineEnum } from './define/enums.js';
import { t } from './i18n.js';

export const ORG_KINDS = defineEnum({
  province_dept: t('省科技厅', 'Provincial S&T department'),
  city_bureau: t('市科技局', 'City S&T bureau'),
  county_bureau: t('县（市、区）科技局', 'County S&T bureau'),
  zone: t('管理区', 'Management zone'),
  section: t('股室', 'Section'),
});
export type OrgKind = (typeof ORG_KINDS.codes)[number];

/**
 * Which rows a role reaches (DESIGN §3). Ordered from widest to narrowest; a user with several
 * roles gets the widest scope among the roles that grant the permission in question.
 */
export const DATA_SCOPES = defineEnum({
  all: t('全部数据', 'All data'),
  org_and_below: t('本单位及下级', 'Own organisation and below'),
  org: t('本单位', 'Own organisation'),
  section: t('本股室', 'Own section'),
  self: t('仅本人', 'Own records only'),
});
export type DataScope = (typeof DATA_SCOPES.codes)[number];

export const widestScope = (scopes: DataScope[]): DataScope | undefined =>
  DATA_SCOPES.codes.find((scope) => scopes.includes(scope));

/** Materialised path of an org: `/430000/431200/431223/`; sections append `s<id>/`. */
export const orgPathOf = (parentPath: string | null, segment: string): string =>
  `${parentPath ?? '/'}${segment}/`;

export const USER_STATUSES = defineEnum({
  active: t('正常', 'Active'),
  disabled: t('已停用', 'Disabled'),
});

export const POSITIONS = defineEnum({
  director: t('局长', 'Director'),
  deputy_director: t('副局长', 'Deputy director'),
  section_chief: t('股长', 'Section chief'),
  staff: t('干部', 'Staff'),
  worker: t('工勤', 'Support staff'),
  other: t('其他', 'Other'),
});
