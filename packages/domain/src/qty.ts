import { defineEnum } from './define/enums.js';
import { t } from './i18n.js';

/**
 * Counted quantities as bureaus write them (DOMAIN §3.0): "30多个", "约100人次", "8000余册",
 * "100人以上". A figure keeps its qualifier so what staff typed round-trips, and the report's
 * consistency check can tell which figures cannot both be true.
 */
export const QUALIFIERS = defineEnum({
  exact: t('精确', 'exact'),
  yu: t('余', 'odd (余)'),
  duo: t('多', 'more (多)'),
  yishang: t('以上', 'or more (以上)'),
  yue: t('约', 'about (约)'),
  jin: t('近', 'nearly (近)'),
  chaoguo: t('超过', 'over (超过)'),
  buzu: t('不足', 'under (不足)'),
});
export type Qualifier = (typeof QUALIFIERS.codes)[number];

export interface Qty {
  value: number;
  qualifier: Qualifier;
}

/** Where each qualifier's word goes around "number + measure word". */
const WORD: Record<Exclude<Qualifier, 'exact'>, { word: string; at: 'before' | 'middle' | 'after' }> = {
  yu: { word: '余', at: 'middle' },
  duo: { word: '多', at: 'middle' },
  yishang: { word: '以上', at: 'after' },
  yue: { word: '约', at: 'before' },
  jin: { word: '近', at: 'before' },
  chaoguo: { word: '超过', at: 'before' },
  buzu: { word: '不足', at: 'before' },
};

/** Up to 4 decimals, as DOMAIN's Qty allows. */
export const QTY_MAX_DECIMALS = 4;
export const QTY_MAX = 1e12;

const plain = (value: number): string => String(Number(value.toFixed(QTY_MAX_DECIMALS)));

/**
 * The number as prose writes it: Arabic, no grouping; a value of 10000 or more may read as 万 (at
 * most 2 decimals) only when it is qualified, since a qualified figure is already approximate
 * (15000多人 ↔ 1.5万多人). Exact counts stay whole so no digit is lost.
 */
function numberText(q: Qty): string {
  if (q.qualifier !== 'exact' && q.value >= 10_000 && Number.isInteger(q.value) && q.value % 100 === 0)
    return `${plain(q.value / 10_000)}万`;
  return plain(q.value);
}

