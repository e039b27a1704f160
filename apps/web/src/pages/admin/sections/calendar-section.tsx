import type { CalendarEntry } from '@app/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Calendar, Card, DatePicker, Form, Input, Popconfirm, Segmented, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteCalendarEntry, saveCalendarEntry } from '../../../api/admin-api';
import { calendarQuery } from '../../../api/admin-queries';
import { SCORES_ROOT } from '../../../api/score-queries';
import { QueryView } from '../../../components/query-view';
import { useFeedback } from './mutation-feedback';

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const KIND_COLORS: Record<CalendarEntry['kind'], string> = { holiday: 'red', workday: 'blue' };

type DayForm = { date: Dayjs; kind: CalendarEntry['kind']; name?: string };

/** The working-day calendar: holidays on weekdays and working weekends, as a month grid or a list. */
export function CalendarSection() {
  const { t, i18n } = useTranslation();
  const calendar = useQuery(calendarQuery);
  const queryClient = useQueryClient();
  const feedback = useFeedback();
  const [form] = Form.useForm<DayForm>();
  const [view, setView] = useState<'month' | 'list'>('month');
  const [year, setYear] = useState<string | undefined>();
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: calendarQuery.queryKey });
    void queryClient.invalidateQueries({ queryKey: [SCORES_ROOT] });
  };
  const save = useMutation({
    mutationFn: (v: { date: string; kind: CalendarEntry['kind']; name?: string | null }) => saveCalendarEntry(v.date, { kind: v.kind, name: v.name }),
    onSuccess: () => {
      feedback.ok(t('common.saved'));
      form.resetFields(['date', 'name']);
      changed();
    },
    onError: feedback.fail,
  });
  const remove = useMutation({
    mutationFn: deleteCalendarEntry,
    onSuccess: () => {
      feedback.ok(t('calendar.removed'));
      changed();
    },
    onError: feedback.fail,
  });

  const byDate = useMemo(() => new Map((calendar.data ?? []).map((e) => [e.date, e])), [calendar.data]);
  const years = useMemo(() => [...new Set((calendar.data ?? []).map((e) => e.date.slice(0, 4)))].sort().reverse(), [calendar.data]);
  const rows = useMemo(
    () => (calendar.data ?? []).filter((e) => !year || e.date.startsWith(year)).sort((a, b) => (a.date < b.date ? -1 : 1)),
    [calendar.data, year],
  );
  const weekday = (date: string) => {
    const d = new Date(`${date}T00:00:00Z`).getUTCDay();
    return (i18n.language === 'en' ? WEEKDAYS_EN : WEEKDAYS_ZH)[d];
  };
  const kindTag = (kind: CalendarEntry['kind'], short = false) => (
    <Tag color={KIND_COLORS[kind]} className={short ? 'calendar-day-tag' : undefined}>
      {t(short ? `calendar.short.${kind}` : `calendar.${kind}`)}
    </Tag>
  );
  /** A day of the grid picked: the form takes it up, with its entry when it has one. */
  const pick = (date: Dayjs) => {
    const entry = byDate.get(date.format('YYYY-MM-DD'));
    form.setFieldsValue({ date, kind: entry?.kind ?? (date.day() === 0 || date.day() === 6 ? 'workday' : 'holiday'), name: entry?.name ?? undefined });
  };

  const columns: TableColumnsType<CalendarEntry> = [
    { key: 'date', title: t('calendar.date'), dataIndex: 'date', width: 130 },
    { key: 'weekday', title: t('calendar.weekday'), width: 90, render: (_: unknown, e) => weekday(e.date) },
    {
      key: 'kind',
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: 170,
      render: (k: CalendarEntry['kind'], e) => (
        <Select<CalendarEntry['kind']>
          size="small"
          value={k}
          variant="borderless"
          onChange={(kind) => save.mutate({ date: e.date, kind })}
          options={[
            { value: 'holiday', label: kindTag('holiday') },
            { value: 'workday', label: kindTag('workday') },
          ]}
          aria-label={t('calendar.kind')}
        />
      ),
    },
    { key: 'name', title: t('calendar.name'), dataIndex: 'name', render: (n: string | null) => n ?? '—' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_: unknown, e) => (
        <Popconfirm
          title={t('calendar.removeConfirm', { date: e.date })}
          onConfirm={() => remove.mutate(e.date)}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button size="small" danger>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card size="small" title={t('admin.calendar')}>
      <Space wrap className="table-toolbar">
        <Form
          form={form}
          layout="inline"
          initialValues={{ kind: 'holiday' }}
          onFinish={(v) => save.mutate({ date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name?.trim() || null })}
          data-testid="calendar-form"
        >
          <Form.Item name="date" rules={[{ required: true, message: t('calendar.dateRequired') }]}>
            <DatePicker placeholder={t('calendar.date')} />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ width: 170 }}
              options={[
                { value: 'holiday', label: t('calendar.holiday') },
                { value: 'workday', label: t('calendar.workday') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name">
            <Input placeholder={t('calendar.namePlaceholder')} maxLength={50} style={{ width: 190 }} allowClear />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('calendar.addOrChange')}
          </Button>
        </Form>
        <Segmented<'month' | 'list'>
          value={view}
          onChange={setView}
          options={[
            { value: 'month', label: t('calendar.monthView') },
            { value: 'list', label: t('calendar.listView') },
          ]}
        />
        {view === 'list' ? (
          <Select
            allowClear
            placeholder={t('calendar.allYears')}
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: y, label: y }))}
            style={{ width: 120 }}
          />
        ) : null}
      </Space>
      <p className="footnote">{t('calendar.hint')}</p>
      <QueryView query={calendar} minHeight={200}>
        {() =>
          view === 'month' ? (
            <div className="calendar-month" data-testid="calendar-month">
              <Space wrap className="calendar-legend">
                {kindTag('holiday', true)}
                <span className="muted">{t('calendar.holiday')}</span>
                {kindTag('workday', true)}
                <span className="muted">{t('calendar.workday')}</span>
                <span className="calendar-weekend-sample">{t('calendar.weekendSample')}</span>
                <span className="muted">{t('calendar.weekend')}</span>
              </Space>
              <Calendar
                defaultValue={dayjs()}
                onSelect={(date, info) => {
                  if (info.source === 'date') pick(date);
                }}
                fullCellRender={(date, info) => {
                  if (info.type !== 'date') return info.originNode;
                  const entry = byDate.get(date.format('YYYY-MM-DD'));
                  const weekend = date.day() === 0 || date.day() === 6;
                  const off = entry ? entry.kind === 'holiday' : weekend;
                  return (
                    <div
                      className={['calendar-day', off ? 'calendar-day-off' : '', entry ? `calendar-day-${entry.kind}` : ''].join(' ')}
                      data-date={date.format('YYYY-MM-DD')}
                    >
                      <div className="calendar-day-number">{date.date()}</div>
                      {entry ? (
                        <div className="calendar-day-entry">
                          {kindTag(entry.kind, true)}
                          {entry.name ? <span className="calendar-day-name">{entry.name}</span> : null}
                        </div>
                      ) : null}
                    </div>
                  );
                }}
              />
            </div>
          ) : (
            <Table<CalendarEntry>
              size="small"
              rowKey="date"
              columns={columns}
              dataSource={rows}
              pagination={{ pageSize: 30, showSizeChanger: false, hideOnSinglePage: true }}
            />
          )
        }
      </QueryView>
    </Card>
  );
}
