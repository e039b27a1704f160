import { describeActor, type DepartmentScore, type SchemePreview, type SchemeVersion } from '@app/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Divider, Form, Input, InputNumber, Row, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schemesQuery, SCORES_ROOT } from '../../../api/score-queries';
import { previewScheme, saveScheme, type SchemeDraft } from '../../../api/scores-api';
import { formatInstant, formatScore } from '../../../lib/format';
import { periodLabel } from '../../../lib/period';
import { usePreferences } from '../../../lib/preferences';
import { useAssessmentClock, usePeriod } from '../../../lib/use-period';
import { useDepartments } from '../../../lib/use-departments';
import { describeError } from '../../../components/describe-error';
import { GradeTag } from '../../../components/grade-tag';
import { QueryView } from '../../../components/query-view';
import { RankChange } from '../../../components/rank-change';
import { useFeedback } from './mutation-feedback';
import { messageLocale } from '../../../lib/message-text';

interface SchemeForm extends SchemeDraft {
  note: string;
}

// An empty assessment start field means none (null), not an empty month.
const toDraft = ({ note: _note, ...scheme }: SchemeForm): SchemeDraft => ({ ...scheme, assessmentStart: scheme.assessmentStart?.trim() || null });

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Problems the server would reject too, caught before a round trip (the server still decides). */
function draftIssues(d: SchemeDraft, t: (key: 'schemes.issueWeights' | 'schemes.issueSubWeights' | 'schemes.issueThresholds') => string): string[] {
  const issues: string[] = [];
  const sum = (o: Record<string, number | null | undefined>) => Object.values(o).reduce<number>((s, v) => s + (v ?? 0), 0);
  if (sum(d.weights) <= 0) issues.push(t('schemes.issueWeights'));
  if (sum(d.responseWeights) <= 0) issues.push(t('schemes.issueSubWeights'));
  const g = d.gradeThresholds;
  if (!(g.A > g.B && g.B > g.C)) issues.push(t('schemes.issueThresholds'));
  return issues;
}

export function SchemesSection() {
  const { t } = useTranslation();
  const schemes = useQuery(schemesQuery);
  return (
    <QueryView query={schemes} minHeight={240}>
      {(list) => (
        <Row gutter={[12, 12]}>
          <Col span={24}>
            <SchemeEditor versions={list} />
          </Col>
          <Col span={24}>
            <Card size="small" title={t('schemes.versions')}>
              <VersionsTable versions={list} />
            </Card>
          </Col>
        </Row>
      )}
    </QueryView>
  );
}

function latestOf(versions: SchemeVersion[]): SchemeVersion | undefined {
  return versions.reduce<SchemeVersion | undefined>((a, s) => (!a || s.version > a.version ? s : a), undefined);
}

