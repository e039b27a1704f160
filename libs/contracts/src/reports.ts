import { z } from 'zod';
import { asOfSchema, deptCodeSchema, periodSchema } from './common';

export const REPORT_FORMATS = ['xlsx', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const REPORT_FILE = /^(.+)\.(xlsx|pdf|csv)$/;

/** `2026-10.xlsx` → its period and format; null when it is not one. */
export function parseReportFileName(file: string): { period: string; format: ReportFormat } | null {
  const m = REPORT_FILE.exec(file);
  if (!m || !periodSchema.safeParse(m[1]).success) return null;
  return { period: m[1], format: m[2] as ReportFormat };
}

/** GET /api/reports/{period}.{format}[?dept=CODE][&asOf=ISO] */
export const reportFileParamSchema = z.object({
  file: z
    .string()
    .refine(
      (f) => parseReportFileName(f) !== null,
      `must be a period and a format, e.g. 2026-10.xlsx, 2026-Q4.pdf or 2026.csv (formats: ${REPORT_FORMATS.join(', ')})`,
    ),
});
export const reportQuerySchema = z.object({ dept: deptCodeSchema.optional(), asOf: asOfSchema });

/** GET /api/reports/{period}/departments.zip */
export const departmentsZipParamSchema = z.object({ period: periodSchema });
export const departmentsZipQuerySchema = z.object({ asOf: asOfSchema });

/** GET /api/reports/history: reports kept when periods were published, newest first. */
export const reportHistoryQuerySchema = z.object({
  period: periodSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export const reportHistoryEntrySchema = z.object({
  id: z.number(),
  period: z.string(),
  format: z.enum(['xlsx', 'pdf', 'csv', 'zip']),
  dept: z.string().nullable(),
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  schemeVersion: z.number(),
  /** Kept for the publication in force (false once the period was re-opened). */
  inForce: z.boolean(),
});
export type ReportHistoryEntry = z.infer<typeof reportHistoryEntrySchema>;

/** GET /api/reports/files/{id} */
export const reportFileIdParamSchema = z.object({ id: z.coerce.number().int().positive('must be a report id') });
