import { useTranslation } from 'react-i18next';
import { genericErrorKey } from '@/lib/errors';
import { Alert } from './alert';

/** A failed query in words, with a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      action={
        onRetry ? (
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
