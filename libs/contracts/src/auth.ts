export const ROLES = ['leader', 'inspector', 'department', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface LoginRequest {
  username: string;
  password: string;
}

export interface CurrentUser {
  username: string;
  role: Role;
  /** The department a `department` user is bound to; null for the other roles. */
  dept: string | null;
}

export interface LoginResponse {
  accessToken: string;
  user: CurrentUser;
}
