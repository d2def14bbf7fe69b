import { CRUD_OPERATIONS, type EntityDef } from './define/entity.js';
import { routeActions } from './define/workflow.js';
import { t, type Text } from './i18n.js';

/** Permissions that belong to no entity: administration and oversight. */
export const SYSTEM_PERMISSIONS: Record<string, Text> = {
  'org:manage': t('管理组织机构', 'Manage organisations'),
  'user:manage': t('管理用户', 'Manage users'),
  'role:manage': t('管理角色与权限', 'Manage roles and permissions'),
  'dict:manage': t('管理数据字典（项目类别等）', 'Manage lists (project categories …)'),
  'audit:read': t('查看审计日志', 'Read the audit log'),
};

/** The annual report is the bureau's, not any one entity's: reading it shows every figure in it. */
export const REPORT_PERMISSIONS: Record<string, Text> = {
  'report:read': t('查看和导出工作总结', 'Read and export work reports'),
  'report:write': t('编写工作总结', 'Draft work reports'),
};

const OPERATION_LABELS: Record<(typeof CRUD_OPERATIONS)[number], Text> = {
  read: t('查看', 'read'),
  create: t('新增', 'create'),
  update: t('修改', 'update'),
  delete: t('删除', 'delete'),
  export: t('导出', 'export'),
  import: t('导入', 'import'),
};

export interface PermissionInfo {
  key: string;
  label: Text;
  group: Text;
}

/** Every permission the product knows, for the role editor; derived from the entity registry. */
export function permissionRegistry(entities: readonly EntityDef[]): PermissionInfo[] {
  const admin = t('系统管理', 'Administration');
  return [
    ...entities.flatMap((def) => [
      ...CRUD_OPERATIONS.map((op) => ({
        key: def.permissions[op],
        label: t(`${OPERATION_LABELS[op].zh}${def.label.zh}`, `${OPERATION_LABELS[op].en} ${def.label.en}`),
        group: def.label,
      })),
      ...(def.workflow ? routeActions(def.workflow) : []).map((action) => ({
        key: def.workflow!.permissions[action.name]!,
        label: t(`${def.label.zh}：${action.label.zh}`, `${def.label.en}: ${action.label.en}`),
        group: def.label,
      })),
    ]),
    ...Object.entries(REPORT_PERMISSIONS).map(([key, label]) => ({
      key,
      label,
      group: t('工作总结', 'Work reports'),
    })),
    ...Object.entries(SYSTEM_PERMISSIONS).map(([key, label]) => ({ key, label, group: admin })),
  ];
}

/** Read-like operations may use a role's wider read scope (a section chief reads the whole bureau). */
export const isReadPermission = (permission: string): boolean =>
  permission.endsWith(':read') || permission.endsWith(':export');
