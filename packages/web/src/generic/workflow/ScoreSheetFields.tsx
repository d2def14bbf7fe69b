import { Form, Input, InputNumber, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityRow } from '../../api/types';

interface Line {
  name: string;
  maxScore: number;
}

/**
 * The reviewer's score sheet (提交评分): one input per criterion of the sheet, capped at its
 * points, with the running total, then the written opinion. Replaces the generic list editor,
 * since the criteria are fixed by the batch.
 */
export function ScoreSheetFields({ row }: { row: EntityRow }) {
  const { t } = useTranslation();
  const lines = (row.lines ?? []) as Line[];
  const scores = Form.useWatch<{ score?: number | null }[] | undefined>('scores');
  const total = (scores ?? []).reduce((sum, s) => sum + (typeof s?.score === 'number' ? s.score : 0), 0);
  return (
    <>
      <Form.List name="scores" initialValue={lines.map(() => ({ score: null }))}>
        {(items) =>
          items.map((item, i) => (
            <Form.Item
              key={item.key}
              name={[item.name, 'score']}
              label={t('review.criterion', { name: lines[i]?.name, points: lines[i]?.maxScore })}
              required
              data-testid={`score-${i}`}
            >
              <InputNumber min={0} max={lines[i]?.maxScore} precision={0} style={{ width: 160 }} />
            </Form.Item>
          ))
        }
      </Form.List>
      <Statistic
        title={t('review.total')}
        value={total}
        suffix={t('review.points')}
        data-testid="score-total"
      />
      <Form.Item name="opinion" label={t('review.opinion')} required style={{ marginTop: 16 }}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
      </Form.Item>
    </>
  );
}
