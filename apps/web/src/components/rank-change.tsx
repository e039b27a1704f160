import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Rank change as an arrow: up (climbed) green, down red, level grey; nothing when unknown. */
export function RankChange({ value }: { value: number | null | undefined }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) {
    return (
      <Tooltip title={t('rankChange.none')}>
        <span className="rank-change rank-change-none" aria-label={t('rankChange.none')}>
          —
        </span>
      </Tooltip>
    );
  }
  if (value === 0) {
    return (
      <span className="rank-change rank-change-same" aria-label={t('rankChange.same')} title={t('rankChange.same')}>
        <MinusOutlined aria-hidden />
      </span>
    );
  }
  const up = value > 0;
  const label = up ? t('rankChange.up', { n: value }) : t('rankChange.down', { n: -value });
  return (
    <span className={up ? 'rank-change rank-change-up' : 'rank-change rank-change-down'} aria-label={label} title={label} data-value={value}>
      {up ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />} {Math.abs(value)}
    </span>
  );
}
