import { DownloadOutlined, FileExcelOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportUrl, type ReportFormat } from '../api/admin-api';

const ICONS: Record<ReportFormat, React.ReactNode> = { xlsx: <FileExcelOutlined />, pdf: <FilePdfOutlined />, csv: <FileTextOutlined /> };

/** Download links for a period's report (or one department's): the browser fetches them with the session cookie. */
export function ExportButtons({
  period,
  dept,
  formats = ['xlsx', 'pdf', 'csv'],
  size = 'middle',
}: {
  period: string;
  dept?: string;
  formats?: ReportFormat[];
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  return (
    <Space size="small" wrap data-testid="export-buttons">
      <span className="export-label">
        <DownloadOutlined aria-hidden /> {t('common.export')}
      </span>
      {formats.map((format) => (
        <Button key={format} size={size} icon={ICONS[format]} href={reportUrl(period, format, dept)} download data-format={format}>
          {t(`reports.format.${format}`)}
        </Button>
      ))}
    </Space>
  );
}
