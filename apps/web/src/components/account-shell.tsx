import type { ReactNode } from 'react';
import { LanguageSwitch } from './language-switch';

/** The frame of the pages outside the dashboard (login, password, two-factor): a centred column and the language switch. */
export function AccountShell({ children }: { children: ReactNode }) {
  return (
    <main className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <div className="login-panel">{children}</div>
    </main>
  );
}
