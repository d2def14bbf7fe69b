import { composeUscc } from '@kjj/domain';

let serial = 0;

/** A fresh credit code of 辰溪县 (or another region) with both check characters right. */
export function validUscc(region = '431223'): string {
  serial += 1;
  return composeUscc('91', region, `MT${String(serial + Math.floor(Math.random() * 1e5)).padStart(6, '0')}`);
}

// Characters no demo enterprise name uses, so a search for a token finds only this run's records.
const TOKEN_CHARS = '甲乙丙丁戊己庚辛壬癸';

/** Four Chinese characters unique to this run (and call): the search handle of the records it creates. */
export function uniqueToken(): string {
  serial += 1;
  const n = (Date.now() * 10 + serial) % 10_000;
  return [...String(n).padStart(4, '0')].map((d) => TOKEN_CHARS.charAt(Number(d))).join('');
}
