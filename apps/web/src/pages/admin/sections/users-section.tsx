import { PlusOutlined } from '@ant-design/icons';
import { ROLES, type LockoutView, type Role, type UserView } from '@app/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { disableUser, saveUser } from '../../../api/admin-api';
import { endUserSignIns, fetchLockouts, resetUserTwoFactor, unlockUser } from '../../../api/auth-api';
import { usersQuery } from '../../../api/admin-queries';
import { useCurrentUser } from '../../../lib/current-user';
import { formatInstant } from '../../../lib/format';
import { useAssessmentClock } from '../../../lib/use-period';
import { useDepartments } from '../../../lib/use-departments';
import { QueryView } from '../../../components/query-view';
import { useFeedback } from './mutation-feedback';

interface UserForm {
  username: string;
  password: string;
  role: Role;
  dept?: string | null;
}

export function UsersSection() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { timeZone } = useAssessmentClock();
  const { nameOf } = useDepartments();
  const users = useQuery(usersQuery);
  const queryClient = useQueryClient();
  const feedback = useFeedback();
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);

  const disable = useMutation({
    mutationFn: disableUser,
    onSuccess: () => {
      feedback.ok(t('users.disabledDone'));
      void queryClient.invalidateQueries({ queryKey: usersQuery.queryKey });
    },
    onError: feedback.fail,
  });

  const lockouts = useQuery({ queryKey: ['admin', 'lockouts'] as const, queryFn: ({ signal }) => fetchLockouts(signal) });
  const endSignIns = useMutation({
    mutationFn: endUserSignIns,
    onSuccess: ({ ended }) => feedback.ok(t('users.signInsEnded', { count: ended })),
    onError: feedback.fail,
  });
  const resetTwoFactor = useMutation({
    mutationFn: resetUserTwoFactor,
    onSuccess: ({ username, removed }) => feedback.ok(t(removed ? 'users.twoFactorReset' : 'users.twoFactorNone', { username })),
    onError: feedback.fail,
  });
  const unlock = useMutation({
    mutationFn: unlockUser,
    onSuccess: () => {
      feedback.ok(t('users.unlocked'));
      void queryClient.invalidateQueries({ queryKey: ['admin', 'lockouts'] });
    },
    onError: feedback.fail,
  });

  const columns: TableColumnsType<UserView> = [
    { key: 'username', title: t('users.username'), dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
    {
      key: 'role',
      title: t('users.role'),
      dataIndex: 'role',
      width: 110,
      filters: ROLES.map((r) => ({ text: t(`role.${r}`), value: r })),
      onFilter: (v, u) => u.role === v,
      render: (r: Role) => t(`role.${r}`),
    },
    { key: 'dept', title: t('common.department'), dataIndex: 'dept', render: (d: string | null) => (d ? `${nameOf(d)}（${d}）` : '—') },
    {
      key: 'status',
      title: t('common.status'),
      dataIndex: 'disabled',
      width: 90,
      render: (d: boolean, u) => (
        <>
          {d ? <Tag>{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>}
          {u.mustChangePassword ? <Tag color="orange">{t('users.mustChangePassword')}</Tag> : null}
        </>
      ),
    },
    { key: 'updatedAt', title: t('users.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => formatInstant(v, timeZone) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 340,
      render: (_: unknown, u) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setEditing(u)}>
            {u.disabled ? t('users.enable') : t('common.edit')}
          </Button>
          {!u.disabled && u.username !== me.username ? (
            <Popconfirm
              title={t('users.disableConfirm', { username: u.username })}
              onConfirm={() => disable.mutate(u.username)}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
            >
              <Button size="small" danger>
                {t('users.disable')}
              </Button>
            </Popconfirm>
          ) : null}
          {!u.disabled && u.username !== me.username ? (
            <Popconfirm
              title={t('users.endSignInsConfirm', { username: u.username })}
              onConfirm={() => endSignIns.mutate(u.username)}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
            >
              <Button size="small">{t('users.endSignIns')}</Button>
            </Popconfirm>
          ) : null}
          {u.username !== me.username ? (
            <Popconfirm
              title={t('users.twoFactorResetConfirm', { username: u.username })}
              onConfirm={() => resetTwoFactor.mutate(u.username)}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
            >
              <Button size="small">{t('users.twoFactorResetAction')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('admin.users')}
      extra={
        <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('users.add')}
        </Button>
      }
    >
      <QueryView query={users} minHeight={200}>
        {(data) => <Table<UserView> size="small" rowKey="username" columns={columns} dataSource={data} pagination={{ pageSize: 50, hideOnSinglePage: true }} />}
      </QueryView>
      {lockouts.data && lockouts.data.length > 0 ? (
        <Table<LockoutView>
          size="small"
          rowKey="username"
          title={() => t('users.lockouts')}
          pagination={false}
          dataSource={lockouts.data}
          columns={[
            { key: 'username', title: t('users.username'), dataIndex: 'username' },
            { key: 'lockedUntil', title: t('users.lockedUntil'), dataIndex: 'lockedUntil', render: (v: string) => formatInstant(v, timeZone) },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_: unknown, l) => (
                <Button size="small" loading={unlock.isPending} onClick={() => unlock.mutate(l.username)}>
                  {t('users.unlock')}
                </Button>
              ),
            },
          ]}
        />
      ) : null}
      {editing ? <UserModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

/** Create a user, or set an existing one's password, role and department (which also re-enables it). */
function UserModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserForm>();
  const role = Form.useWatch('role', form);
  const { byCode } = useDepartments();
  const queryClient = useQueryClient();
  const feedback = useFeedback();
  const save = useMutation({
    mutationFn: (v: UserForm) => saveUser(v.username.trim(), { password: v.password, role: v.role, dept: v.role === 'department' ? v.dept : null }),
    onSuccess: () => {
      feedback.ok(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: usersQuery.queryKey });
      onClose();
    },
    onError: feedback.fail,
  });
  return (
    <Modal
      open
      title={user ? t('users.edit', { username: user.username }) : t('users.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<UserForm>
        form={form}
        layout="vertical"
        initialValues={user ? { username: user.username, role: user.role, dept: user.dept } : { role: 'leader' }}
        onFinish={(v) => save.mutate(v)}
        data-testid="user-form"
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_.@-]{1,64}$/, message: t('users.usernameRule') }]}
        >
          <Input disabled={user !== null} autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          rules={[{ required: true, min: 12, max: 200, message: t('users.passwordRule') }]}
          extra={user ? t('users.passwordReset') : t('users.firstPassword')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        {role === 'department' ? (
          <Form.Item name="dept" label={t('common.department')} rules={[{ required: true, message: t('users.deptRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={[...byCode.values()].map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
