import { useTranslation } from 'react-i18next';
import { useOnline } from '@/hooks/use-online';

/** Waiting for data; offline the wait is for the connection, and it says so rather than "Loading…" for ever. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <p className="loading" role="status" data-offline={online ? undefined : true}>
      {online && <span className="loading__spinner" aria-hidden="true" />}
      {online ? (label ?? t('app.loading')) : t('app.waitingForConnection')}
    </p>
  );
}
