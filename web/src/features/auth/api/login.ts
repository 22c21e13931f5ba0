import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { LoginRequest, LoginResponse } from '@/lib/api-types';

/** Signs in; the API answers with an HttpOnly session cookie, which is what the app uses afterwards. */
export function login(credentials: LoginRequest): Promise<LoginResponse> {
  return api.post<LoginResponse>('/api/auth/login', credentials);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // A 401 here means wrong credentials, not an expired session.
    meta: { allowUnauthorized: true },
    onSuccess: () => {
      // Whatever was cached belonged to the previous user, if any.
      queryClient.clear();
    },
  });
}
