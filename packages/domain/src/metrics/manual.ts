import type { ManualMetric, MetricDef } from '../define/metric.js';
import { t, type Text } from '../i18n.js';

const manual = (id: string, label: Text, unit: string, en: string, money = false): ManualMetric => ({
  id,
  label,
  unit: t(unit, en),
  manual: true,
  ...(money ? { money: true } : {}),
});

/**
 * Figures a bureau reports whose modules are not built yet (DOMAIN §4.1: I, Q, T, K, E and the
 * 小康 targets G). Staff enter them as 手工填报 with evidence; the ids are the ones the computed
 * metrics will take, so targets and reports keep working when a module replaces an entry.
 */
export const MANUAL_METRICS: readonly MetricDef[] = [
  // 知识产权
  manual('ip.applications.count', t('专利申请量', 'Patent applications'), '件', 'patents'),
  manual(
    'ip.applications.invention.count',
    t('发明专利申请量', 'Invention patent applications'),
    '件',
    'patents',
  ),
  manual('ip.grants.count', t('专利授权量', 'Patents granted'), '件', 'patents'),
  manual('ip.grants.invention.count', t('新增发明专利授权量', 'Invention patents granted'), '件', 'patents'),
  manual('ip.subsidy.patents.count', t('获资助专利数', 'Patents subsidised'), '件', 'patents'),
  manual('ip.subsidy.amount', t('兑现专利资助资金', 'Patent subsidies paid'), '万元', '10k yuan', true),
  manual('ip.cases.closed.count', t('调处知识产权纠纷', 'IP disputes settled'), '起', 'cases'),
  manual('ip.policies.count', t('出台知识产权政策文件', 'IP policies issued'), '个', 'documents'),
  // 高新技术企业与科技型中小企业
  manual('enterprises.hte.new.count', t('新认定高新技术企业', 'New high-tech enterprises'), '家', 'firms'),
  manual('rd.investment.amount', t('科研经费投入', 'R&D investment'), '万元', '10k yuan', true),
  // 科技特派员与科技人才
  manual('commissioners.sanqu.count', t('引进“三区”科技人才', '"Three areas" S&T talent'), '名', 'people'),
  manual('commissioners.institutions.count', t('人才派出单位', 'Sending institutions'), '所', 'institutions'),
  manual(
    'commissioners.upper.count',
    t('省市科技特派员', 'Provincial and city commissioners'),
    '名',
    'people',
  ),
  manual('commissioners.county.count', t('县级科技特派员', 'County commissioners'), '名', 'people'),
  manual('commissioners.enterprises.count', t('服务企业', 'Enterprises served'), '家', 'firms'),
  manual('services.trainings.count', t('举办技术培训', 'Trainings held'), '期', 'sessions'),
  manual('services.technologies.count', t('推广新技术', 'Technologies introduced'), '项', 'items'),
  manual('services.varieties.count', t('推广新品种', 'Varieties introduced'), '个', 'items'),
  // 产学研合作与创新平台
  manual('cooperation.signed.count', t('签订产学研合作协议', 'Cooperation agreements'), '个', 'agreements'),
  manual('platforms.count', t('新建创新平台', 'Innovation platforms'), '个', 'platforms'),
  // 科普宣传与技术服务
  manual('events.count', t('开展科普宣传活动', 'Outreach events'), '场次', 'events'),
  manual('events.materials.count', t('发放科普资料', 'Materials handed out'), '份', 'copies'),
  manual('events.consultations.count', t('接受群众咨询', 'Consultations'), '人次', 'visits'),
  // 防震减灾
  manual('quake.boards.count', t('制作防震减灾宣传展板', 'Earthquake safety boards'), '块', 'boards'),
  manual('quake.materials.count', t('发放防震减灾资料', 'Earthquake safety materials'), '份', 'copies'),
];
