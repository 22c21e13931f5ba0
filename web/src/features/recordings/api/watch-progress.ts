import { api, isApiError } from '@/lib/api-client';
import type { WatchProgress } from '@/lib/api-types';

const progressPath = (recordingId: string) => `/api/recordings/${encodeURIComponent(recordingId)}/progress`;

export function getWatchProgress(recordingId: string): Promise<WatchProgress> {
  return api.get<WatchProgress>(progressPath(recordingId));
}

/** How a heartbeat reached the API: by the progress link, or signed in (no link, or the link was refused). */
export type HeartbeatRoute = 'link' | 'signed-in';

/**
 * One heartbeat: the stretch played since the last one (the API takes at most 60 s). It goes to the recording's
 * progress link without the cookie, so the API reads no sign-in for it; once that link has expired (or is refused),
 * it goes signed in instead.
 */
export async function sendHeartbeat(
  recordingId: string,
  progressUrl: string | null,
  fromSeconds: number,
  toSeconds: number,
): Promise<HeartbeatRoute> {
  const span = { fromSeconds, toSeconds };
  if (progressUrl) {
    try {
      await api.post(progressUrl, span, { withoutSignIn: true });
      return 'link';
    } catch (error) {
      if (!isApiError(error) || (error.status !== 401 && error.status !== 403)) throw error;
    }
  }
  await api.post(progressPath(recordingId), span);
  return 'signed-in';
}
