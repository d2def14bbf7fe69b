import { composeUscc, residentIdCheckChar, type ActionDef } from '@kjj/domain';

let serial = 0;

/** A fresh credit code of 辰溪县 (or another region) with both check characters right. */
export function validUscc(region = '431223'): string {
  serial += 1;
  return composeUscc('91', region, `MT${String(serial + Math.floor(Math.random() * 1e5)).padStart(6, '0')}`);
}

/** A fresh resident ID of the region (born 1980, a serial in the sequence digits), check character right. */
export function validResidentId(region = '431223'): string {
  serial += 1;
  const first17 = `${region}19800101${String(serial % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
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
      case 'ref':
        // Callers that need a real record (a review batch) replace it.
        input[name] = 1;
        break;
      case 'list':
        input[name] = [];
        break;
      case 'qty':
        input[name] = { value: 1, qualifier: 'exact' };
        break;
      default:
        throw new Error(`no sample for ${field.kind} input ${name}`);
    }
  }
  return input;
}
