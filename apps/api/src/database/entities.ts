import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { SettingEntity } from '../modules/settings/setting.entity';
import { UserEntity } from '../modules/users/user.entity';

export const ENTITIES = [UserEntity, AuditEntryEntity, SettingEntity];
