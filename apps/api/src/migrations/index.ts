import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127000100_foundation } from './Migration20261127000100_foundation';

/** Every migration, in order: listed explicitly so the same list runs from source, a build or a bundle. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261127000100_foundation', class: Migration20261127000100_foundation },
];
