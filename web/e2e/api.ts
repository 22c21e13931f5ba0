import { request, type APIRequestContext } from '@playwright/test';
import { demo } from './fixtures';

/** A signed-in API client (the same cookie the web app gets), for arranging and looking things up. */
export async function apiAs(baseURL: string, email: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const response = await api.post('/api/auth/login', { data: { email, password: demo.password } });
  if (!response.ok()) throw new Error(`sign-in of ${email} failed: ${String(response.status())} ${await response.text()}`);
  return api;
}

export interface SessionJson {
  id: string;
  title: string;
}

export interface RecordingJson {
  id: string;
  status: string;
  roomName: string;
  displayName: string;
  file: { name: string; sizeBytes: number; format: string } | null;
  streamUrl?: string | null;
  downloadUrl?: string | null;
  posterState?: 'queued' | 'running' | 'done' | 'failed' | null;
  posterUrl?: string | null;
  aacState?: 'queued' | 'running' | 'done' | 'failed' | null;
  aacUrl?: string | null;
  previewsState?: 'queued' | 'running' | 'done' | 'failed' | null;
  hlsState?: 'queued' | 'running' | 'done' | 'failed' | null;
  hlsUrl?: string | null;
  egressId?: string;
  durationSeconds?: number | null;
  parts?: { number: number; durationSeconds: number; downloadUrl: string | null }[];
  joinState?: 'queued' | 'running' | 'done' | 'failed' | null;
}

export async function getJson<T>(api: APIRequestContext, path: string): Promise<T> {
  const response = await api.get(path);
  if (!response.ok()) throw new Error(`GET ${path}: ${String(response.status())} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The session with this title among the user's sessions. */
export async function sessionTitled(api: APIRequestContext, title: string): Promise<SessionJson> {
  const sessions = await getJson<SessionJson[]>(api, '/api/sessions');
  const session = sessions.find((s) => s.title === title);
  if (!session) throw new Error(`no session "${title}" among ${sessions.map((s) => s.title).join(', ')}`);
  return session;
}

/** The newest completed recording of a session. */
export async function completedRecordingOf(api: APIRequestContext, sessionId: string): Promise<RecordingJson> {
  const recordings = await getJson<RecordingJson[]>(api, `/api/sessions/${sessionId}/recordings`);
  const recording = recordings.find((r) => r.status === 'completed');
  if (!recording) throw new Error(`session ${sessionId} has no completed recording`);
  return recording;
}
