import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RecordingFacts } from '@/components/recording-facts';
import { RecordingPoster } from '@/components/recording-poster';
import { RecordingStatusBadge } from '@/components/recording-status-badge';
import type { Recording } from '@/lib/api-types';
import { AuditTrail } from './audit-trail';
import { paths } from '@/config/paths';

interface CatalogueItemProps {
  recording: Recording;
  onDelete: (recording: Recording) => void;
}

export function CatalogueItem({ recording, onDelete }: CatalogueItemProps) {
  const { t } = useTranslation();
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
      </div>
      {showAudit && <AuditTrail recordingId={recording.id} recordingName={recording.displayName} id={auditId} />}
    </li>
  );
}
