import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEmptyTrash } from '../api/trash';

/** Beside the deleted recordings: empty the trash, after saying what that does. */
export function EmptyTrash({ onEmptied }: { onEmptied: (count: number) => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const empty = useEmptyTrash();

  if (!asking) {
    return (
      <div>
        <button type="button" className="button button--danger" onClick={() => setAsking(true)}>
          {t('catalogue.trash.empty')}
        </button>
      </div>
    );
  }

  return (
    <div className="alert" role="group" aria-label={t('catalogue.trash.empty')}>
      <p>{t('catalogue.trash.emptyConfirm')}</p>
      <button
        type="button"
        className="button button--danger"
        aria-disabled={empty.isPending || undefined}
        onClick={() => {
          if (empty.isPending) return;
          empty.mutate(undefined, {
            onSuccess: (result) => {
              setAsking(false);
              onEmptied(result.count);
            },
          });
        }}
      >
        {t('catalogue.trash.emptyConfirmButton')}
      </button>
      <button type="button" className="button button--link" onClick={() => setAsking(false)}>
        {t('catalogue.trash.cancel')}
      </button>
      {empty.isError && <p role="alert">{t('catalogue.trash.emptyFailed')}</p>}
    </div>
  );
}
