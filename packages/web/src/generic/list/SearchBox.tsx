import { Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Full-text search (`q`); Chinese substrings match, so 辰溪 finds 辰溪县…有限公司. */
export function SearchBox({
  value,
  onSearch,
  placeholder,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  placeholder: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const [synced, setSynced] = useState(value);
  if (synced !== value) {
    // The URL changed underneath (back button, reset): show what it now says.
    setSynced(value);
    setText(value ?? '');
  }
  return (
    <Input.Search
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(q) => onSearch(q.trim() || undefined)}
      allowClear
      enterButton={t('list.search')}
      placeholder={placeholder}
      style={{ maxWidth: 420, flex: '1 1 240px' }}
      data-testid="list-search"
    />
  );
}
