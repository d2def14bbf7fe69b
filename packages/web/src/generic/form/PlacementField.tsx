import { Col, Form, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgs } from '../../api/orgs';
import type { Org } from '../../api/types';
import { useOrgFilter } from '../../app/org-filter';
import { useSignedInUser } from '../../app/permissions';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

const isBureau = (org: Org) => org.kind !== 'section';

/**
 * Which bureau a new record belongs to, for users who reach several (a city administrator entering
 * a county's enterprise). Everyone else creates in their own org and section, the server default.
 */
export function usePlacement() {
  const me = useSignedInUser();
  const { orgId: switched, canSwitch } = useOrgFilter();
  const orgs = useOrgs();
  const switchedOrg = orgs.data?.find((o) => o.id === switched);
  const [orgId, setOrgId] = useState<number | undefined>();
  const chosen = orgId ?? (switchedOrg && isBureau(switchedOrg) ? switchedOrg.id : me.org?.id);
  const own = chosen === undefined || chosen === me.org?.id;
  return {
    visible: canSwitch,
    orgId: chosen,
    setOrgId,
    // The user's own section belongs to their own org only; elsewhere the record has no section.
    body: own ? {} : { orgId: chosen, sectionId: null },
  };
}

export type Placement = ReturnType<typeof usePlacement>;

export function PlacementField({ placement }: { placement: Placement }) {
  const { t } = useTranslation();
  return (
    <Row gutter={24}>
      <Col xs={24} md={12}>
        <Form.Item label={t('record.org')} required>
          <OrgTreeSelect
            value={placement.orgId}
            onChange={placement.setOrgId}
            allowClear={false}
            style={{ width: '100%' }}
            testId="placement-org"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
