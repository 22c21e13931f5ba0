import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RecordingFacts } from '@/components/recording-facts';
import { RecordingPoster } from '@/components/recording-poster';
import { RecordingStatusBadge } from '@/components/recording-status-badge';
import { useFormatters } from '@/hooks/use-formatters';
import type { Recording } from '@/lib/api-types';
import { useRestoreRecording } from '../api/trash';
import { AuditTrail } from './audit-trail';
import { paths } from '@/config/paths';

interface CatalogueItemProps {
  recording: Recording;
  onDelete: (recording: Recording) => void;
  onRestored: (recording: Recording) => void;
}

export function CatalogueItem({ recording, onDelete, onRestored }: CatalogueItemProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const restore = useRestoreRecording();
  const auditId = useId();
  const [showAudit, setShowAudit] = useState(false);

  return (
    <li className="card catalogue-item">
      <div className="catalogue-item__head">
        <RecordingPoster posterUrl={recording.posterUrl} />
        <h3 className="card__title">
          {recording.status === 'completed' ? (
            <Link to={paths.recording.getHref(recording.id)}>
              <bdi dir="auto">{recording.displayName}</bdi>
            </Link>
          ) : (
            <bdi dir="auto">{recording.displayName}</bdi>
          )}
        </h3>
        <RecordingStatusBadge status={recording.status} />
      </div>
      <RecordingFacts recording={recording} withSize />
      <div className="catalogue-item__actions">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={showAudit}
          aria-controls={showAudit ? auditId : undefined}
          aria-label={t('catalogue.historyNamed', { name: recording.displayName })}
          onClick={() => setShowAudit((shown) => !shown)}
        >
          {t('catalogue.history')}
        </button>
        {recording.status !== 'deleted' && (
          <button
            type="button"
            className="button button--danger"
            aria-label={t('catalogue.deleteNamed', { name: recording.displayName })}
            onClick={() => onDelete(recording)}
          >
            {t('catalogue.delete')}
          </button>
        )}
        {recording.status === 'deleted' && recording.filesRemovedAt === null && (
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('catalogue.trash.restoreNamed', { name: recording.displayName })}
            aria-disabled={restore.isPending || undefined}
            onClick={() => {
              if (!restore.isPending) restore.mutate(recording.id, { onSuccess: onRestored });
            }}
          >
            {t('catalogue.trash.restore')}
          </button>
        )}
      </div>
      {recording.status === 'deleted' && (
        <p className="muted">
          {recording.filesRemovedAt
            ? t('catalogue.trash.filesRemoved', { date: format.dateTime(recording.filesRemovedAt) })
            : recording.deletedAt && t('catalogue.trash.inTrash', { date: format.dateTime(recording.deletedAt) })}
        </p>
      )}
      {restore.isError && <p role="alert">{t('catalogue.trash.restoreFailed')}</p>}
      {showAudit && <AuditTrail recordingId={recording.id} recordingName={recording.displayName} id={auditId} />}
    </li>
  );
}
