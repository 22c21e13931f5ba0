import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '@/components/language-switch';
import { Alert } from '@/components/ui/alert';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { asInterruptedAction, type InterruptedActionState } from '@/lib/interrupted-action';
import { safeReturnTo } from '@/lib/return-to';

export function SignInRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const notDone = asInterruptedAction(params.get('notDone'));
  // The page signing in returns to says it again, where the action was pressed.
  const state: InterruptedActionState | undefined = notDone ? { notDone } : undefined;

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
        {notDone && <Alert tone="info">{t(`interruptedAction.signIn.${notDone}`)}</Alert>}
        <SignInForm onSignedIn={() => void navigate(returnTo, { replace: true, state })} />
      </main>
    </div>
  );
}
