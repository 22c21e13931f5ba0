/**
 * Query keys shared across features. Keys are hierarchical so one prefix invalidates everything below it:
 * invalidating `sessionKeys.all` after starting a recording refreshes the list, the detail and its recordings.
 */
export const authKeys = {
  me: ['auth', 'me'] as const,
};

export const sessionKeys = {
  all: ['sessions'] as const,
  list: () => [...sessionKeys.all, 'list'] as const,
  detail: (sessionId: string) => [...sessionKeys.all, 'detail', sessionId] as const,
  recordings: (sessionId: string) => [...sessionKeys.detail(sessionId), 'recordings'] as const,
  recordingStats: (sessionId: string) => [...sessionKeys.recordings(sessionId), 'stats'] as const,
  attendance: (sessionId: string) => [...sessionKeys.detail(sessionId), 'attendance'] as const,
};

export const analyticsKeys = {
  dashboard: (filters: object) => ['analytics', filters] as const,
};

export const notificationKeys = {
  mine: ['notifications', 'mine'] as const,
};

export const recordingKeys = {
  all: ['recordings'] as const,
  detail: (recordingId: string) => [...recordingKeys.all, 'detail', recordingId] as const,
  audit: (recordingId: string) => [...recordingKeys.detail(recordingId), 'audit'] as const,
  progress: (recordingId: string) => [...recordingKeys.detail(recordingId), 'progress'] as const,
  marks: (recordingId: string) => [...recordingKeys.detail(recordingId), 'marks'] as const,
  transcripts: (recordingId: string) => [...recordingKeys.detail(recordingId), 'transcripts'] as const,
  automaticTranscripts: (recordingId: string) => [...recordingKeys.transcripts(recordingId), 'automatic'] as const,
  catalogue: (filters: object) => [...recordingKeys.all, 'catalogue', filters] as const,
  mine: (filters: object) => [...recordingKeys.all, 'mine', filters] as const,
  catalogueStats: (filters: object) => [...recordingKeys.all, 'catalogue-stats', filters] as const,
};
