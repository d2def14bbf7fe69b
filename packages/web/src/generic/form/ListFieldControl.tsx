import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ListField } from '@kjj/domain';
import { Button, Card, Col, Form, Input, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/use-lang';

/** A short list of small records (e.g. contacts): one row of inputs per item. */
export function ListFieldControl({ name, field }: { name: string; field: ListField }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const subfields = Object.entries(field.item);
  return (
    <Form.List name={name}>
      {(items, { add, remove }) => (
        <>
          {items.map((item, index) => (
            <Card
              key={item.key}
              size="small"
              style={{ marginBottom: 8, background: '#fafbfd' }}
              title={`${pick(field.label)} ${index + 1}`}
              extra={
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(item.name)}
                  aria-label={t('common.delete')}
                />
              }
            >
              <Row gutter={12}>
                {subfields.map(([key, sub]) => (
                  <Col key={key} xs={24} sm={8}>
                    <Form.Item
                      name={[item.name, key]}
                      label={pick(sub.label)}
                      required={sub.required}
                      style={{ marginBottom: 8 }}
                    >
                      {sub.kind === 'text' ? (
                        <Input maxLength={sub.max} />
                      ) : (
                        <InputNumber precision={0} min={sub.min} max={sub.max} style={{ width: '100%' }} />
                      )}
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
          {items.length < field.maxItems && (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})}>
              {t('form.addItem', { label: pick(field.label) })}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
