import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RecordingPoster } from '@/components/recording-poster';
import { RecordingStatusBadge } from '@/components/recording-status-badge';
import { Loading } from '@/components/ui/loading';
import { QueryError } from '@/components/ui/query-error';
import { useFormatters } from '@/hooks/use-formatters';
import type { Recording, TranscriptLanguage } from '@/lib/api-types';
import { useSessionRecordings } from '../api/get-session-recordings';
import { usePublishRecording } from '../api/publish-recording';
import { useRenameRecording } from '../api/rename-recording';
import { isUnderWay, useAutomaticTranscripts, useTranscribeAutomatically, useUploadTranscript } from '../api/transcripts';
import { paths } from '@/config/paths';

/**
 * The session's recordings, for those who may access them; polls by itself while one is in flight. The session's
 * teacher and the admins (`canRename`) rename a recording in place.
 */
export function SessionRecordingsList({ sessionId, canRename }: { sessionId: string; canRename: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const recordings = useSessionRecordings(sessionId);
  const [renaming, setRenaming] = useState<string | null>(null);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('recordings.heading')}</h2>
      {recordings.isPending ? (
        <Loading />
      ) : recordings.isError ? (
        <QueryError error={recordings.error} onRetry={() => void recordings.refetch()} />
      ) : recordings.data.length === 0 ? (
        <p className="empty">{t('recordings.empty')}</p>
      ) : (
        // The table may scroll sideways on a phone; a focusable region lets keyboard users scroll it.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('recordings.name')}</th>
                <th scope="col">{t('recordings.date')}</th>
                <th scope="col">{t('recordings.duration')}</th>
                <th scope="col">{t('recordings.size')}</th>
                <th scope="col">{t('recordings.status')}</th>
              </tr>
            </thead>
            <tbody>
              {recordings.data.map((recording) => (
                <tr key={recording.id}>
                  <th scope="row">
                    <span className="recording-name">
                      <RecordingPoster posterUrl={recording.posterUrl} />
                      {recording.status === 'completed' ? (
                        <Link to={paths.recording.getHref(recording.id)}>
                          <bdi dir="auto">{recording.displayName}</bdi>
                        </Link>
                      ) : (
                        <bdi dir="auto">{recording.displayName}</bdi>
                      )}
                      {canRename && recording.status !== 'deleted' && renaming !== recording.id && (
                        <button type="button" className="link-button" onClick={() => setRenaming(recording.id)}>
                          {t('recordings.rename')}
                        </button>
                      )}
                    </span>
                    {renaming === recording.id && (
                      <RenameForm sessionId={sessionId} recording={recording} onDone={() => setRenaming(null)} />
                    )}
                    {canRename && recording.status !== 'deleted' && <PublicationControl sessionId={sessionId} recording={recording} />}
                    {canRename && recording.status === 'completed' && <TranscriptUpload recording={recording} />}
                  </th>
                  <td>
                    <time dateTime={recording.startedAt}>{format.dateTime(recording.startedAt)}</time>
                  </td>
                  <td className="numeric">
                    {recording.durationSeconds === null ? '—' : format.clock(recording.durationSeconds)}
                  </td>
                  <td className="numeric">{recording.file ? format.bytes(recording.file.sizeBytes) : '—'}</td>
                  <td>
                    <RecordingStatusBadge status={recording.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A recording's new name, in place of its old one: Save applies it, Cancel (or Escape) leaves it as it was. */
function RenameForm({ sessionId, recording, onDone }: { sessionId: string; recording: Recording; onDone: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [name, setName] = useState(recording.displayName);
  const rename = useRenameRecording(sessionId);
  const input = useRef<HTMLInputElement>(null);
  // The field the teacher just asked for takes the focus.
  useEffect(() => input.current?.focus(), []);

  return (
    <form
      className="rename-form"
      onSubmit={(event) => {
        event.preventDefault();
        rename.mutate({ recordingId: recording.id, displayName: name }, { onSuccess: onDone });
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {t('recordings.renameLabel', { name: recording.displayName })}
      </label>
      <input
        ref={input}
        id={inputId}
        dir="auto"
        value={name}
        maxLength={200}
        required
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone();
        }}
      />
      <button type="submit" className="button button--secondary" aria-disabled={rename.isPending || undefined}>
        {t('recordings.save')}
      </button>
      <button type="button" className="button button--link" onClick={onDone}>
        {t('recordings.cancel')}
      </button>
      {rename.isError && <p role="alert">{t('recordings.renameFailed')}</p>}
    </form>
  );
}

/**
 * For the teacher: whether the students see the recording, and the button that changes it (publish one awaiting
 * review or hidden; hide a published one).
 */
function PublicationControl({ sessionId, recording }: { sessionId: string; recording: Recording }) {
  const { t } = useTranslation();
  const publish = usePublishRecording(sessionId);
  const shown = recording.publication === 'published';

  return (
    <div className="publication" data-publication={recording.publication}>
      {!shown && <span className="badge badge--unpublished">{t(`recordings.publication.${recording.publication}`)}</span>}
      <button
        type="button"
        className="link-button"
        aria-disabled={publish.isPending || undefined}
        aria-label={t(shown ? 'recordings.hideNamed' : 'recordings.publishNamed', { name: recording.displayName })}
        onClick={() => {
          if (!publish.isPending) publish.mutate({ recordingId: recording.id, publication: shown ? 'hidden' : 'published' });
        }}
      >
        {t(shown ? 'recordings.hide' : 'recordings.publish')}
      </button>
      {publish.isError && <p role="alert">{t('recordings.publishFailed')}</p>}
    </div>
  );
}

/** For the teacher: a WebVTT file of what was said, in Arabic or English, becomes the recording's captions. */
function TranscriptUpload({ recording }: { recording: Recording }) {
  const { t } = useTranslation();
  const id = useId();
  const [language, setLanguage] = useState<TranscriptLanguage>('ar');
  const upload = useUploadTranscript(recording.id);

  return (
    <div className="transcript-upload">
      <label htmlFor={`${id}-language`}>{t('transcripts.languageLabel')}</label>
      <select id={`${id}-language`} value={language} onChange={(event) => setLanguage(event.target.value as TranscriptLanguage)}>
        <option value="ar">{t('transcripts.language.ar')}</option>
        <option value="en">{t('transcripts.language.en')}</option>
      </select>
      <label htmlFor={`${id}-file`}>{t('transcripts.upload', { name: recording.displayName })}</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".vtt,text/vtt"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void file.text().then((webVtt) => upload.mutate({ language, webVtt }));
        }}
      />
      <p role="status" aria-live="polite">
        {upload.isSuccess && t('transcripts.uploaded', { language: t(`transcripts.language.${upload.data.language}`) })}
        {upload.isError && t('transcripts.failed')}
      </p>
      <AutomaticTranscription recording={recording} language={language} />
    </div>
  );
}

/**
 * Where the deployment has an automatic transcriber: a button that asks it for the transcript in the chosen
 * language, and where each transcript asked for stands (waiting, being made, done, failed and why).
 */
function AutomaticTranscription({ recording, language }: { recording: Recording; language: TranscriptLanguage }) {
  const { t } = useTranslation();
  const automatic = useAutomaticTranscripts(recording.id);
  const transcribe = useTranscribeAutomatically(recording.id);
  if (!automatic.data?.transcriberConfigured) return null;
  const chosen = automatic.data.transcripts.find((transcript) => transcript.language === language);
  const underWay = chosen !== undefined && isUnderWay(chosen);

  return (
    <>
      <button
        type="button"
        className="link-button"
        aria-label={t('transcripts.automatic.askFor', { language: t(`transcripts.language.${language}`), name: recording.displayName })}
        disabled={underWay || transcribe.isPending}
        onClick={() => transcribe.mutate(language)}
      >
        {t('transcripts.automatic.ask', { language: t(`transcripts.language.${language}`) })}
      </button>
      <ul className="automatic-transcripts" aria-live="polite">
        {automatic.data.transcripts.map((transcript) => (
          <li key={transcript.language}>
            {t(`transcripts.automatic.${transcript.state}`, { language: t(`transcripts.language.${transcript.language}`) })}
            {transcript.lastError !== null && transcript.state !== 'done' && (
              <> {t('transcripts.automatic.reason', { reason: transcript.lastError })}</>
            )}
          </li>
        ))}
      </ul>
      {transcribe.isError && <p role="alert">{t('transcripts.automatic.askFailed')}</p>}
    </>
  );
}
