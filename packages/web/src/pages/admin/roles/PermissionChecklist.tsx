import { Checkbox, Col, Row, Typography } from 'antd';
import type { Permission } from '../../../api/types';
import { useLang } from '../../../i18n/use-lang';

interface Props {
  permissions: Permission[];
  value?: string[];
  onChange?: (value: string[]) => void;
}

/** Permissions grouped as the registry groups them (per entity, then administration). */
export function PermissionChecklist({ permissions, value = [], onChange }: Props) {
  const { pick } = useLang();
  const groups = new Map<string, Permission[]>();
  for (const p of permissions) groups.set(pick(p.group), [...(groups.get(pick(p.group)) ?? []), p]);
  const toggleGroup = (keys: string[], on: boolean) =>
    onChange?.(on ? [...new Set([...value, ...keys])] : value.filter((k) => !keys.includes(k)));

  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {[...groups].map(([group, items]) => {
        const keys = items.map((p) => p.key);
        const held = keys.filter((k) => value.includes(k)).length;
        return (
          <div key={group} style={{ border: '1px solid #eef0f5', borderRadius: 4, padding: '8px 12px' }}>
            <Checkbox
              checked={held === keys.length}
              indeterminate={held > 0 && held < keys.length}
              onChange={(e) => toggleGroup(keys, e.target.checked)}
            >
              <Typography.Text strong>{group}</Typography.Text>
            </Checkbox>
            <Checkbox.Group
              value={value}
              onChange={(next) =>
                onChange?.([
                  ...value.filter((k) => !keys.includes(k)),
                  ...next.map(String).filter((k) => keys.includes(k)),
                ])
              }
              style={{ width: '100%', marginTop: 6 }}
            >
              <Row gutter={[8, 4]}>
                {items.map((p) => (
                  <Col key={p.key} xs={12} sm={8}>
                    <Checkbox value={p.key}>{pick(p.label)}</Checkbox>
                  </Col>
                ))}
              </Row>
            </Checkbox.Group>
          </div>
        );
      })}
    </div>
  );
}
