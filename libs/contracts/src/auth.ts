import { z } from 'zod';

export const ROLES = ['leader', 'inspector', 'department', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/, 'must be 1-64 characters of letters, digits, _ . @ -');

/** POST /api/auth/login */
/** Six digits from the authenticator app, or one of the recovery codes (XXXXX-XXXXX). */
export const twoFactorCodeSchema = z.string().trim().min(6).max(32);

/** POST /api/auth/login; `code` is asked for (401 with one of TWO_FACTOR_CODES) when the user has a second factor. */
export const loginRequestSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200), code: twoFactorCodeSchema.optional() });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const currentUserSchema = z.object({
  username: z.string(),
  role: roleSchema,
  /** The department a `department` user is bound to; null for the other roles. */
  dept: z.string().nullable(),
  /** The user must choose a new password before anything else (a first password set by an admin). */
  mustChangePassword: z.boolean().optional(),
  /** The user signs in with a second factor (TOTP). */
  twoFactor: z.boolean().optional(),
  /** An admin who must set up the second factor before anything else (REQUIRE_ADMIN_2FA). */
  mustEnrolTwoFactor: z.boolean().optional(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const loginResponseSchema = z.object({ accessToken: z.string(), user: currentUserSchema });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/**
 * access.md password rules: at least 12 characters, three of the four
 * character classes, and not the username inside it. The reason, or null.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 12) return 'must be at least 12 characters';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return 'must mix three of: lower-case letters, upper-case letters, digits, other characters';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'must not contain the username';
  return null;
}

const newPasswordSchema = z.string().min(12, 'must be at least 12 characters').max(200);

/** PUT /api/users/{username} */
export const saveUserRequestSchema = z.object({
  password: newPasswordSchema,
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
  /** Must choose a new password at the next sign-in. */
  mustChangePassword: z.boolean(),
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

/** POST /api/auth/password: the user's own password; answers with a new sign-in (every other one ends). */
export const changePasswordRequestSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: newPasswordSchema });
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** GET /api/auth/sign-ins (the caller's own) and GET /api/users/{username}/sign-ins (an admin's view): the sign-ins still open. */
export const signInViewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  expiresAt: z.string(),
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The sign-in this request came with. */
  current: z.boolean(),
});
export type SignInView = z.infer<typeof signInViewSchema>;
export const signInIdParamSchema = z.object({ id: z.uuid() });

/** DELETE /api/auth/sign-ins/{id} */
export const endedSignInSchema = z.object({ id: z.string(), ended: z.literal(true) });
/** DELETE /api/users/{username}/sign-ins */
export const endedSignInsSchema = z.object({ username: z.string(), ended: z.number().int() });

/** The codes (messages.ts) of the 401 a login gets when the password was right and the second factor's code is missing or wrong. */
export const TWO_FACTOR_CODES: readonly string[] = ['auth.codeRequired', 'auth.badCode'];

/** GET /api/auth/two-factor: the caller's second factor. */
export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int(),
  /** The caller may not go without it (an admin while REQUIRE_ADMIN_2FA is on). */
  required: z.boolean(),
});
export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;

/** POST /api/auth/two-factor/enrolment: a new secret, pending until a code from it is confirmed. */
export const twoFactorEnrolmentSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as a QR code (PNG data URL) for the authenticator app to scan. */
  qrDataUrl: z.string(),
});
export type TwoFactorEnrolment = z.infer<typeof twoFactorEnrolmentSchema>;

/** POST /api/auth/two-factor/confirmation */
export const twoFactorConfirmRequestSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the 6 digits the authenticator app shows'),
});
export type TwoFactorConfirmRequest = z.infer<typeof twoFactorConfirmRequestSchema>;
/** The second factor is on: every other sign-in ends, this is the new one; the recovery codes are shown this once. */
export const twoFactorConfirmResponseSchema = loginResponseSchema.extend({ recoveryCodes: z.array(z.string()) });
export type TwoFactorConfirmResponse = z.infer<typeof twoFactorConfirmResponseSchema>;

/** POST /api/auth/two-factor/removal: the password proves it is the user. */
export const twoFactorRemovalRequestSchema = z.object({ password: z.string().min(1).max(200) });
export type TwoFactorRemovalRequest = z.infer<typeof twoFactorRemovalRequestSchema>;

/** DELETE /api/users/{username}/two-factor (admin, for a lost device) and the user's own removal. */
export const twoFactorRemovedSchema = z.object({ username: z.string(), removed: z.boolean() });
export type TwoFactorRemoved = z.infer<typeof twoFactorRemovedSchema>;
