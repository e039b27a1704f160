import type { CalendarEntry } from '@app/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteCalendarEntry, saveCalendarEntry } from '../../../api/admin-api';
import { calendarQuery } from '../../../api/admin-queries';
import { SCORES_ROOT } from '../../../api/score-queries';
import { QueryView } from '../../../components/query-view';
import { useFeedback } from './mutation-feedback';

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The working-day calendar: holidays on weekdays and working weekends. */
export function CalendarSection() {
  const { t, i18n } = useTranslation();
  const calendar = useQuery(calendarQuery);
  const queryClient = useQueryClient();
  const feedback = useFeedback();
  const [form] = Form.useForm<{ date: Dayjs; kind: CalendarEntry['kind'] }>();
  const [year, setYear] = useState<string | undefined>();
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: calendarQuery.queryKey });
    void queryClient.invalidateQueries({ queryKey: [SCORES_ROOT] });
  };
  const save = useMutation({
    mutationFn: (v: { date: string; kind: CalendarEntry['kind'] }) => saveCalendarEntry(v.date, v.kind),
    onSuccess: () => {
      feedback.ok(t('common.saved'));
      form.resetFields(['date']);
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

  const years = useMemo(() => [...new Set((calendar.data ?? []).map((e) => e.date.slice(0, 4)))].sort().reverse(), [calendar.data]);
  const rows = useMemo(
    () => (calendar.data ?? []).filter((e) => !year || e.date.startsWith(year)).sort((a, b) => (a.date < b.date ? -1 : 1)),
    [calendar.data, year],
  );
  const weekday = (date: string) => {
    const d = new Date(`${date}T00:00:00Z`).getUTCDay();
    return (i18n.language === 'en' ? WEEKDAYS_EN : WEEKDAYS_ZH)[d];
  };

  const columns: TableColumnsType<CalendarEntry> = [
    { key: 'date', title: t('calendar.date'), dataIndex: 'date', width: 130 },
    { key: 'weekday', title: t('calendar.weekday'), width: 90, render: (_: unknown, e) => weekday(e.date) },
    {
      key: 'kind',
      title: t('calendar.kind'),
      dataIndex: 'kind',
      render: (k: CalendarEntry['kind'], e) => (
        <Select<CalendarEntry['kind']>
          size="small"
          value={k}
          variant="borderless"
          onChange={(kind) => save.mutate({ date: e.date, kind })}
          options={[
            { value: 'holiday', label: <Tag color="red">{t('calendar.holiday')}</Tag> },
            { value: 'workday', label: <Tag color="blue">{t('calendar.workday')}</Tag> },
          ]}
          aria-label={t('calendar.kind')}
        />
      ),
    },
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
          onFinish={(v) => save.mutate({ date: v.date.format('YYYY-MM-DD'), kind: v.kind })}
          data-testid="calendar-form"
        >
          <Form.Item name="date" rules={[{ required: true, message: t('calendar.dateRequired') }]}>
            <DatePicker placeholder={t('calendar.date')} />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ width: 150 }}
              options={[
                { value: 'holiday', label: t('calendar.holiday') },
                { value: 'workday', label: t('calendar.workday') },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('calendar.addOrChange')}
          </Button>
        </Form>
        <Select
          allowClear
          placeholder={t('calendar.allYears')}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: y }))}
          style={{ width: 120 }}
        />
      </Space>
      <p className="footnote">{t('calendar.hint')}</p>
      <QueryView query={calendar} minHeight={200}>
        {() => (
          <Table<CalendarEntry>
            size="small"
            rowKey="date"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 30, showSizeChanger: false, hideOnSinglePage: true }}
          />
        )}
      </QueryView>
    </Card>
  );
}
