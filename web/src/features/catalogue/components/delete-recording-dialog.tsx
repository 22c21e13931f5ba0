import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { Dialog } from '@/components/ui/dialog';
import { isApiError } from '@/lib/api-client';
import type { Recording } from '@/lib/api-types';
import { genericErrorKey } from '@/lib/errors';
import { useDeleteRecording } from '../api/delete-recording';

interface DeleteRecordingDialogProps {
  recording: Recording;
  onClose: () => void;
  onDeleted: (recording: Recording) => void;
}

export function DeleteRecordingDialog({ recording, onClose, onDeleted }: DeleteRecordingDialogProps) {
  const { t } = useTranslation();
  const checkboxId = useId();
  const [removeFile, setRemoveFile] = useState(false);
  const deletion = useDeleteRecording();

  const errorMessage = deletion.isError
    ? isApiError(deletion.error) && deletion.error.status === 409
      ? t('catalogue.deleteStillRecording')
      : t(genericErrorKey(deletion.error))
    : null;

  return (
    <Dialog
      role="alertdialog"
      title={t('catalogue.deleteDialog.title')}
      onClose={onClose}
      busy={deletion.isPending}
      footer={
        <>
          <button type="button" className="button button--secondary" onClick={onClose} data-autofocus>
            {t('app.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={deletion.isPending}
            onClick={() =>
              deletion.mutate({ recordingId: recording.id, removeFile }, { onSuccess: () => onDeleted(recording) })
            }
          >
            {deletion.isPending ? t('catalogue.deleteDialog.deleting') : t('catalogue.deleteDialog.confirm')}
          </button>
        </>
      }
    >
      <p>
        <Trans
          i18nKey="catalogue.deleteDialog.body"
          values={{ name: recording.displayName }}
          components={{ bdi: <bdi dir="auto" /> }}
        />
      </p>
      <div className="checkbox">
        <input
          id={checkboxId}
          type="checkbox"
          checked={removeFile}
          onChange={(event) => setRemoveFile(event.target.checked)}
        />
        <label htmlFor={checkboxId}>{t('catalogue.deleteDialog.removeFile')}</label>
      </div>
      {errorMessage && <Alert>{errorMessage}</Alert>}
    </Dialog>
  );
}