function SchemeEditor({ versions }: { versions: SchemeVersion[] }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const { period } = usePeriod();
  const queryClient = useQueryClient();
  const feedback = useFeedback();
  const [form] = Form.useForm<SchemeForm>();
  const latest = latestOf(versions);
  const [preview, setPreview] = useState<SchemePreview | null>(null);
  const [issues, setIssues] = useState<string[]>([]);

  const initial = useMemo<Partial<SchemeForm> | undefined>(() => {
    if (!latest) return undefined;
    const { version: _v, note: _n, createdAt: _c, createdBy: _b, ...scheme } = latest;
    // A scheme saved before the to-do existed has no warnWorkdays: the method's default (scoring.md) is 2.
    return { ...scheme, warnWorkdays: scheme.warnWorkdays ?? 2, note: '' };
  }, [latest]);
  useEffect(() => {
    if (initial) form.setFieldsValue(initial);
  }, [initial, form]);

  const check = async (): Promise<SchemeForm | null> => {
    try {
      const values = await form.validateFields();
      const found = draftIssues(toDraft(values), t);
      setIssues(found);
      return found.length === 0 ? values : null;
    } catch {
      return null;
    }
  };

  const runPreview = useMutation({
    mutationFn: (draft: SchemeDraft) => previewScheme(draft, period),
    onSuccess: setPreview,
  });
  const save = useMutation({
    mutationFn: (v: SchemeForm) => saveScheme(toDraft(v), v.note.trim()),
    onSuccess: (saved) => {
      feedback.ok(t('schemes.saved', { version: saved.version }));
      setPreview(null);
      void queryClient.invalidateQueries({ queryKey: [SCORES_ROOT] });
    },
    onError: feedback.fail,
  });

  const number = (name: (string | number)[], label: string, props: { min?: number; max?: number; step?: number; precision?: number; suffix?: string } = {}) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('schemes.required') }]}>
      <InputNumber min={props.min ?? 0} max={props.max} step={props.step ?? 0.05} precision={props.precision} suffix={props.suffix} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Card
      size="small"
      title={t('schemes.editor')}
      extra={latest ? <Tag color="blue">{t('schemes.basedOn', { version: latest.version })}</Tag> : undefined}
      data-testid="scheme-editor"
    >
      <Form<SchemeForm> form={form} layout="vertical" initialValues={initial} onValuesChange={() => setPreview(null)} requiredMark={false}>
        <Row gutter={24}>
          <Col xs={24} lg={8}>
            <Divider titlePlacement="start" plain>
              {t('schemes.weights')}
            </Divider>
            <Row gutter={8}>
              <Col span={8}>{number(['weights', 'timeliness'], t('dimension.timeliness'))}</Col>
              <Col span={8}>{number(['weights', 'completeness'], t('dimension.completeness'))}</Col>
              <Col span={8}>{number(['weights', 'response'], t('dimension.response'))}</Col>
            </Row>
            <Divider titlePlacement="start" plain>
              {t('schemes.subWeights')}
            </Divider>
            <Row gutter={8}>
              <Col span={8}>{number(['responseWeights', 'requests'], t('schemes.requests'))}</Col>
              <Col span={8}>{number(['responseWeights', 'objections'], t('schemes.objections'))}</Col>
              <Col span={8}>{number(['responseWeights', 'api'], t('schemes.api'))}</Col>
            </Row>
          </Col>
          <Col xs={24} lg={8}>
            <Divider titlePlacement="start" plain>
              {t('schemes.deadlines')}
            </Divider>
            <Row gutter={8}>
              <Col span={12}>{number(['requestSlaWorkdays'], t('schemes.requestSla'), { min: 1, max: 250, step: 1, precision: 0 })}</Col>
              <Col span={12}>{number(['objectionSlaWorkdays'], t('schemes.objectionSla'), { min: 1, max: 250, step: 1, precision: 0 })}</Col>
              <Col span={12}>{number(['updateGraceHours'], t('schemes.grace'), { min: 0, max: 744, step: 1 })}</Col>
              <Col span={12}>{number(['commendTopN'], t('schemes.commendTopN'), { min: 0, step: 1, precision: 0 })}</Col>
              <Col span={12}>{number(['warnWorkdays'], t('schemes.warnWorkdays'), { min: 0, max: 250, step: 1, precision: 0 })}</Col>
              <Col span={12}>
                <Form.Item
                  name="assessmentStart"
                  label={t('schemes.assessmentStart')}
                  tooltip={t('schemes.assessmentStartHint')}
                  rules={[{ validator: (_, v?: string | null) => (!v || MONTH.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error('YYYY-MM'))) }]}
                >
                  <Input placeholder="YYYY-MM" allowClear maxLength={7} data-testid="scheme-assessment-start" />
                </Form.Item>
              </Col>
            </Row>
          </Col>
          <Col xs={24} lg={8}>
            <Divider titlePlacement="start" plain>
              {t('schemes.thresholds')}
            </Divider>
            <Row gutter={8}>
              {(['A', 'B', 'C'] as const).map((g) => (
                <Col span={8} key={g}>
                  {number(['gradeThresholds', g], `${g} ${t(`grade.${g}`)} ≥`, { min: 0, max: 100, step: 1 })}
                </Col>
              ))}
            </Row>
            <Form.Item name="note" label={t('schemes.note')} rules={[{ required: true, whitespace: true, message: t('schemes.noteRequired') }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        {issues.length > 0 ? <Alert type="error" showIcon title={issues.join('；')} className="form-alert" /> : null}
        {runPreview.isError ? <Alert type="error" showIcon title={describeError(runPreview.error, t)} className="form-alert" /> : null}
        <Space>
          <Button
            onClick={() => {
              void check().then((values) => values && runPreview.mutate(toDraft(values)));
            }}
            loading={runPreview.isPending}
            data-testid="scheme-preview"
          >
            {t('schemes.preview', { period: periodLabel(period, language) })}
          </Button>
          <Button
            type="primary"
            onClick={() => {
              void check().then((values) => values && save.mutate(values));
            }}
            loading={save.isPending}
            data-testid="scheme-save"
          >
            {t('schemes.save')}
          </Button>
          <Button onClick={() => initial && (form.setFieldsValue(initial), setPreview(null), setIssues([]))}>{t('schemes.reset')}</Button>
        </Space>
        <Typography.Paragraph type="secondary" className="footnote">
          {t('schemes.saveHint')}
        </Typography.Paragraph>
      </Form>
      {preview ? <PreviewTable preview={preview} /> : null}
    </Card>
  );
}

interface PreviewRow {
  dept: string;
  name: string;
  current: DepartmentScore | undefined;
  draft: DepartmentScore | undefined;
}

