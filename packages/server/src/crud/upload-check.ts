import { AppError, ATTACHMENT_TYPES, extensionOf, type Lang } from '@kjj/domain';

/**
 * An import must be a plain .xlsx: the right extension and a zip container. Macro-enabled
 * workbooks (.xlsm) and old binary .xls are refused with a message saying what to do instead.
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
}
