import { z } from 'zod';

export const ROLES = ['leader', 'inspector', 'department', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/, 'must be 1-64 characters of letters, digits, _ . @ -');

/** POST /api/auth/login */
export const loginRequestSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const currentUserSchema = z.object({
  username: z.string(),
  role: roleSchema,
  /** The department a `department` user is bound to; null for the other roles. */
  dept: z.string().nullable(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const loginResponseSchema = z.object({ accessToken: z.string(), user: currentUserSchema });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** PUT /api/users/{username} */
export const saveUserRequestSchema = z.object({
  password: z.string().min(8, 'must be at least 8 characters').max(200),
  role: roleSchema,
  dept: z.string().min(1).max(32).nullish(),
});
export type SaveUserRequest = z.infer<typeof saveUserRequestSchema>;
export const usernameParamSchema = z.object({ username: usernameSchema });

export const savedUserSchema = z.object({ username: z.string(), role: roleSchema, created: z.boolean() });
export type SavedUser = z.infer<typeof savedUserSchema>;

/** GET /api/users */
export const userViewSchema = z.object({
  username: z.string(),
  role: roleSchema,
  dept: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserView = z.infer<typeof userViewSchema>;

/** GET /api/auth/lockouts: usernames locked by wrong passwords now. */
export const lockoutViewSchema = z.object({ username: z.string(), lockedUntil: z.string(), failures: z.number().int() });
export type LockoutView = z.infer<typeof lockoutViewSchema>;

/** DELETE /api/auth/lockouts/{username} */
export const unlockResponseSchema = z.object({ username: z.string(), unlocked: z.literal(true) });
export type UnlockResponse = z.infer<typeof unlockResponseSchema>;
