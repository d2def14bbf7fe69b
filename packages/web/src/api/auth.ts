import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { isApiError } from './problem';
import { session } from './session';
import type { ApiToken, Items, Me } from './types';

export const meKey = ['me'] as const;

/** The signed-in user, or null when there is no session. */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/auth/me', { quietUnauthenticated: true });
    session.setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) =>
      api<Me>('/auth/login', { method: 'POST', body: input, quietUnauthenticated: true }),
    onSuccess: (me) => {
      session.setCsrfToken(me.csrfToken);
      // A new user must not see the previous user's cached rows.
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST', quietUnauthenticated: true }),
    onSettled: () => {
      session.setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api<{ ok: boolean }>('/auth/password', { method: 'POST', body: input }),
  });
}

const tokensKey = ['auth', 'tokens'] as const;

export function useApiTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: () => api<Items<ApiToken>>('/auth/tokens') });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays?: number }) =>
      api<ApiToken & { token: string }>('/auth/tokens', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/auth/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}
