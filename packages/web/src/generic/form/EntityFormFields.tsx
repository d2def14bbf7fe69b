import { writableFields, type EntityDef, type FieldDef } from '@kjj/domain';
import { Col, Form, Row } from 'antd';
import { useLang } from '../../i18n/use-lang';
import type { RefData } from '../fields/use-ref-data';
import { FieldControl } from './FieldControl';
import { ListFieldControl } from './ListFieldControl';

const isWide = (field: FieldDef) =>
  field.kind === 'list' || field.kind === 'tags' || (field.kind === 'text' && field.multiline === true);

/** One Form.Item per field of the definition; two columns on wide screens, one on phones. */
export function EntityFormFields({ def, refs }: { def: EntityDef; refs: RefData }) {
  const { pick } = useLang();
  return (
    <Row gutter={24}>
      {writableFields(def).map(([name, field]) => (
        <Col key={name} xs={24} md={isWide(field) ? 24 : 12}>
          {field.kind === 'list' ? (
            <Form.Item label={pick(field.label)} extra={field.help ? pick(field.help) : undefined}>
              <ListFieldControl name={name} field={field} />
            </Form.Item>
          ) : (
            <Form.Item
              name={name}
              label={pick(field.label)}
              required={field.required}
              extra={field.help ? pick(field.help) : undefined}
              data-testid={`field-${name}`}
            >
              <FieldControl field={field} refs={refs} />
            </Form.Item>
          )}
        </Col>
      ))}
    </Row>
  );
}
