import { api } from '@/lib/api-client';
import type { WatchProgress } from '@/lib/api-types';

const progressPath = (recordingId: string) => `/api/recordings/${encodeURIComponent(recordingId)}/progress`;

export function getWatchProgress(recordingId: string): Promise<WatchProgress> {
  return api.get<WatchProgress>(progressPath(recordingId));
}

/** One heartbeat: the stretch played since the last one (the API takes at most 60 s). */
export function sendHeartbeat(recordingId: string, fromSeconds: number, toSeconds: number): Promise<unknown> {
  return api.post(progressPath(recordingId), { fromSeconds, toSeconds });
}
