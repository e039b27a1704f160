import { UploadOutlined } from '@ant-design/icons';
import type { ImportOutcome } from '@app/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Row, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importMasterData, type MasterDataKind } from '../../../api/admin-api';
import { SCORES_ROOT } from '../../../api/score-queries';
import { describeError } from '../../../components/describe-error';
import { messageText } from '../../../lib/message-text';

const KINDS: MasterDataKind[] = ['departments', 'catalog', 'calendar'];

export function MasterDataSection() {
  return (
    <Row gutter={[12, 12]}>
      {KINDS.map((kind) => (
        <Col key={kind} xs={24} xl={8}>
          <ImportCard kind={kind} />
        </Col>
      ))}
    </Row>
  );
}

/** Upload one CSV file; the outcome lists every rejected row with its reason. */
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
      <Upload
        accept=".csv,text/csv"
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
