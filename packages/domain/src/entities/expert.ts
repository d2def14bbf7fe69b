import { defineEntity } from '../define/entity.js';
import { defineEnum } from '../define/enums.js';
import { f } from '../define/fields.js';
import { t } from '../i18n.js';
import { checkResidentId } from '../validators/resident-id.js';

export const EXPERT_TITLES = defineEnum({
  senior: t('正高级', 'Senior'),
  deputy_senior: t('副高级', 'Deputy senior'),
  intermediate: t('中级', 'Intermediate'),
  other: t('其他', 'Other'),
});

export const GENDERS = defineEnum({ male: t('男', 'Male'), female: t('女', 'Female') });

/**
 * 评审专家库 (DOMAIN §3.2 Review): the pool reviewers are drawn from. Unit and declared conflict
 * units are what the draw excludes (R-R1), so they are kept as typed by the expert.
 */
export const expert = defineEntity({
  name: 'expert',
  plural: 'experts',
  label: t('评审专家', 'Expert'),
  display: 'name',
  importKey: 'idNumber',
  fields: {
    name: f.text({ label: t('姓名', 'Name'), required: true, min: 2, max: 30, search: true, sort: true }),
    gender: f.enum(GENDERS, { label: t('性别', 'Gender') }),
    idNumber: f.text({
      label: t('身份证号', 'Resident ID'),
      required: true,
      max: 20,
      unique: true,
      hidden: true,
      check: (value) => checkResidentId(value),
    }),
    unit: f.text({ label: t('工作单位', 'Unit'), required: true, max: 100, search: true }),
    title: f.enum(EXPERT_TITLES, { label: t('职称', 'Title'), required: true, filter: true }),
    fields: f.tags({ label: t('专业领域', 'Fields'), filter: true, maxLength: 30 }),
    phone: f.text({ label: t('联系电话', 'Phone'), max: 30 }),
    declaredConflictUnits: f.tags({
      label: t('申报回避单位', 'Declared conflicts'),
      maxLength: 100,
      hidden: true,
    }),
    active: f.bool({ label: t('在库可抽取', 'Available for drawing'), filter: true }),
    accountUsername: f.text({
      label: t('评审账号', 'Reviewer account'),
      max: 50,
      hidden: true,
      help: t(
        '专家登录评审的用户名（由管理员以“评审专家”角色开通）；无账号的专家由工作人员代录纸质评分表',
        'The username the expert signs in with (role: reviewer); staff enter paper sheets for experts without one',
      ),
    }),
  },
  sample: {
    name: '王建华',
    gender: 'male',
    idNumber: '11010519491231002X',
    unit: '湖南农业大学',
    title: 'senior',
    fields: ['果树栽培', '植物保护'],
    active: true,
  },
  list: { columns: ['name', 'unit', 'title', 'fields', 'active'], sort: 'name' },
});