/** "30多个", "约100人次", "100人以上"; the measure word may be empty. */
export function formatQty(q: Qty, unit = ''): string {
  const number = numberText(q);
  if (q.qualifier === 'exact') return `${number}${unit}`;
  const { word, at } = WORD[q.qualifier];
  if (at === 'before') return `${word}${number}${unit}`;
  if (at === 'middle') return `${number}${word}${unit}`;
  return `${number}${unit}${word}`;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)(万)?`;
const BEFORE = Object.entries(WORD).filter(([, w]) => w.at === 'before');
const MIDDLE = Object.entries(WORD).filter(([, w]) => w.at === 'middle');
const AFTER = Object.entries(WORD).filter(([, w]) => w.at === 'after');
const alternatives = (entries: [string, { word: string }][]) => entries.map(([, w]) => w.word).join('|');
const QTY_PATTERN = new RegExp(
  String.raw`^(${alternatives(BEFORE)})?${NUMBER}(${alternatives(MIDDLE)})?(\D*?)(${alternatives(AFTER)})?$`,
);

const codeOf = (entries: [string, { word: string }][], word: string | undefined): Qualifier | undefined =>
  word === undefined ? undefined : (entries.find(([, w]) => w.word === word)?.[0] as Qualifier);

export interface ParsedQty {
  qty: Qty;
  /** The measure word found after the number ('' when none). */
  unit: string;
  /** R-Q1: more than one qualifier was written; the one kept is the one nearest the number. */
  doubleQualifier: boolean;
}

/**
 * Reads what staff type or legacy lists hold: "30多个", "约100余人次" (kept as 余, flagged), "1.5万余人次",
 * "近2000", "100人以上", "2,000". Undefined when it is not a quantity.
 */
export function parseQty(text: string): ParsedQty | undefined {
  const match = QTY_PATTERN.exec(text.trim().replace(/[,，\s]/g, ''));
  if (!match) return undefined;
  const [, before, digits = '', wan, middle, unit = '', after] = match;
  const value = Number(digits) * (wan ? 10_000 : 1);
  if (!Number.isFinite(value) || value > QTY_MAX) return undefined;
  const found = [codeOf(MIDDLE, middle), codeOf(BEFORE, before), codeOf(AFTER, after)].filter(
    (q): q is Qualifier => q !== undefined,
  );
  return {
    qty: { value: Number(value.toFixed(QTY_MAX_DECIMALS)), qualifier: found[0] ?? 'exact' },
    unit,
    doubleQualifier: found.length > 1,
  };
}

/** Place value of the last significant digit: 5000 → 1000, 15000 → 1000, 100 → 100, 7 → 1, 2.5 → 0.1. */
export function placeValue(value: number): number {
  if (value === 0) return 1;
  const text = plain(Math.abs(value));
  const [whole = '', fraction = ''] = text.split('.');
  if (fraction) return 10 ** -fraction.length;
  const zeros = /0*$/.exec(whole)?.[0].length ?? 0;
  return 10 ** Math.min(zeros, whole.length - 1);
}

/** The values a qualified figure can stand for (DOMAIN §3.0): [low, high] with open/closed ends. */
export interface QtyInterval {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

export function qtyInterval({ value: v, qualifier }: Qty): QtyInterval {
  const s = placeValue(v);
  const closed = (low: number, high: number): QtyInterval => ({ low, high, lowOpen: false, highOpen: false });
  switch (qualifier) {
    case 'exact':
      return closed(v, v);
    case 'yu':
    case 'duo':
      return { ...closed(v, v + s), highOpen: true };
    case 'yishang':
      return closed(v, Infinity);
    case 'yue':
      return closed(v - s / 2, v + s / 2);
    case 'jin':
      return { ...closed(v - s, v), highOpen: true };
    case 'chaoguo':
      return { ...closed(v, Infinity), lowOpen: true };
    case 'buzu':
      return { ...closed(0, v), highOpen: true };
  }
}

/** Whether two figures for the same thing can both be true (report check C-8: "5000余份" vs "4000份"). */
export function qtyCompatible(a: Qty, b: Qty): boolean {
  const x = qtyInterval(a);
  const y = qtyInterval(b);
  const below = (p: QtyInterval, q: QtyInterval) =>
    p.high < q.low || (p.high === q.low && (p.highOpen || q.lowOpen));
  return !below(x, y) && !below(y, x);
}

/** R-Q2: 余/多 belong on a round value (last digit 0, or a 万 form); "5123余" deserves a warning. */
export function qualifierNeedsRoundValue(q: Qty): boolean {
  return (q.qualifier === 'yu' || q.qualifier === 'duo') && placeValue(q.value) < 10 && q.value >= 10;
}

/**
 * R-Q3: a sum carries its weakest qualifier (exact + 余 = 余). Qualifiers that bound from above and
 * below cannot be added meaningfully into one word, so mixing them gives 约.
 */
export function sumQty(parts: readonly Qty[]): Qty {
  const value = Number(parts.reduce((sum, q) => sum + q.value, 0).toFixed(QTY_MAX_DECIMALS));
  const kinds = new Set(parts.map((q) => q.qualifier).filter((q) => q !== 'exact'));
  if (kinds.size === 0) return { value, qualifier: 'exact' };
  if (kinds.size === 1) return { value, qualifier: [...kinds][0] as Qualifier };
  const upward = new Set<Qualifier>(['yu', 'duo', 'yishang', 'chaoguo']);
  if ([...kinds].every((q) => upward.has(q)))
    return { value, qualifier: kinds.has('yishang') || kinds.has('chaoguo') ? 'yishang' : 'yu' };
  return { value, qualifier: 'yue' };
}

/** A stored figure as the API reads it (null for an empty field or anything that is not a Qty). */
export function decodeQty(value: unknown): Qty | null {
  if (typeof value !== 'object' || value === null) return null;
  const q = value as Partial<Qty>;
  return typeof q.value === 'number' && QUALIFIERS.codes.includes(q.qualifier as Qualifier)
    ? { value: q.value, qualifier: q.qualifier as Qualifier }
    : null;
}
