import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import { useAddBookmark, useDeleteMark, useRecordingMarks } from '../api/recording-marks';

/**
 * The recording's chapters and the user's own bookmarks under the player: each moves the player to its moment; the
 * user adds a bookmark where the player is, and removes their own.
 */
export function RecordingMarks({ recordingId, media }: { recordingId: string; media: HTMLMediaElement | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const marks = useRecordingMarks(recordingId, true);
  const add = useAddBookmark(recordingId);
  const remove = useDeleteMark(recordingId);

  return (
    <section className="recording-marks" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('marks.heading')}</h2>
      {marks.data && marks.data.length > 0 ? (
        <ol className="recording-marks__list" data-testid="recording-marks">
          {marks.data.map((mark) => (
            <li key={mark.id} data-kind={mark.kind}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  if (media) media.currentTime = mark.atSeconds;
                }}
              >
                <span dir="ltr">{format.clock(mark.atSeconds)}</span> <bdi>{mark.label}</bdi>
              </button>
              {mark.kind === 'bookmark' && <span className="recording-marks__kind">{t('marks.bookmark')}</span>}
              {mark.kind === 'bookmark' && mark.mine && (
                <button type="button" className="link-button" onClick={() => remove.mutate(mark.id)}>
                  {t('marks.remove', { label: mark.label })}
                </button>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">{t('marks.empty')}</p>
      )}
      <button
        type="button"
        className="button button--secondary"
        disabled={!media}
        onClick={() => {
          if (media) add.mutate(Math.round(media.currentTime * 1000) / 1000);
        }}
      >
        {t('marks.addBookmark')}
      </button>
    </section>
  );
}
