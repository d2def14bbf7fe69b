import { orgCodeCheckChar, usccCheckChar } from '@kjj/domain';

let serial = 0;

/** A fresh credit code of 辰溪县 (or another region) with both check characters right. */
export function validUscc(region = '431223'): string {
  serial += 1;
  const orgCode = `MT${String(serial + Math.floor(Math.random() * 1e5)).padStart(6, '0')}`;
  const first17 = `91${region}${orgCode}${orgCodeCheckChar(orgCode)}`;
  return first17 + usccCheckChar(first17);
}
