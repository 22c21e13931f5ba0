import { useTranslation } from 'react-i18next';
import { MyRecordings } from '@/features/learning/components/my-recordings';

/** Lazy-loaded: My recordings is its own chunk. */
export function MyRecordingsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${t('myRecordings.title')} · ${t('app.name')}`}</title>
      <MyRecordings />
    </>
  );
}
