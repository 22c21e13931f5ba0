import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { safeReturnTo } from '@/lib/return-to';

export function SignInRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));

  return (
    <div className="sign-in">
      <header className="sign-in__header">
        <p className="app-header__brand">{t('app.name')}</p>
        <LanguageSwitch />
      </header>
      <main id="main" className="sign-in__main">
        <title>{`${t('auth.signInTitle')} · ${t('app.name')}`}</title>
        <h1>{t('auth.signInTitle')}</h1>
        <p>{t('auth.signInIntro')}</p>
        <SignInForm onSignedIn={() => void navigate(returnTo, { replace: true })} />
      </main>
    </div>
  );
}
