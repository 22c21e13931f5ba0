import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t('errors.pageNotFoundTitle')}</h1>
      <p>{t('errors.pageNotFound')}</p>
      <p>
        <Link to={paths.home.getHref()}>{t('errors.goHome')}</Link>
      </p>
    </div>
  );
}
