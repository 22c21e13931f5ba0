import { useState } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { signInPath } from '@/lib/return-to';
import { AppProvider } from './provider';
import { createQueryClient } from './query-client';
import { createRoutes } from './router';
import { paths } from '@/config/paths';

type AppRouter = ReturnType<typeof createBrowserRouter>;

/**
 * Wires the query client and the router together: a 401 anywhere sends the user to sign-in, remembering
 * the page they were on (`returnTo`), to which signing in brings them back; when the 401 refused an action
 * (Start, Stop), both pages say it was not done.
 */
export function createApp(createRouter: (routes: RouteObject[]) => AppRouter) {
  // The query client needs the router (to redirect) and the routes need the query client (loaders).
  const holder: { router?: AppRouter } = {};
  const queryClient = createQueryClient({
    onUnauthorized: (interrupted) => {
      const router = holder.router;
      if (!router) return;
      const { pathname, search, hash } = router.state.location;
      if (pathname === paths.signIn.path) return;
      void router.navigate(signInPath(`${pathname}${search}${hash}`, interrupted), { replace: true });
    },
  });
  const router = createRouter(createRoutes(queryClient));
  holder.router = router;
  return { router, queryClient };
}

export function App() {
  const [{ router, queryClient }] = useState(() => createApp((routes) => createBrowserRouter(routes)));
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
