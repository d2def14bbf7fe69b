import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  pageNumber: number;
  hasPrevious: boolean;
  hasNext: boolean;
  busy: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** Left-hand summary, e.g. the total. */
  summary?: ReactNode;
}

/** Previous / next over cursor pages, with the page number. */
export function CursorPager({ pageNumber, hasPrevious, hasNext, busy, onPrevious, onNext, summary }: Props) {
  const { t } = useTranslation();
  return (
    <div
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        justifyContent: 'space-between',
        alignItems: 'center',
        gap: 8,
        marginTop: 16,
      }}
    >
      <Typography.Text type="secondary" data-testid="list-total">
        {summary}
      </Typography.Text>
      <Space>
        <Button icon={<LeftOutlined />} disabled={!hasPrevious || busy} onClick={onPrevious}>
          {t('list.previous')}
        </Button>
        <Typography.Text>{t('list.page', { page: pageNumber })}</Typography.Text>
        <Button disabled={!hasNext || busy} onClick={onNext} data-testid="next-page">
          {t('list.next')} <RightOutlined />
        </Button>
      </Space>
    </div>
  );
}
