import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { findAdminSection, type AdminSectionKey } from '../../lib/admin-sections';
import { LoadingState } from '../../components/loading-state';
import { PageHeading } from '../../components/page-heading';
import { NotFoundPage } from '../not-found/not-found-page';

// Each section is its own chunk: an inspector opening the audit log never loads the scheme editor.
const SECTIONS: Record<AdminSectionKey, LazyExoticComponent<ComponentType>> = {
  users: lazy(() => import('./sections/users-section').then((m) => ({ default: m.UsersSection }))),
  'master-data': lazy(() => import('./sections/master-data-section').then((m) => ({ default: m.MasterDataSection }))),
  calendar: lazy(() => import('./sections/calendar-section').then((m) => ({ default: m.CalendarSection }))),
  schemes: lazy(() => import('./sections/schemes-section').then((m) => ({ default: m.SchemesSection }))),
  sources: lazy(() => import('./sections/sources-section').then((m) => ({ default: m.SourcesSection }))),
  ledger: lazy(() => import('./sections/ledger-section').then((m) => ({ default: m.LedgerSection }))),
  quarantine: lazy(() => import('./sections/quarantine-section').then((m) => ({ default: m.QuarantineSection }))),
  notifications: lazy(() => import('./sections/notifications-section').then((m) => ({ default: m.NotificationsSection }))),
  periods: lazy(() => import('./sections/periods-section').then((m) => ({ default: m.PeriodsSection }))),
  audit: lazy(() => import('./sections/audit-section').then((m) => ({ default: m.AuditSection }))),
};

/** /admin/<section>: the section's heading and its own lazily loaded content. */
export function AdminPage() {
  const { t } = useTranslation();
  const section = findAdminSection(useParams().section);
  if (!section) return <NotFoundPage />;
  const Section = SECTIONS[section.key];
  return (
    <div className="page admin-page" data-section={section.key}>
      <PageHeading title={`${t('nav.admin')} · ${t(section.labelKey)}`} />
      <Suspense fallback={<LoadingState minHeight={240} />}>
        <Section />
      </Suspense>
    </div>
  );
}
