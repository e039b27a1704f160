import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './app/app-providers';
import { LARGE_DISPLAY_CLASS, readStoredLanguage, readStoredLargeDisplay } from './lib/preferences';
import { router } from './app/router';
import { initI18n } from './i18n/i18n';
import './styles/index.css';

const language = readStoredLanguage();
initI18n(language);
// Before the first render, so a projector never sees the page jump from small to large text.
document.documentElement.lang = language;
document.documentElement.classList.toggle(LARGE_DISPLAY_CLASS, readStoredLargeDisplay());

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
