import { defineEntity } from '../define/entity.js';
import { defineEnum } from '../define/enums.js';
import { f } from '../define/fields.js';
import { t } from '../i18n.js';
import { checkUscc } from '../validators/uscc.js';

export const ENTERPRISE_KINDS = defineEnum({
  llc: t('有限责任公司', 'Limited liability company'),
  joint_stock: t('股份有限公司', 'Joint-stock company'),
  sole_proprietorship: t('个人独资企业', 'Sole proprietorship'),
  partnership: t('合伙企业', 'Partnership'),
  cooperative: t('农民专业合作社', "Farmers' cooperative"),
  individual: t('个体工商户', 'Individual business'),
  foreign: t('外资企业', 'Foreign-invested enterprise'),
  other: t('其他', 'Other'),
});

/** GB/T 4754-2017 sections (门类). */
export const INDUSTRIES = defineEnum({
  A: t('农、林、牧、渔业', 'Agriculture, forestry, animal husbandry and fishery'),
  B: t('采矿业', 'Mining'),
  C: t('制造业', 'Manufacturing'),
  D: t('电力、热力、燃气及水生产和供应业', 'Electricity, heat, gas and water'),
  E: t('建筑业', 'Construction'),
  F: t('批发和零售业', 'Wholesale and retail'),
  G: t('交通运输、仓储和邮政业', 'Transport, storage and post'),
  H: t('住宿和餐饮业', 'Accommodation and catering'),
  I: t('信息传输、软件和信息技术服务业', 'Information and software services'),
  J: t('金融业', 'Finance'),
  K: t('房地产业', 'Real estate'),
  L: t('租赁和商务服务业', 'Leasing and business services'),
  M: t('科学研究和技术服务业', 'Research and technical services'),
  N: t('水利、环境和公共设施管理业', 'Water, environment and public facilities'),
  O: t('居民服务、修理和其他服务业', 'Resident and repair services'),
  P: t('教育', 'Education'),
  Q: t('卫生和社会工作', 'Health and social work'),
  R: t('文化、体育和娱乐业', 'Culture, sports and entertainment'),
  S: t('公共管理、社会保障和社会组织', 'Public administration and social organisations'),
  T: t('国际组织', 'International organisations'),
});

const contact = {
  name: f.text({ label: t('姓名', 'Name'), required: true, max: 30 }),
  phone: f.text({ label: t('电话', 'Phone'), max: 30 }),
  position: f.text({ label: t('职务', 'Position'), max: 30 }),
};

/** 企业库 (DOMAIN §3.3). 高企/科小/规上 are manual flags until the HTE and 科小 modules derive them. */
export const enterprise = defineEntity({
  name: 'enterprise',
  plural: 'enterprises',
  label: t('企业', 'Enterprise'),
  display: 'name',
  importKey: 'uscc',
  fields: {
    name: f.text({ label: t('企业名称', 'Name'), required: true, max: 100, search: true, sort: true }),
    uscc: f.text({
      label: t('统一社会信用代码', 'Unified social credit code'),
      help: t('18位，如 91431223MA4L1C2D0J', '18 characters, e.g. 91431223MA4L1C2D0J'),
      required: true,
      max: 30,
      unique: true,
      search: true,
      sort: true,
      check: checkUscc,
    }),
    kind: f.enum(ENTERPRISE_KINDS, { label: t('企业类型', 'Kind'), required: true, filter: true }),
    industry: f.enum(INDUSTRIES, { label: t('所属行业', 'Industry'), filter: true }),
    established: f.date({ label: t('成立日期', 'Established'), notFuture: true, filter: true }),
    registeredCapitalFen: f.money({ label: t('注册资本', 'Registered capital'), display: 'wan' }),
    legalRep: f.text({ label: t('法定代表人', 'Legal representative'), max: 30 }),
    townId: f.ref('town', { label: t('所在乡镇', 'Town'), filter: true }),
    address: f.text({ label: t('地址', 'Address'), max: 200, search: true }),
    park: f.text({ label: t('所在园区', 'Industrial park'), max: 100, filter: true }),
    contacts: f.list(contact, { label: t('联系人', 'Contacts'), maxItems: 10 }),
    tags: f.tags({ label: t('标签', 'Tags'), filter: true }),
    isHte: f.bool({ label: t('高新技术企业（手工标注）', 'High-tech enterprise (manual)'), filter: true }),
    isTsme: f.bool({ label: t('科技型中小企业（手工标注）', 'Tech-based SME (manual)'), filter: true }),
    isAboveScale: f.bool({
      label: t('规上企业（手工标注）', 'Above designated size (manual)'),
      filter: true,
    }),
    note: f.text({ label: t('备注', 'Note'), max: 1000, multiline: true, hidden: true }),
  },
  sample: {
    name: '辰溪县某某农业科技有限公司',
    uscc: '91431223MA4L1C2D0J',
    kind: 'llc',
    industry: 'A',
    established: '2018-03-15',
    registeredCapitalFen: 500_000_000,
    legalRep: '张三',
    address: '辰溪县辰阳镇某某路1号',
    tags: ['农业', '高企培育'],
    isHte: false,
    isTsme: true,
    isAboveScale: false,
  },
  list: { columns: ['name', 'uscc', 'kind', 'industry', 'townId', 'isHte', 'isTsme'], sort: '-updatedAt' },
  excel: [
    'name',
    'uscc',
    'kind',
    'industry',
    'established',
    'registeredCapitalFen',
    'legalRep',
    'townId',
    'address',
    'park',
    'tags',
    'isHte',
    'isTsme',
    'isAboveScale',
    'note',
  ],
});
