import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import type { RecordingMark } from '@/lib/api-types';
import { useAddBookmark, useChangeMark, useDeleteMark, useRecordingMarks } from '../api/recording-marks';

/**
 * The recording's chapters and the user's own bookmarks under the player: each moves the player to its moment; the
 * user adds a bookmark where the player is, and edits what they may (the teacher the chapters, everyone their own
 * bookmarks).
 */
export function RecordingMarks({ recordingId, media }: { recordingId: string; media: HTMLMediaElement | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const marks = useRecordingMarks(recordingId, true);
  const add = useAddBookmark(recordingId);
  const [editing, setEditing] = useState<string | null>(null);

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
              {mark.editable && (
                <button
                  type="button"
                  className="link-button"
                  aria-expanded={editing === mark.id}
                  onClick={() => setEditing(editing === mark.id ? null : mark.id)}
                >
                  {t('marks.edit', { label: mark.label })}
                </button>
              )}
              {editing === mark.id && (
                <MarkEditor recordingId={recordingId} mark={mark} media={media} onDone={() => setEditing(null)} />
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

/** Renames a mark, moves it to where the player is, or deletes it. */
function MarkEditor({
  recordingId,
  mark,
  media,
  onDone,
}: {
  recordingId: string;
  mark: RecordingMark;
  media: HTMLMediaElement | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const nameId = useId();
  const [label, setLabel] = useState(mark.label);
  const change = useChangeMark(recordingId);
  const remove = useDeleteMark(recordingId);

  return (
    <form
      className="mark-editor"
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate({ markId: mark.id, atSeconds: mark.atSeconds, label }, { onSuccess: onDone });
      }}
    >
      <label htmlFor={nameId}>{t('marks.name')}</label>
      <input id={nameId} value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />
      <button type="submit" className="button button--secondary">
        {t('marks.save')}
      </button>
      {media && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => change.mutate({ markId: mark.id, atSeconds: Math.round(media.currentTime * 1000) / 1000, label }, { onSuccess: onDone })}
        >
          {t('marks.moveHere')}
        </button>
      )}
      <button type="button" className="button button--secondary" onClick={() => remove.mutate(mark.id, { onSuccess: onDone })}>
        {t('marks.delete')}
      </button>
      {(change.isError || remove.isError) && <p role="alert">{t('marks.changeFailed')}</p>}
    </form>
  );
}
