import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from './client';
import type { AuditEntry, AuditVerification, Items, Page, Permission, Role, User } from './types';

/** Users, roles, permissions and the audit log: the administration screens' data. */

export function useUsers(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['users', params],
    enabled,
    queryFn: () => api<Page<User>>('/users', { query: params }),
    placeholderData: keepPreviousData,
  });
}

export interface UserCreateInput {
  username: string;
  name: string;
  orgId: number;
  sectionId?: number | null;
  position?: string | null;
  phone?: string | null;
  password: string;
  roleIds: number[];
}

export interface UserUpdateInput {
  version: number;
  name?: string;
  sectionId?: number | null;
  position?: string | null;
  phone?: string | null;
  roleIds?: number[];
  status?: User['status'];
}

export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: number; values: UserCreateInput | UserUpdateInput }) =>
      input.id === undefined
        ? api<User>('/users', { method: 'POST', body: input.values })
        : api<User>(`/users/${input.id}`, { method: 'PATCH', body: input.values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password?: string }) =>
      api<{ password: string | null }>(`/users/${id}/reset-password`, {
        method: 'POST',
        body: password ? { password } : {},
      }),
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api<Items<Role>>('/roles'),
    select: (data) => data.items,
    enabled,
  });
}

export interface RoleInput {
  code?: string;
  name: string;
  nameEn: string;
  scope: Role['scope'];
  readScope: Role['readScope'];
  permissions: string[];
  version?: number;
}

export function useSaveRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, values }: { id?: number; values: RoleInput }) =>
      id === undefined
        ? api<Role>('/roles', { method: 'POST', body: values })
        : api<Role>(`/roles/${id}`, { method: 'PATCH', body: values }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['roles'] }),
  });
}

export function usePermissionRegistry() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: () => api<Items<Permission>>('/permissions'),
    select: (data) => data.items,
    staleTime: Infinity,
  });
}

export function useAuditLog(params: QueryParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: () => api<Page<AuditEntry>>('/audit', { query: params }),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api<AuditVerification>('/audit/verify') });
}
