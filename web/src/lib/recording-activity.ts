import type { RecordingStatus } from './api-types';

/** While a recording is running or being processed, screens that show it ask the API again this often. */
export const ACTIVE_RECORDING_POLL_MS = 1_000;

/** A recording that will still change by itself (LiveKit is writing it, or the file is being finalised). */
export function isInFlight(status: RecordingStatus | null | undefined): boolean {
  return status === 'recording' || status === 'processing';
}

/** For TanStack Query's `refetchInterval`: poll only while something is in flight, never otherwise. */
export function pollWhile(inFlight: boolean): number | false {
  return inFlight ? ACTIVE_RECORDING_POLL_MS : false;
}
