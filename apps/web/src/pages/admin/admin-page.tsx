import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { findAdminSection } from '../../app/admin-sections';
import { PagePlaceholder } from '../../components/page-placeholder';
import { NotFoundPage } from '../not-found/not-found-page';

/** /admin/<section>: one page for now; each section gets its own component when its API lands. */
export function AdminPage() {
  const { t } = useTranslation();
  const section = findAdminSection(useParams().section);
  if (!section) return <NotFoundPage />;
  const label = t(section.labelKey);
  return <PagePlaceholder title={`${t('nav.admin')} · ${label}`} willShow={t('pages.admin', { section: label })} />;
}
