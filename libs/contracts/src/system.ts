export interface HealthResponse {
  status: 'ok';
}

export interface SystemInfo {
  name: string;
  version: string;
  database: 'postgresql' | 'embedded';
  timeZone: string;
}
