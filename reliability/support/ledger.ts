import { composeUscc } from '@kjj/domain';
import ExcelJS from 'exceljs';

/** Every name the harness writes starts with this, so its rows are found among the demo's. */
export const MARK = '辰溪县可靠性';

let serial = Math.floor(Math.random() * 500_000);

/** A fresh, valid credit code of 辰溪县: unique within a run of the harness. */
export function nextUscc(): string {
  serial += 1;
  return composeUscc('91', '431223', `RL${String(serial).padStart(6, '0')}`);
}

export const nextSerial = () => ++serial;

/** What the server acknowledged with a 2xx: after any crash, all of it must still be there. */
export class Ledger {
  /** Enterprise id → the name it was created with. */
  readonly created = new Map<number, string>();
  /** Record key (`enterprise:7`) → the latest acknowledged version and the value written with it. */
  readonly latest = new Map<string, { version: number; value: string }>();
  /** Import jobs acknowledged (202): their rows must all arrive, even across a restart. */
  readonly imports: { jobId: number; prefix: string; rows: number }[] = [];
  /** Import batches sent, acknowledged or not: none may ever be half applied. */
  readonly sentImports: { prefix: string; rows: number }[] = [];
  acknowledged = 0;

  /** What had been acknowledged up to now, kept apart from what follows. */
  snapshot(): Ledger {
    const copy = new Ledger();
    for (const [k, v] of this.created) copy.created.set(k, v);
    for (const [k, v] of this.latest) copy.latest.set(k, { ...v });
    copy.imports.push(...this.imports);
    copy.sentImports.push(...this.sentImports);
    copy.acknowledged = this.acknowledged;
    return copy;
  }

  ack(key: string, version: number, value: string): void {
    const known = this.latest.get(key);
    if (!known || known.version < version) this.latest.set(key, { version, value });
    this.acknowledged += 1;
  }
}

const IMPORT_HEADER = ['*企业名称', '*统一社会信用代码', '*企业类型'];

/** An import file of `rows` new enterprises whose names start with `prefix`. */
export async function importFile(prefix: string, rows: number): Promise<Blob> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业');
  sheet.addRow(IMPORT_HEADER);
  for (let i = 0; i < rows; i++) sheet.addRow([`${prefix}${i}有限公司`, nextUscc(), '有限责任公司']);
  const bytes = await book.xlsx.writeBuffer();
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
