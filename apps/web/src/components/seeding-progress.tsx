import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { seedingQuery } from '../api/queries';
import { periodLabel } from '../lib/period';
import { usePreferences } from '../lib/preferences';

/**
 * Demo seeding's progress while it runs (the README promises it in the footer; the login page shows
 * it too, since the demo logins work only once it is done). Plain markup: it is part of the login download.
 */
export function SeedingProgress({ variant }: { variant: 'footer' | 'login' }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const queryClient = useQueryClient();
  const seeding = useQuery(seedingQuery).data;
  const wasRunning = useRef(false);

  // What was read while seeding ran is partial: once it is done, every view reads again.
  useEffect(() => {
    if (seeding?.state === 'running') wasRunning.current = true;
    else if (seeding?.state === 'done' && wasRunning.current) {
      wasRunning.current = false;
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'system' });
    }
  }, [seeding?.state, queryClient]);

  if (!seeding || (seeding.state !== 'running' && seeding.state !== 'failed')) return null;
  const percent = Math.floor(seeding.progress * 100);
  const detail = seeding.phase === 'scoring' && seeding.detail ? periodLabel(seeding.detail, language) : (seeding.detail ?? '');
  const phase = seeding.phase ? t(`firstUse.seeding.phases.${seeding.phase}`, { detail }) : '';
  const failed = seeding.state === 'failed';
  return (
    <div className={`seeding-progress seeding-${variant}${failed ? ' seeding-failed' : ''}`} role="status" data-testid="seeding-progress" data-value={percent}>
      {variant === 'login' && !failed ? <p className="seeding-hint">{t('firstUse.seeding.loginHint')}</p> : null}
      <span className="seeding-text">
        {failed ? t('firstUse.seeding.failed') : t('firstUse.seeding.running', { percent })}
        {phase ? <span className="seeding-phase">{phase}</span> : null}
      </span>
      {failed ? null : (
        <span className="seeding-bar" aria-hidden>
          <span style={{ width: `${percent}%` }} />
        </span>
      )}
    </div>
  );
}
