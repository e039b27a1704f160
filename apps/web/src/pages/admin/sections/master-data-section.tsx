import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { MASTER_DATA_COLUMNS, MASTER_DATA_TEMPLATE_FORMATS, type ImportOutcome, type MasterDataColumn } from '@app/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importMasterData, masterDataTemplateUrl, type MasterDataKind } from '../../../api/admin-api';
import { SCORES_ROOT } from '../../../api/score-queries';
import { describeError } from '../../../components/describe-error';
import { messageText } from '../../../lib/message-text';

const KINDS: MasterDataKind[] = ['departments', 'catalog', 'calendar'];
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function MasterDataSection() {
  const { t } = useTranslation();
  return (
    <>
      <p className="footnote">{t('masterData.filesHint')}</p>
      <Row gutter={[12, 12]}>
        {KINDS.map((kind) => (
          <Col key={kind} xs={24} xl={8}>
            <ImportCard kind={kind} />
          </Col>
        ))}
      </Row>
    </>
  );
}

/** A column by the name a department's sheet uses, with the other names it answers to. */
function ColumnTag({ column }: { column: MasterDataColumn }) {
  const [first = column.name, ...others] = column.aliases;
  return (
    <Tag title={[...others, column.name].join(' / ')} color={column.required ? 'blue' : undefined}>
      {first} <span className="muted">{column.name}</span>
    </Tag>
  );
}

/** Upload one CSV or XLSX file; the outcome lists every rejected row with its reason. */
function ImportCard({ kind }: { kind: MasterDataKind }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [fileName, setFileName] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => importMasterData(kind, file),
    onSuccess: () => {
      // Master data feeds names, categories, windows and deadlines: every score view may change.
      void queryClient.invalidateQueries({ queryKey: [SCORES_ROOT] });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'calendar'] });
    },
  });
  const outcome: ImportOutcome | undefined = upload.data;

  return (
    <Card size="small" title={t(`masterData.kinds.${kind}`)} data-testid={`import-${kind}`}>
      <Typography.Paragraph type="secondary">{t(`masterData.hints.${kind}`)}</Typography.Paragraph>
      <div className="master-data-columns" data-testid={`columns-${kind}`}>
        <span className="muted">{t('masterData.requiredColumns')}</span>
        {MASTER_DATA_COLUMNS[kind]
          .filter((c) => c.required)
          .map((c) => (
            <ColumnTag key={c.name} column={c} />
          ))}
      </div>
      <div className="master-data-columns">
        <span className="muted">{t('masterData.optionalColumns')}</span>
        {MASTER_DATA_COLUMNS[kind]
          .filter((c) => !c.required)
          .map((c) => (
            <ColumnTag key={c.name} column={c} />
          ))}
      </div>
      <Typography.Paragraph type="secondary" className="top-gap">
        {t(`masterData.values.${kind}`)}
      </Typography.Paragraph>
      <Space wrap className="master-data-templates">
        <span className="muted">{t('masterData.templates')}</span>
        {MASTER_DATA_TEMPLATE_FORMATS.map((format) => (
          <Button
            key={format}
            size="small"
            icon={<DownloadOutlined />}
            href={masterDataTemplateUrl(kind, format)}
            download
            data-testid={`template-${kind}-${format}`}
          >
            {t(`masterData.templateFormats.${format}`)}
          </Button>
        ))}
      </Space>
      <Upload
        accept={ACCEPT}
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          setFileName(file.name);
          upload.mutate(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} type="primary">
          {t('masterData.upload')}
        </Button>
      </Upload>
      {fileName ? <span className="muted upload-name"> {fileName}</span> : null}
      {upload.isError ? <Alert type="error" showIcon title={describeError(upload.error, t)} className="form-alert top-gap" /> : null}
      {outcome ? (
        <div className="top-gap" data-testid="import-outcome">
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'read', label: t('masterData.read'), children: outcome.read },
              { key: 'upserted', label: t('masterData.upserted'), children: outcome.upserted },
              {
                key: 'rejected',
                label: t('masterData.rejected'),
                children: <span className={outcome.rejected > 0 ? 'text-danger' : undefined}>{outcome.rejected}</span>,
              },
            ]}
          />
          {outcome.rejections.length === 0 ? (
            <Alert type="success" showIcon title={t('masterData.allAccepted')} />
          ) : (
            <Table
              size="small"
              rowKey={(r) => `${r.line}:${r.reason}`}
              dataSource={outcome.rejections}
              pagination={outcome.rejections.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { key: 'line', title: t('masterData.line'), dataIndex: 'line', width: 72 },
                {
                  key: 'reason',
                  title: t('common.reason'),
                  dataIndex: 'reason',
                  render: (reason: string, r) => <span title={reason}>{messageText(r.reasonMessage, reason, i18n.language)}</span>,
                },
              ]}
              data-testid="import-rejections"
            />
          )}
        </div>
      ) : null}
    </Card>
  );
}
