import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127000100_foundation } from './Migration20261127000100_foundation';
import { Migration20261127000200_ingest } from './Migration20261127000200_ingest';
import { Migration20261127000300_scoring } from './Migration20261127000300_scoring';
import { Migration20261127000400_reports } from './Migration20261127000400_reports';
import { Migration20261127000500_latency_per_department } from './Migration20261127000500_latency_per_department';
import { Migration20261202000100_notifications } from './Migration20261202000100_notifications';
import { Migration20261202000200_rectification } from './Migration20261202000200_rectification';
import { Migration20261202000300_sign_ins } from './Migration20261202000300_sign_ins';
import { Migration20261202000400_two_factor } from './Migration20261202000400_two_factor';
import { Migration20261202000500_audit_retention } from './Migration20261202000500_audit_retention';
import { Migration20261202000600_calendar_names } from './Migration20261202000600_calendar_names';
import { Migration20261202000700_ingest_ledger } from './Migration20261202000700_ingest_ledger';
import { Migration20261202000800_report_zip } from './Migration20261202000800_report_zip';

/** Every migration, in order: listed explicitly so the same list runs from source, a build or a bundle. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261127000100_foundation', class: Migration20261127000100_foundation },
  { name: 'Migration20261127000200_ingest', class: Migration20261127000200_ingest },
  { name: 'Migration20261127000300_scoring', class: Migration20261127000300_scoring },
  { name: 'Migration20261127000400_reports', class: Migration20261127000400_reports },
  { name: 'Migration20261127000500_latency_per_department', class: Migration20261127000500_latency_per_department },
  { name: 'Migration20261202000100_notifications', class: Migration20261202000100_notifications },
  { name: 'Migration20261202000200_rectification', class: Migration20261202000200_rectification },
  { name: 'Migration20261202000300_sign_ins', class: Migration20261202000300_sign_ins },
  { name: 'Migration20261202000400_two_factor', class: Migration20261202000400_two_factor },
  { name: 'Migration20261202000500_audit_retention', class: Migration20261202000500_audit_retention },
  { name: 'Migration20261202000600_calendar_names', class: Migration20261202000600_calendar_names },
  { name: 'Migration20261202000700_ingest_ledger', class: Migration20261202000700_ingest_ledger },
  { name: 'Migration20261202000800_report_zip', class: Migration20261202000800_report_zip },
];
