import { t, type Text } from './i18n.js';

/**
 * Documents attached to a record (通知原文, 任务书, 拨款凭证 …): the kinds a bureau exchanges, each
 * recognised by its content and not only its name, so a renamed executable or a macro workbook
 * cannot pass as a document.
 */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
export const ATTACHMENT_TYPES: Record<string, { mime: string; magic: number[] }> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  ofd: { mime: 'application/ofd', magic: ZIP },
  doc: { mime: 'application/msword', magic: OLE },
  xls: { mime: 'application/vnd.ms-excel', magic: OLE },
  wps: { mime: 'application/vnd.ms-works', magic: OLE },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
};

export const ATTACHMENT_MAX_BYTES = 20 * 1_048_576;

/** The extension of a file name, lower case, or '' when it has none. */
export const extensionOf = (name: string): string =>
  /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * A file name safe to store and to send back: no folders, no control or reserved characters, no
 * leading dots, at most 100 characters with the extension kept.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = [...base.normalize('NFC')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'<>:"|?*'.includes(c))
    .join('')
    .trim();
  const ext = extensionOf(cleaned);
  const stem = (ext ? cleaned.slice(0, -(ext.length + 1)) : cleaned).replace(/^[.\s]+/, '');
  const kept = [...stem]
    .slice(0, 100 - (ext ? ext.length + 1 : 0))
    .join('')
    .trimEnd();
  return `${kept || '附件'}${ext ? `.${ext}` : ''}`;
}

/** Why a file cannot be attached, or undefined when it can; on success, its content type. */
export function checkAttachment(
  name: string,
  bytes: Uint8Array,
): { error: Text } | { mime: string; fileName: string } {
  const ext = extensionOf(name);
  const kind = ATTACHMENT_TYPES[ext];
  if (!kind)
    return {
      error: t(
        `不接受 .${ext || '（无扩展名）'} 文件；可上传 ${Object.keys(ATTACHMENT_TYPES).join('、')}`,
        `.${ext || '(none)'} files are refused; allowed: ${Object.keys(ATTACHMENT_TYPES).join(', ')}`,
      ),
    };
  if (bytes.length === 0) return { error: t('文件为空', 'the file is empty') };
  if (bytes.length > ATTACHMENT_MAX_BYTES) return { error: t('文件超过20MB', 'the file is over 20 MB') };
  if (!kind.magic.every((b, i) => bytes[i] === b))
    return { error: t(`文件内容与 .${ext} 格式不符`, `the content is not a .${ext} file`) };
  return { mime: kind.mime, fileName: safeFileName(name) };
}
