import { App } from 'antd';
import { useState } from 'react';
import type { QueryParams } from '../../api/client';
import { downloadFile } from '../../api/download';
import { isApiError } from '../../api/problem';

/** A download with a busy flag; a refusal (403, 400 on a bad filter) becomes a message. */
export function useDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (key: string, path: string, query: QueryParams, fallbackName: string) => {
    setBusy(key);
    try {
      await downloadFile(path, query, fallbackName);
    } catch (error) {
      void message.error(isApiError(error) ? error.detail : String(error));
    } finally {
      setBusy(null);
    }
  };
  return { busy, download };
}