/** The ranking under the draft beside the current one: what saving would change. */
function PreviewTable({ preview }: { preview: SchemePreview }) {
  const { t } = useTranslation();
  const { nameOf } = useDepartments();
  const rows = useMemo<PreviewRow[]>(() => {
    const current = new Map(preview.current.departments.map((d) => [d.dept, d]));
    return preview.draft.departments.map((d) => ({ dept: d.dept, name: nameOf(d.dept, d.name), draft: d, current: current.get(d.dept) }));
  }, [preview, nameOf]);
  const moved = rows.filter((r) => r.current?.rank !== r.draft?.rank || r.current?.grade !== r.draft?.grade).length;
  const columns: TableColumnsType<PreviewRow> = [
    { key: 'rank', title: t('schemes.draftRank'), width: 90, align: 'center', render: (_: unknown, r) => r.draft?.rank ?? '—' },
    {
      key: 'move',
      title: t('common.rankChange'),
      width: 100,
      align: 'center',
      render: (_: unknown, r) => <RankChange value={r.current?.rank != null && r.draft?.rank != null ? r.current.rank - r.draft.rank : null} />,
    },
    { key: 'name', title: t('common.department'), dataIndex: 'name' },
    { key: 'cur', title: t('schemes.currentTotal'), width: 110, align: 'right', render: (_: unknown, r) => formatScore(r.current?.total) },
    { key: 'new', title: t('schemes.draftTotal'), width: 110, align: 'right', render: (_: unknown, r) => <strong>{formatScore(r.draft?.total)}</strong> },
    {
      key: 'curGrade',
      title: t('schemes.currentGrade'),
      width: 110,
      render: (_: unknown, r) => <GradeTag grade={r.current?.grade ?? null} />,
    },
    { key: 'newGrade', title: t('schemes.draftGrade'), width: 110, render: (_: unknown, r) => <GradeTag grade={r.draft?.grade ?? null} /> },
  ];
  return (
    <div className="top-gap" data-testid="scheme-preview-table">
      <Alert type="info" showIcon title={t('schemes.previewSummary', { moved, total: rows.length })} className="form-alert" />
      <Table<PreviewRow>
        size="small"
        rowKey="dept"
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowClassName={(r) => (r.current?.rank !== r.draft?.rank || r.current?.grade !== r.draft?.grade ? 'row-changed' : '')}
        scroll={{ y: 420 }}
      />
    </div>
  );
}

function VersionsTable({ versions }: { versions: SchemeVersion[] }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useAssessmentClock();
  const latest = latestOf(versions)?.version;
  const columns: TableColumnsType<SchemeVersion> = [
    {
      key: 'version',
      title: t('schemes.version'),
      dataIndex: 'version',
      width: 90,
      render: (v: number) =>
        v === latest ? (
          <Space>
            {v}
            <Tag color="green">{t('schemes.active')}</Tag>
          </Space>
        ) : (
          v
        ),
    },
    {
      key: 'weights',
      title: t('schemes.weights'),
      render: (_: unknown, s) => `${s.weights.timeliness} / ${s.weights.completeness} / ${s.weights.response}`,
    },
    {
      key: 'sub',
      title: t('schemes.subWeights'),
      render: (_: unknown, s) => `${s.responseWeights.requests} / ${s.responseWeights.objections} / ${s.responseWeights.api}`,
    },
    {
      key: 'sla',
      title: t('schemes.deadlines'),
      render: (_: unknown, s) => t('schemes.slaSummary', { request: s.requestSlaWorkdays, objection: s.objectionSlaWorkdays, grace: s.updateGraceHours }),
    },
    { key: 'grades', title: t('schemes.thresholds'), render: (_: unknown, s) => `A≥${s.gradeThresholds.A} B≥${s.gradeThresholds.B} C≥${s.gradeThresholds.C}` },
    { key: 'top', title: t('schemes.commendTopN'), dataIndex: 'commendTopN', width: 90 },
    {
      key: 'note',
      title: t('schemes.note'),
      dataIndex: 'note',
      ellipsis: true,
      // The first version is the one the database was created with: its note is the migration's.
      render: (n: string | null, s) => (s.version === 1 && n === 'default scheme' ? t('schemes.defaultNote') : (n ?? '—')),
    },
    {
      key: 'by',
      title: t('schemes.createdBy'),
      width: 180,
      render: (_: unknown, s) => `${describeActor(s.createdBy, messageLocale(i18n.language))} · ${formatInstant(s.createdAt, timeZone)}`,
    },
  ];
  return (
    <Table<SchemeVersion> size="small" rowKey="version" columns={columns} dataSource={[...versions].sort((a, b) => b.version - a.version)} pagination={false} />
  );
}
