import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import type { SessionDetail } from '@/lib/api-types';

export function SessionHeader({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <header className="page-header">
      <h1>
        <bdi dir="auto">{session.title}</bdi>
      </h1>
      <p className="page-header__meta">
        <span>{t(`sessionKind.${session.kind}`)}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={session.scheduledAt}>{format.dateTime(session.scheduledAt)}</time>
        <span aria-hidden="true"> · </span>
        <span>{t(`sessionStatus.${session.status}`)}</span>
      </p>
    </header>
  );
}
