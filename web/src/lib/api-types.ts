/**
 * Types of the Itqan Recording HTTP API (JSON, camelCase), under the names the app uses.
 *
 * This is the ONLY file the rest of the app imports API types from. The shapes come from
 * `api-schema.d.ts`, which `npm run gen:api` generates from the API's OpenAPI document (schema names are the
 * C# response types: `RecordingResponse`, `SessionDetailResponse`, …); the end-to-end run fails when that file
 * no longer matches the real API. What the document cannot say is added here, and only here:
 *
 * - Closed sets of strings. The API sends its C# enums lower-cased as plain strings (`status`, `kind`,
 *   `role`), which the document describes as `string`; {@link Refine} narrows them to the unions below.
 * - Nullable references. The document marks `activeRecording` and `file` as non-null, but the API sends
 *   `null` when there is none (a `$ref` cannot carry `nullable` in OpenAPI 3.0 without an `allOf` wrapper).
 */
import type { components } from './api-schema';

type Schemas = components['schemas'];

/**
 * A generated schema with some properties replaced. Each replacement must name a property the schema has, so
 * a property renamed or removed in the API fails the type check instead of coming back as a hand-written one.
 */
type Refine<T, R extends { [K in keyof R]: K extends keyof T ? unknown : never }> = Omit<T, keyof R> & R;

export type Role = 'admin' | 'teacher' | 'student';

export type SessionKind = 'interactive' | 'quran' | 'academic';

export type SessionStatus = 'scheduled' | 'ready' | 'ongoing' | 'completed' | 'cancelled';

export type RecordingStatus = 'recording' | 'processing' | 'completed' | 'failed' | 'deleted';

/** `SessionDetail.cannotRecordReason`. */
export type CannotRecordReason =
  | 'recording_disabled'
  | 'session_not_ready'
  | 'no_meeting_room'
  | 'already_recording';

export type LoginRequest = Schemas['LoginRequest'];

export type LoginResponse = Schemas['LoginResponse'];

export type CurrentUser = Refine<Schemas['CurrentUserResponse'], { role: Role }>;

export type SessionSummary = Refine<
  Schemas['SessionSummaryResponse'],
  { kind: SessionKind; status: SessionStatus; latestRecordingStatus: RecordingStatus | null }
>;

export type SessionPermissions = Schemas['SessionPermissionsResponse'];

/**
 * One session. `activeRecording` is the running recording only: once stopped it is `null`, and the
 * recording (now `processing`) is found in the session's recordings.
 */
export type SessionDetail = Refine<
  Schemas['SessionDetailResponse'],
  {
    kind: SessionKind;
    status: SessionStatus;
    /** One of {@link CannotRecordReason}; typed as string so an unknown code from a newer API still renders. */
    cannotRecordReason: CannotRecordReason | (string & {}) | null;
    activeRecording: Recording | null;
  }
>;

export type RecordingFile = Schemas['RecordingFileResponse'];

/**
 * A recording. For a completed recording the user may see, `streamUrl` and `downloadUrl` are signed,
 * same-origin links valid until `linksExpireAt`; otherwise they are null.
 */
export type Recording = Refine<
  Schemas['RecordingResponse'],
  { sessionKind: SessionKind; status: RecordingStatus; file: RecordingFile | null }
>;

export type RecordingCountByStatus = Schemas['RecordingStatusCounts'];

export type SessionRecordingStats = Schemas['RecordingStatistics'];

/**
 * RFC 9457 problem details as the API sends them (`application/problem+json`). ASP.NET leaves out the
 * standard members that are null, so all are optional here; `code` is the API's stable error code.
 */
export type ProblemDetails = Partial<Schemas['ProblemDetails']> & {
  code?: string;
  errors?: Record<string, string[]>;
};

export type AuditAction =
  | 'started'
  | 'stopped'
  | 'completed'
  | 'failed'
  | 'streamed'
  | 'downloaded'
  | 'deleted';

export type RecordingCountByKind = Schemas['RecordingKindCounts'];

/** The admin catalogue's counts under the current filters. */
export type RecordingCatalogueStats = Schemas['RecordingCatalogueStatistics'];

/** One page of the admin catalogue; pass `nextCursor` back for the next, `null` on the last page. */
export type RecordingPage = Refine<Schemas['RecordingPage'], { items: Recording[] }>;

export type RecordingAuditEntry = Refine<Schemas['RecordingAuditEntryResponse'], { action: AuditAction }>;
