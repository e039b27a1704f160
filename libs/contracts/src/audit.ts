import { z } from 'zod';
import { dateSchema, pageSchema } from './common';

/** The filters of the audit log; `from`/`to` are local dates (the assessment time zone), both included. */
const auditFilterSchema = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(200).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** GET /api/audit */
export const auditQuerySchema = auditFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const AUDIT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** GET /api/audit/export?format=csv|xlsx (admins): every entry the filters match, oldest first. */
export const auditExportQuerySchema = auditFilterSchema.extend({ format: z.enum(AUDIT_EXPORT_FORMATS) });
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

export const auditEntryViewSchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntryViewSchema>;

export const auditPageSchema = pageSchema(auditEntryViewSchema);
