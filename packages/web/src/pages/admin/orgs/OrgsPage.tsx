import { PlusOutlined } from '@ant-design/icons';
import { ORG_KINDS } from '@kjj/domain';
import { Button, Card, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgs } from '../../../api/orgs';
import type { Org } from '../../../api/types';
import { useCan } from '../../../app/permissions';
import { useLang } from '../../../i18n/use-lang';
import { buildOrgTree, type OrgNode } from '../../../lib/org-tree';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { OrgFormModal, type OrgFormTarget } from './OrgFormModal';
import { DESKTOP } from '../../../lib/responsive';

interface OrgRow extends Org {
  children?: OrgRow[];
}

const toRows = (nodes: OrgNode[]): OrgRow[] =>
  nodes.map(({ org, children }) =>
    children.length > 0 ? { ...org, children: toRows(children) } : { ...org },
  );

/** The org tree within reach: everyone reads it; `org:manage` adds and edits units and sections. */
export function OrgsPage() {
  const { t } = useTranslation();
  const { pick } = useLang();
  const can = useCan();
  const orgs = useOrgs();
  const [target, setTarget] = useState<OrgFormTarget | null>(null);
  const manage = can('org:manage');
  useDocumentTitle(t('menu.orgs'));
  const rows = toRows(buildOrgTree(orgs.data ?? []));

  const columns: TableColumnsType<OrgRow> = [
    {
      key: 'name',
      title: t('orgs.fullName'),
      render: (_, org) => (
        <Space size={4} wrap>
          {org.fullName}
          {org.disabledAt && <Tag>{t('orgs.disabled')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'short',
      responsive: DESKTOP,
      title: t('orgs.shortName'),
      dataIndex: 'shortName',
      className: 'kjj-nowrap',
    },
    {
      key: 'kind',
      title: t('orgs.kind'),
      className: 'kjj-nowrap',
      render: (_, org) => pick(ORG_KINDS.labels[org.kind]),
    },
    {
      key: 'division',
      responsive: DESKTOP,
      title: t('orgs.divisionCode'),
      dataIndex: 'divisionCode',
      className: 'kjj-nowrap',
    },
    {
      key: 'docPrefix',
      responsive: DESKTOP,
      title: t('orgs.docPrefix'),
      dataIndex: 'docPrefix',
      className: 'kjj-nowrap',
    },
    ...(manage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            className: 'kjj-nowrap',
            render: (_: unknown, org: OrgRow) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => setTarget({ mode: 'edit', org })}>
                  {t('common.edit')}
                </Button>
                {org.kind !== 'section' && (
                  <Button type="link" size="small" onClick={() => setTarget({ mode: 'create', parent: org })}>
                    {t('orgs.addChild')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="kjj-page-header">
        <h1>{t('menu.orgs')}</h1>
        {manage && rows[0] && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => rows[0] && setTarget({ mode: 'create', parent: rows[0] })}
          >
            {t('orgs.addSection')}
          </Button>
        )}
      </div>
      <Card size="small">
        {rows.length > 0 && (
          <Table<OrgRow>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={orgs.isPending}
            pagination={false}
            expandable={{ defaultExpandedRowKeys: rows.map((r) => r.id) }}
            scroll={{ x: 'max-content' }}
            data-testid="org-tree"
          />
        )}
      </Card>
      {target && <OrgFormModal target={target} onClose={() => setTarget(null)} />}
    </>
  );
}
