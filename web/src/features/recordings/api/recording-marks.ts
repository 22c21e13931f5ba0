import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { RecordingMark } from '@/lib/api-types';
import { recordingKeys } from '@/lib/query-keys';

const marksPath = (recordingId: string) => `/api/recordings/${encodeURIComponent(recordingId)}/marks`;

/** The recording's chapters and the user's own bookmarks, by their moment. */
export function useRecordingMarks(recordingId: string, enabled: boolean) {
  return useQuery({
    queryKey: recordingKeys.marks(recordingId),
    queryFn: ({ signal }) => api.get<RecordingMark[]>(marksPath(recordingId), { signal }),
    enabled,
  });
}

/** A bookmark of one's own at a moment of the recording. */
export function useAddBookmark(recordingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (atSeconds: number) => api.post<RecordingMark>(marksPath(recordingId), { kind: 'bookmark', atSeconds }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: recordingKeys.marks(recordingId) }),
  });
}

/** Moves or renames a chapter (the session's teacher, an admin) or one's own bookmark. */
export function useChangeMark(recordingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ markId, atSeconds, label }: { markId: string; atSeconds: number; label: string }) =>
      api.put<RecordingMark>(`${marksPath(recordingId)}/${encodeURIComponent(markId)}`, { atSeconds, label: label.trim() || null }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: recordingKeys.marks(recordingId) }),
  });
}

export function useDeleteMark(recordingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (markId: string) => api.delete(`${marksPath(recordingId)}/${encodeURIComponent(markId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: recordingKeys.marks(recordingId) }),
  });
}

/** "Mark this moment" of the live class: a chapter of the session's recording. */
export function useMarkMoment(sessionId: string) {
  return useMutation({
    mutationFn: (label: string) =>
      api.post<RecordingMark>(`/api/sessions/${encodeURIComponent(sessionId)}/recordings/marks`, { label: label.trim() || null }),
  });
}
