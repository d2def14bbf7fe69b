import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../../api/admin';
import { useCan } from '../../../app/permissions';
import { auditEntityNames, useEntityName } from './entity-names';

export interface AuditFilterValues {
  actorId?: number;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
}

interface FormValues {
  actorId?: number;
  entity?: string;
  entityId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Filters of GET /audit: object type and id, action code, date range. */
export function AuditFilters({ onApply }: { onApply: (filters: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const entityName = useEntityName();
  // Only user administrators can list users; others filter by object and action.
  const canListUsers = useCan()('user:manage');
  const users = useUsers({ limit: 200 }, canListUsers);
  const apply = (v: FormValues) =>
    onApply({
      actorId: v.actorId,
      entity: v.entity || undefined,
      entityId: v.entityId?.trim() || undefined,
      action: v.action?.trim() || undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });
  return (
    <Form form={form} layout="vertical" onFinish={apply}>
      <Row gutter={16}>
        {canListUsers && (
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="actorId" label={t('audit.actor')} style={{ marginBottom: 12 }}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                placeholder={t('filters.any')}
                options={(users.data?.items ?? []).map((u) => ({
                  value: u.id,
                  label: `${u.name}（${u.username}）`,
                }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="entity" label={t('audit.entity')} style={{ marginBottom: 12 }}>
            <Select
              allowClear
              placeholder={t('filters.any')}
              options={auditEntityNames().map((name) => ({ value: name, label: entityName(name) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="entityId" label={t('audit.entityId')} style={{ marginBottom: 12 }}>
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="action" label={t('audit.actionCode')} style={{ marginBottom: 12 }}>
            <Input allowClear placeholder="enterprise.update" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="range" label={t('audit.dateRange')} style={{ marginBottom: 12 }}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('filters.apply')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onApply({});
          }}
        >
          {t('filters.reset')}
        </Button>
      </Space>
    </Form>
  );
}
