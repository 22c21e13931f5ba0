import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { isApiError } from '@/lib/api-client';
import { genericErrorKey } from '@/lib/errors';
import { useLogin } from '../api/login';

function signInErrorKey(error: unknown) {
  if (isApiError(error)) {
    if (error.status === 429 || error.code === 'auth.locked_out') return 'auth.lockedOut' as const;
    if (error.status === 401 || error.status === 400) return 'auth.invalidCredentials' as const;
  }
  return genericErrorKey(error);
}

function textOf(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [missingFields, setMissingFields] = useState(false);
  const emailId = useId();
  const passwordId = useId();

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = textOf(data, 'email').trim();
    const password = textOf(data, 'password');
    if (!email || !password) {
      setMissingFields(true);
      return;
    }
    setMissingFields(false);
    login.mutate({ email, password }, { onSuccess: onSignedIn });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {missingFields && <Alert>{t('auth.missingFields')}</Alert>}
      {login.isError && <Alert>{t(signInErrorKey(login.error))}</Alert>}
      <div className="field">
        <label htmlFor={emailId}>{t('auth.email')}</label>
        <input id={emailId} name="email" type="email" autoComplete="username" required dir="ltr" />
      </div>
      <div className="field">
        <label htmlFor={passwordId}>{t('auth.password')}</label>
        <input id={passwordId} name="password" type="password" autoComplete="current-password" required dir="ltr" />
      </div>
      <button type="submit" className="button button--primary" disabled={login.isPending}>
        {login.isPending ? t('auth.submitting') : t('auth.submit')}
      </button>
    </form>
  );
}
