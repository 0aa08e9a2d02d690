import type { ReactNode } from 'react';

/** The centred card that sign-in, sign-up, invitation, setup and consent pages share. */
export function AuthShell({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="page auth-page">
      <div className="card auth-card">
        <h1 className="auth-title">{title}</h1>
        {intro && <div className="auth-intro">{intro}</div>}
        {children}
      </div>
      {footer && <div className="auth-footer">{footer}</div>}
    </div>
  );
}
