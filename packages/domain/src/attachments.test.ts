import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAttachment, safeFileName } from './attachments.js';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);

describe('attachments', () => {
  it('makes any name safe: no folders, no control or reserved characters, extension kept', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('', '.pdf', '.docx'), (name, ext) => {
        const safe = safeFileName(name + ext);
        expect(safe).not.toMatch(/[/\\<>:"|?*\u0000-\u001f\u007f]/);
        expect(safe.startsWith('.')).toBe(false);
        expect([...safe].length).toBeLessThanOrEqual(100);
        if (ext) expect(safe.endsWith(ext)).toBe(true);
      }),
    );
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\张三\\任务书.docx')).toBe('任务书.docx');
    expect(safeFileName('..\u0000.pdf')).toBe('附件.pdf');
  });

  it('accepts documents by their content and refuses the rest with a reason', () => {
    expect(checkAttachment('立项通知.pdf', PDF)).toMatchObject({
      mime: 'application/pdf',
      fileName: '立项通知.pdf',
    });
    expect(checkAttachment('tool.exe', PDF)).toMatchObject({
      error: { zh: expect.stringContaining('不接受 .exe') },
    });
    expect(checkAttachment('宏.xlsm', PDF)).toMatchObject({
      error: { zh: expect.stringContaining('.xlsm') },
    });
    expect(checkAttachment('伪装.pdf', new Uint8Array([0x4d, 0x5a, 0x90]))).toMatchObject({
      error: { zh: '文件内容与 .pdf 格式不符' },
    });
    expect(checkAttachment('空.pdf', new Uint8Array())).toMatchObject({ error: { zh: '文件为空' } });
  });
});
