import { z } from 'zod';
import { userMessageSchema } from './messages';

/** GET /api/ingest/ledger pages with the common `limit`/`offset`. */
export { pageQuerySchema as ledgerQuerySchema } from './common';

export const sourceNameSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'must be 1-100 characters of letters, digits, _ . : -');

/** POST /api/ingest: the per-line outcome of a body. */
export const ingestOutcomeSchema = z.object({
  read: z.number(),
  accepted: z.number(),
  duplicates: z.number(),
  quarantined: z.number(),
  /** The first rejected lines, with their reasons. */
  rejected: z.array(z.object({ line: z.number(), reason: z.string() })),
});
export type IngestOutcome = z.infer<typeof ingestOutcomeSchema>;

/** GET/POST /api/ingest/sources, DELETE /api/ingest/sources/{name} */
export const sourceNameParamSchema = z.object({ name: sourceNameSchema });
export const addSourceRequestSchema = z.object({ name: sourceNameSchema });
export const sourceViewSchema = z.object({ name: z.string(), keyPrefix: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() });
export type SourceView = z.infer<typeof sourceViewSchema>;
/** The key is shown once, here, and stored only as a hash. */
export const addedSourceSchema = z.object({ name: z.string(), apiKey: z.string() });
export type AddedSource = z.infer<typeof addedSourceSchema>;

/** Where an ingest came from: an inbox file, a CLI `ingest` file, an HTTP request body, a demo-seeding file. */
export const LEDGER_SOURCE_KINDS = ['inbox', 'cli', 'http', 'demo'] as const;
export type LedgerSourceKind = (typeof LEDGER_SOURCE_KINDS)[number];

/**
 * GET /api/ingest/ledger: one entry per ingested file or request body. `name` is the file's
 * name or the HTTP source's; only inbox files carry a content fingerprint (the inbox takes each
 * content once); `size` is null when unknown.
 */
export const ledgerEntrySchema = z.object({
  id: z.number(),
  source_kind: z.enum(LEDGER_SOURCE_KINDS),
  fingerprint: z.string().nullable(),
  name: z.string(),
  size: z.union([z.string(), z.number()]).nullable(),
  status: z.enum(['processing', 'done', 'failed']),
  lines_done: z.number(),
  read: z.number(),
  accepted: z.number(),
  duplicates: z.number(),
  quarantined: z.number(),
  error: z.string().nullable(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** GET /api/quarantine */
export const quarantineQuerySchema = z.object({
  source: z.string().max(500).optional(),
  reason: z.string().max(200).optional(),
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type QuarantineQuery = z.infer<typeof quarantineQuerySchema>;

export const replayOutcomeSchema = z.enum(['accepted', 'duplicate', 'quarantined']);
export const quarantineEntryViewSchema = z.object({
  id: z.number(),
  source: z.string(),
  line: z.number(),
  raw: z.string(),
  reason: z.string(),
  /** The reason's code and parameters (messages.ts), for the user's language; null for a reason outside the catalogue. */
  reasonMessage: userMessageSchema.nullable(),
  times: z.number(),
  firstAt: z.string(),
  lastAt: z.string(),
  replayOutcome: replayOutcomeSchema.nullable(),
  replayReason: z.string().nullable(),
  replayedAt: z.string().nullable(),
});
export type QuarantineEntryView = z.infer<typeof quarantineEntryViewSchema>;
export const quarantinePageSchema = z.object({ total: z.number(), items: z.array(quarantineEntryViewSchema) });

/** POST /api/quarantine/replay */
export const replayRequestSchema = z.object({ source: z.string().max(500).optional() });
export const replayResultSchema = z.object({
  replayed: z.number(),
  read: z.number(),
  accepted: z.number(),
  duplicates: z.number(),
  quarantined: z.number(),
});
export type ReplayResult = z.infer<typeof replayResultSchema>;
