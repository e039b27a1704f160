import type { HealthResponse, SeedingProgress, SystemInfo } from '@app/contracts';
import { apiRequest } from './api-client';

export function fetchHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return apiRequest<HealthResponse>('/health', { signal });
}

export function fetchSystemInfo(signal?: AbortSignal): Promise<SystemInfo> {
  return apiRequest<SystemInfo>('/system', { signal });
}

/** Public: the login page asks too. */
export function fetchSeeding(signal?: AbortSignal): Promise<SeedingProgress> {
  return apiRequest<SeedingProgress>('/system/seeding', { signal });
}
