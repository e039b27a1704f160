import type { ChangePasswordRequest, CurrentUser, LoginRequest, LoginResponse } from '@app/contracts';
import { apiRequest, isApiError } from './api-client';

export function login(credentials: LoginRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/login', { method: 'POST', body: credentials, handleUnauthorized: false });
}

export function logout(): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST', handleUnauthorized: false });
}

/** The logged-in user, or null when there is no valid session. */
export async function fetchCurrentUser(signal?: AbortSignal): Promise<CurrentUser | null> {
  try {
    return await apiRequest<CurrentUser>('/auth/me', { signal, handleUnauthorized: false });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** The user's own password; answers with the new sign-in (its cookie is set), every other one ends. */
export function changePassword(body: ChangePasswordRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/password', { method: 'POST', body, handleUnauthorized: false });
}
