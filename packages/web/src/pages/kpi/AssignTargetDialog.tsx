import { metricById } from '@kjj/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, InputNumber, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { KpiLine } from '../../api/kpi';
import { useOrgs } from '../../api/orgs';

/**
 * 下达指标: a city shares one of its targets out to the bureaus directly below it; each share
 * becomes that county's own target, whose actual the city's line then sums (R-T3).
 */
export function AssignTargetDialog({ line, onClose }: { line: KpiLine; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const orgs = useOrgs();
  const client = useQueryClient();
  const below = (orgs.data ?? []).filter(
    (o) => o.parentId === line.target.orgId && o.kind !== 'section' && !o.disabledAt,
  );
  const current = new Map(line.assignments.map((a) => [a.orgId, a.targetValue?.value ?? null]));
  const [values, setValues] = useState<Map<number, number | null>>(current);
  const unit = line.target.metricId ? (metricById(line.target.metricId)?.unit.zh ?? '') : '';
  const total = [...values.values()].reduce<number>((s, v) => s + (v ?? 0), 0);
  const assign = useMutation({
    mutationFn: () =>
      api(`/targets/${line.target.id}/assign`, {
        method: 'POST',
        body: {
          assignments: [...values]
            .filter(([orgId, value]) => value !== null || current.has(orgId))
            .map(([orgId, value]) => ({
              orgId,
              targetValue: value === null ? null : { value, qualifier: 'exact' },
            })),
        },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['kpi'] });
      void message.success(t('kpi.assigned'));
      onClose();
    },
    onError: (e) => void message.error(e.message),
  });
  const whole = line.target.targetValue?.value ?? null;
  return (
    <Modal
      open
      title={t('kpi.assignTitle', { name: line.target.name })}
      okText={t('kpi.assign')}
      onOk={() => assign.mutate()}
      confirmLoading={assign.isPending}
      onCancel={onClose}
      width={560}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {whole !== null && total < whole && (
          <Alert type="warning" showIcon message={t('kpi.assignShort', { total, whole, unit })} />
        )}
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={orgs.isPending}
          dataSource={below}
          columns={[
            { title: t('kpi.org'), dataIndex: 'shortName' },
            {
              title: `${t('kpi.target')}${unit ? `（${unit}）` : ''}`,
              render: (_, org) => (
                <InputNumber
                  aria-label={`${org.shortName}${t('kpi.target')}`}
                  min={0}
                  value={values.get(org.id) ?? null}
                  onChange={(v) => setValues(new Map(values).set(org.id, v ?? null))}
                />
              ),
            },
          ]}
        />
      </Space>
    </Modal>
  );
}
