import { Trans, useTranslation } from 'react-i18next';
import type { CurrentUser } from '@/lib/api-types';
import { useLogout } from '../api/logout';

export function UserMenu({ user, onSignedOut }: { user: CurrentUser; onSignedOut: () => void }) {
  const { t } = useTranslation();
  const logout = useLogout({ onSignedOut });
  return (
    <div className="user-menu">
      <span className="user-menu__name">
        <Trans i18nKey="nav.signedInAs" values={{ name: user.displayName }} components={{ bdi: <bdi dir="auto" /> }} />
      </span>
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
