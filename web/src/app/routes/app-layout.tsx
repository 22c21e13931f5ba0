import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { useMe } from '@/features/auth/api/get-me';
import { UserMenu } from '@/features/auth/components/user-menu';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { isApiError } from '@/lib/api-client';
import { interruptedActionOf } from '@/lib/interrupted-action';
import { paths } from '@/config/paths';

/** The signed-in shell: header (navigation, language, user, sign-out) and the main landmark. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After an in-app navigation, move focus to the new page so screen readers start reading it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  if (me.isPending) return <Loading />;
  if (me.isError) {
    // A 401 is already on its way to the sign-in page (see createApp).
    if (isApiError(me.error) && me.error.status === 401) return <Loading />;
    return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  }
  const user = me.data;
  // Set by the sign-in page when an expired session refused an action pressed here.
  const notDone = interruptedActionOf(location.state);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to={paths.home.getHref()} className="app-header__brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('app.mainNavigation')} className="app-header__nav">
          <NavLink to={paths.home.getHref()} end>
            {t('nav.mySessions')}
          </NavLink>
          <NavLink to={paths.myRecordings.getHref()}>{t('nav.myRecordings')}</NavLink>
          {user.role !== 'student' && <NavLink to={paths.analytics.getHref()}>{t('nav.analytics')}</NavLink>}
          {user.role === 'admin' && <NavLink to={paths.adminRecordings.getHref()}>{t('nav.catalogue')}</NavLink>}
        </nav>
        <div className="app-header__tools">
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu user={user} onSignedOut={() => void navigate(paths.signIn.getHref(), { replace: true })} />
        </div>
      </header>
      {navigation.state === 'loading' && <div className="progress-bar" aria-hidden="true" />}
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        {notDone && (
          <Alert
            action={
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void navigate(location, { replace: true, state: null })}
              >
                {t('app.close')}
              </button>
            }
          >
            {t(`interruptedAction.notDone.${notDone}`)}
          </Alert>
        )}
        <Outlet />
      </main>
    </>
  );
}
