import type { CurrentUser, Recording, SessionDetail, SessionSummary } from '@/lib/api-types';

/** Builders for API payloads with sensible defaults; each test overrides what it is about. */

export function aUser(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: 'user-teacher',
    email: 'teacher@itqan.test',
    displayName: 'Ustadh Ahmad',
    role: 'teacher',
    academyId: 'academy-1',
    ...overrides,
  };
}

export function aSessionSummary(overrides: Partial<SessionSummary> = {}): SessionSummary {
  return {
    id: 'session-1',
    kind: 'quran',
    title: 'Tajweed circle',
    scheduledAt: '2025-03-10T16:00:00Z',
    status: 'ongoing',
    recordingEnabled: true,
    isRecording: false,
    recordingCount: 0,
    latestRecordingStatus: null,
    ...overrides,
  };
}

export function aSession(overrides: Partial<SessionDetail> = {}): SessionDetail {
  return {
    id: 'session-1',
    kind: 'quran',
    title: 'Tajweed circle',
    scheduledAt: '2025-03-10T16:00:00Z',
    status: 'ongoing',
    recordingEnabled: true,
    canBeRecorded: true,
    cannotRecordReason: null,
    isRecording: false,
    recordingCount: 0,
    recordingAvailability: 'idle',
    activeRecording: null,
    permissions: { canControlRecording: true, canAccessRecordings: true },
    ...overrides,
  };
}

export function aRecording(overrides: Partial<Recording> = {}): Recording {
  return {
    id: 'recording-1',
    sessionId: 'session-1',
    sessionKind: 'quran',
    egressId: 'EG_1',
    roomName: 'room-session-1',
    status: 'completed',
    startedAt: '2025-03-10T16:00:00Z',
    endedAt: '2025-03-10T17:02:03Z',
    completedAt: '2025-03-10T17:02:30Z',
    durationSeconds: 3723,
    formattedDuration: '01:02:03',
    file: { name: 'tajweed-2025-03-10.mp4', sizeBytes: 43_600_000, format: 'mp4' },
    formattedFileSize: '43.6 MB',
    displayName: 'Tajweed circle — 10 Mar 2025',
    error: null,
    metadata: {},
    streamUrl: 'https://storage.test/recordings/recording-1.mp4?sig=stream',
    downloadUrl: 'https://storage.test/recordings/recording-1.mp4?sig=download',
    progressUrl: '/api/recordings/recording-1/progress?expires=1741629750&u=student-1&sig=progress',
    linksExpireAt: '2025-03-10T18:02:30Z',
    posterState: 'done',
    posterUrl: '/api/recordings/recording-1/poster?sig=poster',
    aacState: null,
    aacUrl: null,
    previewsState: 'done',
    previewsUrl: '/api/recordings/recording-1/previews_track?sig=previews',
    hlsState: 'queued',
    hlsUrl: null,
    parts: [],
    joinState: null,
    publication: 'published',
    deletedAt: null,
    filesRemovedAt: null,
    ...overrides,
  };
}

/** A recording that is running now (started `secondsAgo` ago): no end, no file, no URLs. */
export function aRunningRecording(secondsAgo: number, overrides: Partial<Recording> = {}): Recording {
  return aRecording({
    status: 'recording',
    startedAt: new Date(Date.now() - secondsAgo * 1000).toISOString(),
    endedAt: null,
    completedAt: null,
    durationSeconds: null,
    formattedDuration: null,
    file: null,
    formattedFileSize: null,
    streamUrl: null,
    downloadUrl: null,
    progressUrl: null,
    linksExpireAt: null,
    posterState: null,
    posterUrl: null,
    aacState: null,
    aacUrl: null,
    previewsState: null,
    previewsUrl: null,
    hlsState: null,
    hlsUrl: null,
    ...overrides,
  });
}
