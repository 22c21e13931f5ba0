import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '@/lib/api-types';
import { useLogout } from '../api/logout';

export function UserMenu({ user, onSignedOut }: { user: CurrentUser; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const logout = useLogout({ onSignedOut });
  return (
    <div className="user-menu">
      <span className="user-menu__name">{t('nav.signedInAs', { name: user.displayName })}</span>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
      >
        {logout.isPending ? t('nav.signingOut') : t('nav.signOut')}
      </button>
    </div>
  );
}
