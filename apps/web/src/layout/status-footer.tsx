import { useQuery } from '@tanstack/react-query';
import { Badge, Layout, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-client';
import { healthQuery, systemInfoQuery } from '../api/queries';
import { SeedingProgress } from '../components/seeding-progress';

function useHealthBadge() {
  const { t } = useTranslation();
  const health = useQuery(healthQuery);
  if (health.isPending) return { status: 'processing' as const, text: t('status.checking'), at: undefined };
  if (health.isError) {
    const databaseDown = isApiError(health.error) && health.error.status === 503;
    return { status: 'error' as const, text: databaseDown ? t('status.databaseDown') : t('status.unreachable'), at: health.errorUpdatedAt };
  }
  return { status: 'success' as const, text: t('status.healthy'), at: health.dataUpdatedAt };
}

/** Live facts about the service, always visible: is the API up, which version, which database, and demo seeding while it runs. */
export function StatusFooter() {
  const { t } = useTranslation();
  const badge = useHealthBadge();
  const system = useQuery(systemInfoQuery);
  const info = system.data;
  const unknown = t('status.unknown');

  return (
    <Layout.Footer className="status-footer" role="contentinfo">
      <Tooltip title={badge.at ? t('status.lastChecked', { time: dayjs(badge.at).format('HH:mm:ss') }) : undefined}>
        <span className="status-item" data-testid="status-health">
          {t('status.api')} <Badge status={badge.status} text={badge.text} />
        </span>
      </Tooltip>
      <span className="status-item" data-testid="status-version">
        {t('status.version')} <strong>{info?.version ?? unknown}</strong>
      </span>
      <span className="status-item" data-testid="status-database">
        {t('status.database')} <strong>{info ? t(`status.${info.database}`) : unknown}</strong>
      </span>
      <span className="status-item status-optional">
        {t('status.timeZone')} <strong>{info?.timeZone ?? unknown}</strong>
      </span>
      <SeedingProgress variant="footer" />
    </Layout.Footer>
  );
}
