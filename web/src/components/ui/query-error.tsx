import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { genericErrorKey } from '@/lib/errors';
import { Alert } from './alert';

/** 403 and 404 will not change by asking again. */
function isWorthRetrying(error: unknown): boolean {
  return !(isApiError(error) && (error.status === 403 || error.status === 404));
}

/** A failed query in words, with a retry button when asking again may help. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      action={
        onRetry && isWorthRetrying(error) ? (
          <button type="button" className="button button--secondary" onClick={onRetry}>
            {t('app.retry')}
          </button>
        ) : undefined
      }
    >
      {t(genericErrorKey(error))}
    </Alert>
  );
}
