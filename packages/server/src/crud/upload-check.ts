import { AppError, ATTACHMENT_TYPES, extensionOf, type Lang } from '@kjj/domain';
import { zipEntries } from '../documents/zip-entries.js';

/** A workbook of a million rows unpacks to a few hundred MB at about 10:1; a bomb goes far beyond. */
const MAX_UNPACKED = 1_000_000_000;
const MAX_RATIO = 100;
const MAX_ENTRIES = 10_000;

/**
 * An import must be a plain .xlsx: the right extension and a zip container. Macro-enabled
 * workbooks (.xlsm, or an .xlsx carrying a VBA project) and old binary .xls are refused with a message
 * saying what to do instead, and so is a decompression bomb (judged from the zip's directory).
 */
export function checkUpload(name: string, bytes: Uint8Array, lang: Lang): void {
  const zh = lang === 'zh';
  const extension = extensionOf(name);
  const refuse = (zhReason: string, enReason: string) => {
    throw new AppError('INVALID_FILE', { reason: zh ? zhReason : enReason });
  };
  if (extension === 'xlsm' || extension === 'xltm')
    refuse('不接受含宏的工作簿，请另存为 .xlsx', 'macro-enabled workbooks are refused; save as .xlsx');
  if (extension === 'xls') refuse('请另存为 .xlsx 格式后再导入', 'save the file as .xlsx first');
  if (extension !== 'xlsx') refuse('只接受 .xlsx 文件', 'only .xlsx files are accepted');
  if (bytes.length === 0) refuse('文件为空', 'the file is empty');
  if (!ATTACHMENT_TYPES.xlsx!.magic.every((b, i) => bytes[i] === b))
    refuse('文件内容不是 xlsx 格式', 'the content is not an xlsx file');
  const entries = zipEntries(bytes);
  if (!entries) return; // a broken container fails as a job, with the reader's reason
  if (entries.some((e) => /vbaProject\.bin$/i.test(e.name)))
    refuse('文件含有宏，请另存为不含宏的 .xlsx', 'the workbook contains macros; save it as a plain .xlsx');
  if (entries.length > MAX_ENTRIES) refuse('文件结构异常（部件过多）', 'too many parts in the workbook');
  const packed = entries.reduce((n, e) => n + e.compressedSize, 0);
  const unpacked = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (unpacked > MAX_UNPACKED || unpacked > Math.max(packed, 1) * MAX_RATIO)
    refuse('文件解压后异常庞大，疑似压缩炸弹', 'the file inflates to an implausible size (a zip bomb?)');
}
