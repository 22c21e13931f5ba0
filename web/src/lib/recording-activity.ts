import type { RecordingAvailability, RecordingStatus } from './api-types';

/** While a recording is running or being processed, screens that show it ask the API again this often. */
export const ACTIVE_RECORDING_POLL_MS = 1_000;

/**
 * A recording that will still change by itself (LiveKit is writing it, or the file is being finalised), by its
 * status or by what a session's recording panel shows.
 */
export function isInFlight(status: RecordingStatus | RecordingAvailability | null | undefined): boolean {
  return status === 'recording' || status === 'processing';
}

/** For TanStack Query's `refetchInterval`: poll only while something is in flight, never otherwise. */
export function pollWhile(inFlight: boolean): number | false {
  return inFlight ? ACTIVE_RECORDING_POLL_MS : false;
}
