import { orgCodeCheckChar, usccCheckChar, type ActionDef } from '@kjj/domain';

let serial = 0;

/** A fresh credit code of 辰溪县 (or another region) with both check characters right. */
export function validUscc(region = '431223'): string {
  serial += 1;
  const orgCode = `MT${String(serial + Math.floor(Math.random() * 1e5)).padStart(6, '0')}`;
  const first17 = `91${region}${orgCode}${orgCodeCheckChar(orgCode)}`;
  return first17 + usccCheckChar(first17);
}

/** A valid value for each field of an action's form (the smallest that passes its schema). */
export function actionInput(action: ActionDef): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(action.input)) {
    switch (field.kind) {
      case 'text':
        input[name] = field.check
          ? '辰科发〔2020〕12号'
          : '测试说明'.padEnd(Math.max(field.min ?? 0, 4), '。');
        break;
      case 'int':
        input[name] = Math.max(field.min ?? 0, Math.min(50, field.max ?? 50));
        break;
      case 'money':
        input[name] = 100_00;
        break;
      case 'date':
        input[name] = '2020-06-01';
        break;
      case 'enum':
        input[name] = field.values.codes[0];
        break;
      case 'bool':
        input[name] = true;
        break;
      default:
        throw new Error(`no sample for ${field.kind} input ${name}`);
    }
  }
  return input;
}
