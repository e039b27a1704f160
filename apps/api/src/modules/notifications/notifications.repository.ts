import { Injectable } from '@nestjs/common';
import type { ChannelKind, ChannelRole, DeliveriesQuery, DeliveryStatus, DeliveryView, MessageKind } from '@app/contracts';
import { Db, where } from '../../database/db';
import type { Outgoing } from './messages';

interface ChannelRow {
  id: number;
  name: string;
  kind: ChannelKind;
  target: string;
  secret_enc: string | null;
  dept: string | null;
  role: ChannelRole | null;
  created_at: Date;
}

/** A channel as the service uses it; the secret stays sealed until the moment of sending. */
export interface StoredChannel {
  id: number;
  name: string;
  kind: ChannelKind;
  target: string;
  sealedSecret: string | null;
  dept: string | null;
  role: ChannelRole | null;
  createdAt: string;
}

const toChannel = (r: ChannelRow): StoredChannel => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  target: r.target,
  sealedSecret: r.secret_enc,
  dept: r.dept,
  role: r.role,
  createdAt: new Date(r.created_at).toISOString(),
});

/** A delivery claimed for sending. */
export interface ClaimedDelivery {
  id: number;
  channelId: number;
  kind: MessageKind;
  message: Outgoing;
  attempts: number;
}

interface DeliveryRow {
  id: string;
  channel_id: number;
  channel_name: string;
  kind: MessageKind;
  item_key: string;
  status: DeliveryStatus;
  created_at: Date;
  sent_at: Date | null;
  attempts: { at: string; ok: boolean; answer: string }[] | null;
}

@Injectable()
export class NotificationsRepository {
  constructor(private readonly db: Db) {}

  async addChannel(c: Omit<StoredChannel, 'id' | 'createdAt'>): Promise<StoredChannel | null> {
    const row = await this.db.one<ChannelRow>(
      `insert into notify_channel (name, kind, target, secret_enc, dept, role) values (?, ?, ?, ?, ?, ?)
       on conflict (name) do nothing returning *`,
      [c.name, c.kind, c.target, c.sealedSecret, c.dept, c.role],
    );
    return row ? toChannel(row) : null;
  }

  async channels(): Promise<StoredChannel[]> {
    return (await this.db.many<ChannelRow>(`select * from notify_channel order by name`)).map(toChannel);
  }

  async channel(id: number): Promise<StoredChannel | null> {
    const row = await this.db.one<ChannelRow>(`select * from notify_channel where id = ?`, [id]);
    return row ? toChannel(row) : null;
  }

  async deleteChannel(id: number): Promise<boolean> {
    return (await this.db.execute(`delete from notify_channel where id = ?`, [id])) > 0;
  }

  /** Queues a message unless the log already holds it for this channel, kind and item; returns the new delivery's id, else null. */
  async enqueue(channelId: number, kind: MessageKind, itemKey: string, message: Outgoing): Promise<number | null> {
    const row = await this.db.one<{ id: string }>(
      `insert into notify_delivery (channel_id, kind, item_key, message, next_attempt_at) values (?, ?, ?, ?::jsonb, now())
       on conflict (channel_id, kind, item_key) do nothing returning id`,
      [channelId, kind, itemKey, JSON.stringify(message)],
    );
    return row ? Number(row.id) : null;
  }

  /**
   * Takes pending deliveries that are due (all of them, or the ids given) for
   * `leaseMs`: another sender skips them meanwhile, and a sender that dies
   * leaves them to be taken again when the lease ends.
   */
  async claimDue(leaseMs: number, ids?: readonly number[]): Promise<ClaimedDelivery[]> {
    const rows = await this.db.many<{ id: string; channel_id: number; kind: MessageKind; message: Outgoing; attempts: number }>(
      `update notify_delivery set next_attempt_at = now() + (? * interval '1 millisecond')
       where id in (select id from notify_delivery where status = 'pending' and next_attempt_at <= now() ${ids ? 'and id = any(?::bigint[])' : ''}
                    order by id for update skip locked)
       returning id, channel_id, kind, message, attempts`,
      ids ? [leaseMs, ids.map(String)] : [leaseMs],
    );
    return rows.map((r) => ({ id: Number(r.id), channelId: r.channel_id, kind: r.kind, message: r.message, attempts: r.attempts })).sort((a, b) => a.id - b.id);
  }

  /** Records one try and its outcome: sent, failed for good, or pending again (the lease is kept while the sender waits to retry). */
  async recordAttempt(id: number, attempt: number, ok: boolean, answer: string, final: boolean): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.execute(`insert into notify_attempt (delivery_id, attempt, ok, answer) values (?, ?, ?, ?)`, [id, attempt, ok, answer]);
      const status: DeliveryStatus = ok ? 'sent' : final ? 'failed' : 'pending';
      await tx.execute(
        `update notify_delivery set attempts = ?, last_answer = ?, status = ?, sent_at = case when ? then now() else sent_at end,
           next_attempt_at = case when ? = 'pending' then next_attempt_at else null end
         where id = ?`,
        [attempt, answer, status, ok, status, id],
      );
    });
  }

  async deliveries(query: DeliveriesQuery): Promise<DeliveryView[]> {
    const filter = where(query.status !== undefined && ['d.status = ?', query.status]);
    const rows = await this.db.many<DeliveryRow>(
      `select d.id, d.channel_id, c.name as channel_name, d.kind, d.item_key, d.status, d.created_at, d.sent_at,
              (select json_agg(json_build_object('at', a.at, 'ok', a.ok, 'answer', a.answer) order by a.attempt)
                 from notify_attempt a where a.delivery_id = d.id) as attempts
       from notify_delivery d join notify_channel c on c.id = d.channel_id
       ${filter.text}
       order by d.id desc limit ?`,
      [...filter.bindings, query.limit],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      channelId: r.channel_id,
      channelName: r.channel_name,
      kind: r.kind,
      itemKey: r.item_key,
      status: r.status,
      attempts: (r.attempts ?? []).map((a) => ({ at: new Date(a.at).toISOString(), ok: a.ok, answer: a.answer })),
      createdAt: new Date(r.created_at).toISOString(),
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
    }));
  }
}
