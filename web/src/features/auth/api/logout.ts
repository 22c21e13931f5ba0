import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function logout(): Promise<undefined> {
  return api.post<undefined>('/api/auth/logout');
}

export function useLogout({ onSignedOut }: { onSignedOut: () => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signing out of an already expired session is still signing out.
    meta: { allowUnauthorized: true },
    onSettled: () => {
      queryClient.clear();
      onSignedOut();
    },
  });
}
