import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SessionAttendance } from '@/lib/api-types';
import { sessionKeys } from '@/lib/query-keys';

export function getSessionAttendance(sessionId: string, { signal }: { signal?: AbortSignal } = {}): Promise<SessionAttendance> {
  return api.get<SessionAttendance>(`/api/sessions/${encodeURIComponent(sessionId)}/attendance`, { signal });
}

/** The session's attendance and catch-up list, for its teacher and the admins. */
export function useSessionAttendance(sessionId: string) {
  return useQuery({
    queryKey: sessionKeys.attendance(sessionId),
    queryFn: ({ signal }) => getSessionAttendance(sessionId, { signal }),
  });
}
