import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Transcript, TranscriptLanguage } from '@/lib/api-types';
import { recordingKeys } from '@/lib/query-keys';

const transcriptsPath = (recordingId: string) => `/api/recordings/${encodeURIComponent(recordingId)}/transcripts`;

/** Where the player loads a transcript as a captions track. */
export const transcriptTrackUrl = (recordingId: string, language: TranscriptLanguage) =>
  `${transcriptsPath(recordingId)}/${language}`;

/** The recording's transcripts: the captions the player offers. */
export function useTranscripts(recordingId: string, enabled: boolean) {
  return useQuery({
    queryKey: recordingKeys.transcripts(recordingId),
    queryFn: ({ signal }) => api.get<Transcript[]>(transcriptsPath(recordingId), { signal }),
    enabled,
  });
}

/** The session's teacher uploads (or replaces) the WebVTT transcript in a language. */
export function useUploadTranscript(recordingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ language, webVtt }: { language: TranscriptLanguage; webVtt: string }) =>
      api.put<Transcript>(transcriptTrackUrl(recordingId, language), { webVtt }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: recordingKeys.transcripts(recordingId) }),
  });
}
