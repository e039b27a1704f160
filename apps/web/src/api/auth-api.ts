import type {
  ChangePasswordRequest,
  CurrentUser,
  LockoutView,
  LoginRequest,
  LoginResponse,
  SignInView,
  TwoFactorConfirmResponse,
  TwoFactorEnrolment,
  TwoFactorRemoved,
  TwoFactorStatus,
  UnlockResponse,
} from '@app/contracts';
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

/** The caller's own open sign-ins. */
export const fetchMySignIns = (signal?: AbortSignal) => apiRequest<SignInView[]>('/auth/sign-ins', { signal });
export const endMySignIn = (id: string) => apiRequest<{ id: string; ended: true }>(`/auth/sign-ins/${encodeURIComponent(id)}`, { method: 'DELETE' });

/** Admin: end every sign-in of a user; usernames locked by wrong passwords, and lifting a lock. */
export const endUserSignIns = (username: string) =>
  apiRequest<{ username: string; ended: number }>(`/users/${encodeURIComponent(username)}/sign-ins`, { method: 'DELETE' });
export const fetchLockouts = (signal?: AbortSignal) => apiRequest<LockoutView[]>('/auth/lockouts', { signal });
export const unlockUser = (username: string) => apiRequest<UnlockResponse>(`/auth/lockouts/${encodeURIComponent(username)}`, { method: 'DELETE' });

/** The caller's second factor: status, a new pending secret, its confirmation (a new sign-in and the recovery codes), removal. */
export const fetchTwoFactor = (signal?: AbortSignal) => apiRequest<TwoFactorStatus>('/auth/two-factor', { signal });
export const beginTwoFactor = () => apiRequest<TwoFactorEnrolment>('/auth/two-factor/enrolment', { method: 'POST' });
export const confirmTwoFactor = (code: string) =>
  apiRequest<TwoFactorConfirmResponse>('/auth/two-factor/confirmation', { method: 'POST', body: { code }, handleUnauthorized: false });
export const removeTwoFactor = (password: string) => apiRequest<TwoFactorRemoved>('/auth/two-factor/removal', { method: 'POST', body: { password } });
/** Admin: remove a user's second factor (a lost device). */
export const resetUserTwoFactor = (username: string) => apiRequest<TwoFactorRemoved>(`/users/${encodeURIComponent(username)}/two-factor`, { method: 'DELETE' });
