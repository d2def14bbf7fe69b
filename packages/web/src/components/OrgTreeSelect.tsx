import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import { useOrgs } from '../api/orgs';
import { buildOrgTree, type OrgNode } from '../lib/org-tree';

interface TreeOption {
  value: number;
  title: string;
  children: TreeOption[];
}

const toOptions = (nodes: OrgNode[]): TreeOption[] =>
  nodes.map(({ org, children }) => ({ value: org.id, title: org.shortName, children: toOptions(children) }));

interface Props {
  /** Optional so Form.Item can inject them. */
  value?: number | undefined;
  onChange?: (value: number | undefined) => void;
  /** Sections are choosable only where a section makes sense (filtering users, not placing records). */
  includeSections?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  allowClear?: boolean;
  testId?: string;
  /** Accessible name where no visible label names the picker (the header's org switcher). */
  ariaLabel?: string;
}

/** A picker over the org tree within the user's reach. */
export function OrgTreeSelect({
  value,
  onChange,
  includeSections = false,
  placeholder,
  style,
  allowClear = true,
  testId,
  ariaLabel,
}: Props) {
  const orgs = useOrgs();
  const treeData = toOptions(
    buildOrgTree(orgs.data ?? [], (org) => includeSections || org.kind !== 'section'),
  );
  return (
    <TreeSelect<number>
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      loading={orgs.isPending}
      treeDefaultExpandedKeys={treeData.map((o) => o.value)}
      style={style}
      popupMatchSelectWidth={false}
      data-testid={testId}
      aria-label={ariaLabel}
    />
  );
}
