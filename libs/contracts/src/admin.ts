export interface UserView {
  username: string;
  role: 'leader' | 'inspector' | 'department' | 'admin';
  dept: string | null;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ImportOutcome {
  read: number;
  upserted: number;
  rejected: number;
  rejections: { line: number; reason: string }[];
}

export interface IngestOutcome {
  read: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
  rejected: { line: number; reason: string }[];
}

export interface SourceView {
  name: string;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface LedgerEntry {
  fingerprint: string;
  name: string;
  size: string | number;
  status: 'processing' | 'done' | 'failed';
  lines_done: number;
  read: number;
  accepted: number;
  duplicates: number;
  quarantined: number;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface QuarantineEntryView {
  id: number;
  source: string;
  line: number;
  raw: string;
  reason: string;
  times: number;
  firstAt: string;
  lastAt: string;
  replayOutcome: 'accepted' | 'duplicate' | 'quarantined' | null;
  replayReason: string | null;
  replayedAt: string | null;
}

export interface AuditEntryView {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface DepartmentView {
  code: string;
  name: string;
  nameEn: string | null;
  category: string | null;
  active: boolean;
}

export interface ResourceView {
  code: string;
  name: string;
  dept: string;
  frequency: string;
  activeFrom: string | null;
  activeTo: string | null;
}

export interface CalendarEntry {
  date: string;
  kind: 'holiday' | 'workday';
}

export interface ReportHistoryEntry {
  id: number;
  period: string;
  format: 'xlsx' | 'pdf' | 'csv' | 'zip';
  dept: string | null;
  fileName: string;
  sha256: string;
  bytes: number;
  createdAt: string;
  createdBy: string;
}
