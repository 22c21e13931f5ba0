import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import type { SessionDetail } from '@/lib/api-types';

export function SessionHeader({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <header className="page-header">
      <h1>{session.title}</h1>
      <p className="page-header__meta">
        <span>{t(`sessionKind.${session.kind}`)}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={session.scheduledAt}>{format.dateTime(session.scheduledAt)}</time>
        <span aria-hidden="true"> · </span>
        <span>{t(`sessionStatus.${session.status}`)}</span>
      </p>
      <p>{t('sessions.teacher', { name: session.teacherName })}</p>
      {session.description && <p className="page-header__description">{session.description}</p>}
    </header>
  );
}
