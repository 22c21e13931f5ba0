import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';
import { getRecordingQueryOptions } from '@/features/recordings/api/get-recording';
import { Loading } from '@/components/ui/loading';
import { AppLayout } from './routes/app-layout';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';
import { SessionRoute } from './routes/session';
import { SessionsRoute } from './routes/sessions';
import { SignInRoute } from './routes/sign-in';
import { paths } from '@/config/paths';

/**
 * All routes. The player and the admin catalogue are split into their own chunks; a route's loader only
 * starts its data early (prefetch, not awaited), so the chunk and the data load side by side and the
 * component's own query takes over.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      HydrateFallback: Loading,
      ErrorBoundary: RouteError,
      children: [
        { path: paths.signIn.path, Component: SignInRoute },
        {
          Component: AppLayout,
          children: [
            {
              ErrorBoundary: RouteError,
              children: [
                { index: true, Component: SessionsRoute },
                { path: paths.session.path, Component: SessionRoute },
                {
                  path: paths.recording.path,
                  loader: ({ params }) => {
                    if (params.recordingId) {
                      // Errors surface through the component's own query (and the global 401 handling).
                      queryClient.query(getRecordingQueryOptions(params.recordingId)).catch(() => undefined);
                    }
                    return null;
                  },
                  lazy: async () => ({ Component: (await import('./routes/recording')).RecordingRoute }),
                },
                {
                  path: paths.myRecordings.path,
                  lazy: async () => ({ Component: (await import('./routes/my-recordings')).MyRecordingsRoute }),
                },
                {
                  path: paths.analytics.path,
                  lazy: async () => ({ Component: (await import('./routes/analytics')).AnalyticsRoute }),
                },
                {
                  path: paths.adminRecordings.path,
                  lazy: async () => ({ Component: (await import('./routes/admin-recordings')).AdminRecordingsRoute }),
                },
                { path: '*', Component: NotFoundRoute },
              ],
            },
          ],
        },
      ],
    },
  ];
}
