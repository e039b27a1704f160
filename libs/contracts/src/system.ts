export interface HealthResponse {
  status: 'ok';
}

export interface SystemInfo {
  name: string;
  version: string;
  database: 'postgresql' | 'embedded';
  timeZone: string;
  seeding: SeedingStatus;
}

/** Demo seeding on first start (GET /api/system). */
export interface SeedingStatus {
  state: 'idle' | 'running' | 'done' | 'failed';
  step: string | null;
  /** 0-1 */
  progress: number;
  error: string | null;
}
