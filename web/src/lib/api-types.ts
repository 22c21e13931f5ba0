/**
 * Types of the Itqan Recording HTTP API (JSON, camelCase).
 *
 * Hand-written from the agreed contract until the API publishes its OpenAPI document. This is the ONLY
 * file the rest of the app imports API types from. When `npm run gen:api` has produced
 * `src/lib/api-schema.d.ts`, replace each declaration below with an alias of the generated schema, e.g.
 *
 *   import type { components } from './api-schema';
 *   type Schemas = components['schemas'];
 *   export type Recording = Schemas['Recording'];
 *
 * keeping the exported names, so no other file changes.
 */

export type Role = 'admin' | 'teacher' | 'student';

export type SessionKind = 'interactive' | 'quran' | 'academic';

export type SessionStatus = 'scheduled' | 'ready' | 'ongoing' | 'completed' | 'cancelled';

export type RecordingStatus = 'recording' | 'processing' | 'completed' | 'failed' | 'deleted';

export type CannotRecordReason =
  | 'recording_disabled'
  | 'session_not_ready'
  | 'no_meeting_room'
  | 'already_recording';

export type AuditAction =
  | 'started'
  | 'stopped'
  | 'completed'
  | 'failed'
  | 'streamed'
  | 'downloaded'
  | 'deleted';

export interface LoginRequest {
  email: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  academyId: string;
}

export interface SessionSummary {
  id: string;
  kind: SessionKind;
  title: string;
  scheduledAt: string;
  status: SessionStatus;
  recordingEnabled: boolean;
  isRecording: boolean;
  recordingCount: number;
  latestRecordingStatus: RecordingStatus | null;
}

export interface SessionPermissions {
  canControlRecording: boolean;
  canAccessRecordings: boolean;
}

export interface SessionDetail extends SessionSummary {
  canBeRecorded: boolean;
  /** One of {@link CannotRecordReason}; typed as string so an unknown code from a newer API still renders. */
  cannotRecordReason: CannotRecordReason | (string & {}) | null;
  activeRecording: Recording | null;
  permissions: SessionPermissions;
  teacherName: string;
  description?: string | null;
}

export interface RecordingFile {
  name: string;
  sizeBytes: number;
  format: string;
}

export interface Recording {
  id: string;
  sessionId: string;
  sessionKind: SessionKind;
  egressId: string;
  roomName: string;
  status: RecordingStatus;
  startedAt: string;
  endedAt: string | null;
  completedAt: string | null;
  durationSeconds: number | null;
  formattedDuration: string | null;
  file: RecordingFile | null;
  formattedFileSize: string | null;
  displayName: string;
  error: string | null;
  metadata: Record<string, unknown>;
  /** Signed, time-limited URL; present for completed recordings the user may see. */
  streamUrl: string | null;
  /** Signed, time-limited URL; present for completed recordings the user may see. */
  downloadUrl: string | null;
}

export type RecordingCountByStatus = Record<RecordingStatus, number>;

export type RecordingCountByKind = Record<SessionKind, number>;

export interface SessionRecordingStats {
  total: number;
  byStatus: RecordingCountByStatus;
  totalBytes: number;
  totalDurationSeconds: number;
}

export interface RecordingCatalogueStats extends SessionRecordingStats {
  byKind: RecordingCountByKind;
}

export interface RecordingPage {
  items: Recording[];
  nextCursor: string | null;
}

export interface RecordingAuditEntry {
  at: string;
  action: AuditAction;
  userId: string | null;
  userName: string | null;
  details: string | null;
}

/** RFC 9457 problem details as the API sends them (`application/problem+json`). */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}
