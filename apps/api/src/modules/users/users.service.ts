import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { passwordProblem, type CurrentUser, type Role, type UserView } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { MasterDataService } from '../master-data/master-data.service';
import { SignInsService } from './sign-ins.service';
import { UsersRepository } from './users.repository';
import { badRequest, fieldRefused, invalidInput, notFound } from '../../common/user-error';

export interface UserInput {
  username: string;
  password: string;
  role: Role;
  dept?: string | null;
}

export interface SaveOptions {
  /** A new user must change this first password at sign-in (admins and inspectors created on the admin page). */
  mustChangePassword?: boolean;
  /** Only the first admin from ADMIN_PASSWORD skips the password rules (its length is checked at start-up). */
  skipPasswordRules?: boolean;
}

/** Roles whose first password, set by an admin on the admin page, must be changed by the user. */
export const FIRST_PASSWORD_CHANGE_ROLES: readonly Role[] = ['admin', 'inspector'];

/** Stand-in hash so a login for an unknown user costs the same time as a wrong password. */
const DUMMY_HASH_INPUT = 'timing-equaliser';

@Injectable()
export class UsersService {
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly masterData: MasterDataService,
    private readonly signIns: SignInsService,
  ) {}

  /** Creates the user or updates its password, role and department. */
  async save(input: UserInput, actor: string, options: SaveOptions = {}): Promise<{ username: string; role: Role; created: boolean }> {
    const dept = input.dept ?? null;
    const weak = options.skipPasswordRules ? null : passwordProblem(input.password, input.username);
    if (weak) throw fieldRefused('password', weak, 'password.');
    if (input.role === 'department' && !dept) throw badRequest('user.deptRequired');
    if (input.role !== 'department' && dept) throw badRequest('user.deptNotAllowed');
    if (dept && !(await this.masterData.departmentExists(dept)))
      throw invalidInput(`dept: unknown department "${dept}"`, [{ field: 'dept', code: 'dept.unknown', params: { dept } }]);
    const before = await this.users.findByUsername(input.username);
    const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    const { created } = await this.users.upsert({
      username: input.username,
      passwordHash,
      role: input.role,
      dept,
      mustChangePassword: options.mustChangePassword ?? false,
    });
    await this.audit.record(actor, created ? 'user.create' : 'user.update', input.username, { role: input.role, dept });
    if (before) {
      // Saving always sets the password, so every update ends the user's sign-ins; the reason says what else changed.
      const changed = [
        'password',
        ...(before.role !== input.role ? ['role'] : []),
        ...(before.dept !== dept ? ['dept'] : []),
        ...(before.disabled ? ['enabled'] : []),
      ];
      await this.signIns.endAll(input.username, `changed: ${changed.join(', ')}`, actor);
    }
    return { username: input.username, role: input.role, created };
  }

  /** The user for these credentials, or null; never says which part was wrong. */
  async verify(username: string, password: string): Promise<CurrentUser | null> {
    const user = await this.users.findByUsername(username);
    if (!user || user.disabled) {
      this.dummyHash ??= argon2.hash(DUMMY_HASH_INPUT, { type: argon2.argon2id });
      await argon2.verify(await this.dummyHash, password);
      return null;
    }
    if (!(await argon2.verify(user.passwordHash, password))) return null;
    return { username: user.username, role: user.role, dept: user.dept, mustChangePassword: user.mustChangePassword };
  }

  async current(username: string): Promise<CurrentUser | null> {
    const user = await this.users.findByUsername(username);
    if (!user || user.disabled) return null;
    return { username: user.username, role: user.role, dept: user.dept, mustChangePassword: user.mustChangePassword };
  }

  /** The user's own change: the current password proves it is them; every sign-in ends (the caller opens a new one). */
  async changeOwnPassword(username: string, currentPassword: string, newPassword: string): Promise<CurrentUser> {
    const user = await this.verify(username, currentPassword);
    if (!user) throw badRequest('auth.wrongPassword', { field: 'currentPassword' });
    if (newPassword === currentPassword) throw badRequest('password.sameAsCurrent', { field: 'newPassword' });
    const weak = passwordProblem(newPassword, username);
    if (weak) throw fieldRefused('newPassword', weak, 'password.');
    await this.users.setPassword(username, await argon2.hash(newPassword, { type: argon2.argon2id }));
    await this.audit.record(`user:${username}`, 'auth.password_change', username);
    await this.signIns.endAll(username, 'changed: password', `user:${username}`);
    return { ...user, mustChangePassword: false };
  }

  async exists(username: string): Promise<boolean> {
    return (await this.users.findByUsername(username)) !== null;
  }

  async list() {
    const users = await this.users.list();
    return users.map(({ passwordHash: _hash, ...view }): UserView => view);
  }

  async disable(username: string, actor: string): Promise<void> {
    if (!(await this.users.setDisabled(username, true))) throw notFound('user.unknown', { username });
    await this.audit.record(actor, 'user.disable', username);
    await this.signIns.endAll(username, 'disabled', actor);
  }

  /** The first admin from ADMIN_USERNAME / ADMIN_PASSWORD: created once, never overwritten. */
  async ensureInitialAdmin(username: string, password: string): Promise<boolean> {
    if (await this.users.findByUsername(username)) return false;
    await this.save({ username, password, role: 'admin' }, 'system:env', { skipPasswordRules: true });
    return true;
  }
}
