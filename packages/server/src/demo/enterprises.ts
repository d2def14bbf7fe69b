import { composeUscc, prng, USCC_CHARS } from '@kjj/domain';

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

/** A credit code with both check characters right: 9 = 市场监管, kind 1 enterprise / 3 cooperative. */
export function demoUscc(rand: () => number, region: string, cooperative: boolean): string {
  const body = Array.from({ length: 6 }, () =>
    pick(rand, [...USCC_CHARS.slice(0, 10), ...'ABCDEFGHJKLMN']),
  ).join('');
  return composeUscc(cooperative ? '93' : '91', region, `MA${body}`);
}

const BRANDS = [
  '汉清',
  '橘海',
  '启迪',
  '长兴',
  '丹山',
  '华瑞',
  '金穗',
  '绿源',
  '鑫达',
  '恒通',
  '宏远',
  '新农',
  '天成',
  '博雅',
  '瑞丰',
  '兴旺',
  '锦江',
  '沅水',
  '辰龙',
  '楚湘',
  '五溪',
  '山谷',
  '火马',
  '黄溪',
  '安坪',
  '潭湾',
  '孝坪',
  '明德',
  '创新',
  '德润',
];
const TRADES: Record<string, readonly string[]> = {
  A: ['农业科技', '生态农业', '柑橘种植', '茶业', '中药材种植', '生猪养殖', '水产养殖', '油茶开发'],
  C: ['新材料', '机械制造', '电子科技', '食品', '竹木制品', '新型建材', '精细化工', '医药'],
  I: ['信息技术', '软件', '网络科技'],
  M: ['检测技术', '科技服务', '工程技术'],
  F: ['农资贸易', '电子商务'],
  D: ['水电开发', '新能源'],
};
const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '黄', '赵', '周', '吴', '向', '米', '舒', '瞿'];
const TAGS = ['农业', '制造', '高企培育', '规上', '科技示范', '出口', '专精特新', '乡村振兴'];

export interface DemoEnterprise {
  name: string;
  uscc: string;
  kind: string;
  industry: string;
  established: string;
  registeredCapitalFen: number;
  legalRep: string;
  townId: number | null;
  address: string;
  park: string | null;
  contacts: { name: string; phone: string; position: string }[];
  tags: string[];
  isHte: boolean;
  isTsme: boolean;
  isAboveScale: boolean;
}

/** `count` distinct enterprises of one county, with valid codes and plausible details. */
export function demoEnterprises(opts: {
  seed: number;
  count: number;
  county: string;
  region: string;
  towns: { id: number; name: string }[];
}): DemoEnterprise[] {
  const rand = prng(opts.seed);
  const names = new Set<string>();
  const out: DemoEnterprise[] = [];
  while (out.length < opts.count) {
    const industry = pick(rand, Object.keys(TRADES));
    const cooperative = industry === 'A' && rand() < 0.3;
    const suffix = cooperative ? '专业合作社' : rand() < 0.12 ? '股份有限公司' : '有限公司';
    const name = `${opts.county}${pick(rand, BRANDS)}${pick(rand, TRADES[industry] ?? [])}${suffix}`;
    if (names.has(name)) continue;
    names.add(name);
    const town = opts.towns.length ? pick(rand, opts.towns) : undefined;
    const year = 2000 + Math.floor(rand() * 24);
    const surname = pick(rand, SURNAMES);
    out.push({
      name,
      uscc: demoUscc(rand, opts.region, cooperative),
      kind: cooperative ? 'cooperative' : suffix === '股份有限公司' ? 'joint_stock' : 'llc',
      industry,
      established: `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      registeredCapitalFen: (50 + Math.floor(rand() * 4950)) * 1_000_000,
      legalRep: `${surname}某某`,
      townId: town?.id ?? null,
      address: `${opts.county}${town?.name ?? ''}${pick(rand, ['工业园', '新区', '老街', '大道'])}${1 + Math.floor(rand() * 200)}号`,
      park: industry === 'C' && rand() < 0.5 ? `${opts.county}工业集中区` : null,
      contacts: [
        {
          name: `${pick(rand, SURNAMES)}某`,
          phone: `1387450${String(Math.floor(rand() * 10_000)).padStart(4, '0')}`,
          position: '办公室主任',
        },
      ],
      tags: [...new Set([pick(rand, TAGS), pick(rand, TAGS)])].slice(0, 1 + Math.floor(rand() * 2)),
      isHte: rand() < 0.15,
      isTsme: rand() < 0.3,
      isAboveScale: rand() < 0.2,
    });
  }
  return out;
}
