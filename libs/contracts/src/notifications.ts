import { z } from 'zod';
import { deptCodeSchema } from './common';

// Notification channels (robots, a webhook, email) and the delivery log (issue 14).

export const channelKindSchema = z.enum(['dingtalk', 'wecom', 'feishu', 'webhook', 'email']);
export type ChannelKind = z.infer<typeof channelKindSchema>;
export const channelRoleSchema = z.enum(['inspector', 'leader']);
export type ChannelRole = z.infer<typeof channelRoleSchema>;

/** POST /api/notifications/channels: a channel belongs to one department or to a role. */
export const channelInputSchema = z
  .object({
    name: z.string().trim().min(1, 'required').max(100),
    kind: channelKindSchema,
    /** A robot's or webhook's URL, or an email address. */
    target: z.string().trim().min(1, 'required').max(2000),
    /** Signs DingTalk and Feishu robot calls; an email channel's SMTP password. Stored encrypted, never returned. */
    secret: z.string().min(1).max(500).optional(),
    dept: deptCodeSchema.optional(),
    role: channelRoleSchema.optional(),
  })
  .refine((c) => (c.dept === undefined) !== (c.role === undefined), { message: 'exactly one of dept and role', path: ['dept'] })
  .refine((c) => (c.kind === 'email' ? /^[^\s@]+@[^\s@]+$/.test(c.target) : /^https?:\/\/\S+$/.test(c.target)), {
    message: 'an email channel needs an address, the others an http(s) URL',
    path: ['target'],
  });
export type ChannelInput = z.infer<typeof channelInputSchema>;

export const channelViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: channelKindSchema,
  target: z.string(),
  hasSecret: z.boolean(),
  dept: z.string().nullable(),
  role: channelRoleSchema.nullable(),
  createdAt: z.string(),
});
export type ChannelView = z.infer<typeof channelViewSchema>;

export const channelDeletedSchema = z.object({ id: z.number().int(), deleted: z.literal(true) });

/** POST /api/notifications/channels/{id}/test: queued, sent in the background; its outcome is in the delivery log. */
export const testQueuedSchema = z.object({ deliveryId: z.number().int(), queued: z.literal(true) });

export const messageKindSchema = z.enum(['todo', 'digest', 'result', 'summary', 'test', 'case']);
export type MessageKind = z.infer<typeof messageKindSchema>;
export const deliveryStatusSchema = z.enum(['pending', 'sent', 'failed']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const deliveryAttemptSchema = z.object({ at: z.string(), ok: z.boolean(), answer: z.string() });
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

export const deliveryViewSchema = z.object({
  id: z.number().int(),
  channelId: z.number().int(),
  channelName: z.string(),
  kind: messageKindSchema,
  itemKey: z.string(),
  status: deliveryStatusSchema,
  /** Every try, with the receiver's answer (status and body, or the network error). */
  attempts: z.array(deliveryAttemptSchema),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

/** GET /api/notifications/deliveries[?status=failed][&limit=N] */
export const deliveriesQuerySchema = z.object({
  status: deliveryStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type DeliveriesQuery = z.infer<typeof deliveriesQuerySchema>;
