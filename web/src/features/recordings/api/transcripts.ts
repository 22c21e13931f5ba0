import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AutomaticTranscript, AutomaticTranscripts, Transcript, TranscriptLanguage } from '@/lib/api-types';
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

/** While an automatic transcript waits or is being made, its state is asked for again this often. */
export const automaticTranscriptPollMs = 5000;

/** Whether an automatic transcript still waits for the transcriber or is being made. */
export const isUnderWay = (transcript: AutomaticTranscript) => transcript.state === 'queued' || transcript.state === 'running';

/**
 * For the session's teacher: whether the deployment has an automatic transcriber, and the automatic transcripts
 * asked for; polled while one is under way. When one is done, the captions list is read again.
 */
export function useAutomaticTranscripts(recordingId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: recordingKeys.automaticTranscripts(recordingId),
    queryFn: async ({ signal }) => {
      const previous = queryClient.getQueryData<AutomaticTranscripts>(recordingKeys.automaticTranscripts(recordingId));
      const current = await api.get<AutomaticTranscripts>(`${transcriptsPath(recordingId)}/automatic`, { signal });
      const finished = current.transcripts.some(
        (now) => now.state === 'done' && previous?.transcripts.some((before) => before.language === now.language && isUnderWay(before)),
      );
      if (finished) void queryClient.invalidateQueries({ queryKey: recordingKeys.transcripts(recordingId), exact: true });
      return current;
    },
    refetchInterval: (query) => (query.state.data?.transcripts.some(isUnderWay) ? automaticTranscriptPollMs : false),
  });
}

/** The session's teacher asks the automatic transcriber for the transcript in a language. */
export function useTranscribeAutomatically(recordingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (language: TranscriptLanguage) =>
      api.post<AutomaticTranscript>(`${transcriptTrackUrl(recordingId, language)}/automatic`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: recordingKeys.automaticTranscripts(recordingId) }),
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
