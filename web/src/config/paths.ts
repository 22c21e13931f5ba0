/**
 * Every route of the app, in one place: `path` is what the router matches, `getHref(...)` what a link or a
 * navigation goes to (ids are encoded here, once).
 */
export const paths = {
  home: {
    path: '/',
    getHref: () => '/',
  },
  signIn: {
    path: '/sign-in',
    getHref: () => '/sign-in',
  },
  session: {
    path: '/sessions/:sessionId',
    getHref: (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}`,
  },
  recording: {
    path: '/recordings/:recordingId',
    getHref: (recordingId: string) => `/recordings/${encodeURIComponent(recordingId)}`,
  },
  myRecordings: {
    path: '/my-recordings',
    getHref: () => '/my-recordings',
  },
  analytics: {
    path: '/analytics',
    getHref: () => '/analytics',
  },
  adminRecordings: {
    path: '/admin/recordings',
    getHref: () => '/admin/recordings',
  },
} as const;
