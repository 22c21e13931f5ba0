/**
 * Types of the Itqan Recording HTTP API (JSON, camelCase), under the names the app uses.
 *
 * This is the ONLY file the rest of the app imports API types from. The shapes come from
 * `api-schema.d.ts`, which `npm run gen:api` generates from the API's OpenAPI document (schema names are the
 * C# types: `RecordingResponse`, `SessionDetailResponse`, `RecordingStatus`, …); the end-to-end run fails when
 * that file no longer matches the real API. The closed sets of strings (`status`, `kind`, `role`, `action`,
 * `cannotRecordReason`) are the API's enums, which the document lists by their wire names, so their unions are
 * generated too. What the document cannot say is added here, and only here:
 *
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

export type Role = Schemas['UserRole'];

export type SessionKind = Schemas['SessionKind'];

export type SessionStatus = Schemas['SessionStatus'];

export type RecordingStatus = Schemas['RecordingStatus'];

/** Whether a recording's students see it: `awaiting_review` until its teacher publishes it where the academy reviews first. */
export type RecordingPublication = Schemas['RecordingPublication'];

/** `SessionDetail.cannotRecordReason`. */
export type CannotRecordReason = Schemas['RecordingBlocker'];

export type AuditAction = Schemas['RecordingAuditAction'];

/** `SessionDetail.recordingAvailability`: what the session's recording panel shows, as the API works it out. */
export type RecordingAvailability = Schemas['RecordingAvailability'];

export type LoginRequest = Schemas['LoginRequest'];

export type LoginResponse = Schemas['LoginResponse'];

export type CurrentUser = Schemas['CurrentUserResponse'];

export type SessionSummary = Schemas['SessionSummaryResponse'];

export type SessionPermissions = Schemas['SessionPermissionsResponse'];

/**
 * One session. `activeRecording` is the running recording only: once stopped it is `null`, and the
 * recording (now `processing`) is found in the session's recordings.
 */
export type SessionDetail = Refine<
  Schemas['SessionDetailResponse'],
  { activeRecording: Recording | null }
>;

export type RecordingFile = Schemas['RecordingFileResponse'];

/** One part of a recording LiveKit cut at its time limit, with its own signed links. */
export type RecordingPart = Schemas['RecordingPartResponse'];

/**
 * A recording. For a completed recording the user may see, `streamUrl` and `downloadUrl` are signed,
 * same-origin links valid until `linksExpireAt`; otherwise they are null.
 */
export type Recording = Refine<Schemas['RecordingResponse'], { file: RecordingFile | null }>;

/** A session's attendance for its teacher: each student's minutes in class, share watched, catch-up verdict. */
export type SessionAttendance = Schemas['SessionAttendanceResponse'];

export type StudentAttendance = Schemas['StudentAttendanceResponse'];

/** A transcript of a recording (its language, last change); the player loads it as captions. */
export type Transcript = Schemas['TranscriptResponse'];

/** The analytics dashboard: the days it covers, how they are cut, and the report. */
export type AnalyticsDashboard = Schemas['AnalyticsDashboard'];

export type AnalyticsBucket = Schemas['AnalyticsBucket'];

export type AnalyticsFigures = Schemas['AnalyticsFigures'];

export type CatchUpFigures = Schemas['CatchUpFigures'];

export type AnalyticsPeriod = Schemas['AnalyticsPeriod'];

/** The user's ready notifications (newest first) and how many are unread. */
export type MyNotifications = Schemas['MyNotifications'];

export type RecordingNotification = Schemas['RecordingNotification'];

export type TranscriptLanguage = Schemas['TranscriptLanguage'];

/** Whether an automatic transcriber is configured, and each automatic transcript asked for with its job's state. */
export type AutomaticTranscripts = Schemas['AutomaticTranscriptsResponse'];

export type AutomaticTranscript = Schemas['AutomaticTranscriptResponse'];

/** A chapter the teacher marked, or the user's own bookmark, at `atSeconds` into the recording. */
export type RecordingMark = Schemas['RecordingMarkResponse'];

/** Where the user stopped in a recording, and how much of it they have seen. */
export type WatchProgress = Schemas['WatchProgressResponse'];

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

export type RecordingCountByKind = Schemas['RecordingKindCounts'];

/** The admin catalogue's counts under the current filters. */
export type RecordingCatalogueStats = Schemas['RecordingCatalogueStatistics'];

/** One page of the admin catalogue; pass `nextCursor` back for the next, `null` on the last page. */
export type RecordingPage = Refine<Schemas['RecordingPage'], { items: Recording[] }>;

export type RecordingAuditEntry = Schemas['RecordingAuditEntryResponse'];

/** A recording of My recordings, with how much of it the user has seen (`coverage` 0–1) and whether that counts as watched. */
export type MyRecording = Refine<Schemas['MyRecording'], { recording: Recording }>;

/** One page of My recordings; pass `nextCursor` back for the next, `null` on the last page. */
export type MyRecordingsPage = Refine<Schemas['MyRecordingsPage'], { items: MyRecording[] }>;
