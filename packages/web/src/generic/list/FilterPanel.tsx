import { filterFields, type EntityDef } from '@kjj/domain';
import { Button, Col, Form, Row, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/use-lang';
import type { RefData } from '../fields/use-ref-data';
import { FilterControl } from './FilterControl';
import { filtersToForm, formToFilters, type FilterFormValues } from './filter-form';

interface Props {
  def: EntityDef;
  refs: RefData;
  filters: Record<string, string>;
  onApply: (filters: Record<string, string>) => void;
}

/** A form with one control per `filter: true` field of the definition. */
export function FilterPanel({ def, refs, filters, onApply }: Props) {
  const [form] = Form.useForm<FilterFormValues>();
  const { t } = useTranslation();
  const { pick } = useLang();
  const fields = filterFields(def);

  // The URL is the truth: back/forward or a shared link refills the controls.
  useEffect(() => {
    const names = filterFields(def).map(([name]) => name);
    form.resetFields();
    form.setFields(
      Object.entries(filtersToForm(def, filters, names)).map(([name, value]) => ({ name, value })),
    );
  }, [def, filters, form]);

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => onApply(formToFilters(def, values))}
      data-testid="filter-panel"
    >
      <Row gutter={16}>
        {fields.map(([name, field]) => (
          <Col key={name} xs={24} sm={12} lg={8} xxl={6}>
            <Form.Item name={name} label={pick(field.label)} style={{ marginBottom: 12 }}>
              <FilterControl field={field} refs={refs} />
            </Form.Item>
          </Col>
        ))}
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
