import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { NotFoundRoute } from './not-found';
import { paths } from '@/config/paths';

/** Shown when a route fails to render or its chunk fails to load. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />;
  return (
    <div className="stack" role="alert">
      <h1>{t('errors.unexpected')}</h1>
      <p>
        <Link to={paths.home.getHref()} reloadDocument>
          {t('errors.goHome')}
        </Link>
      </p>
    </div>
  );
}
