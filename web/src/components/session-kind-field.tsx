import { useTranslation } from 'react-i18next';
import type { SessionKind } from '@/lib/api-types';
import { sessionKinds } from '@/lib/session-kinds';

/** A filter form's choice of class type; the empty choice is every type. */
export function SessionKindField({ id, value, onChange }: { id: string; value: SessionKind | undefined; onChange: (kind: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('catalogue.kind')}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('catalogue.allKinds')}</option>
        {sessionKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`sessionKind.${kind}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
