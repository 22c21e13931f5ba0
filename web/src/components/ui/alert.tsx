import type { ReactNode } from 'react';

interface AlertProps {
  children: ReactNode;
  /** `error` is announced at once (role="alert"); `info` politely (role="status"). */
  tone?: 'error' | 'info' | 'success';
  action?: ReactNode;
}

export function Alert({ children, tone = 'error', action }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p className="alert__text">{children}</p>
      {action}
    </div>
  );
}
