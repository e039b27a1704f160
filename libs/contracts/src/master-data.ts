import { z } from 'zod';
import { dateSchema, deptCodeSchema } from './common';
import { userMessageSchema } from './messages';

export const MASTER_DATA_KINDS = ['departments', 'catalog', 'calendar'] as const;
export type MasterDataKind = (typeof MASTER_DATA_KINDS)[number];

/** POST /api/master-data/{kind} with the CSV or XLSX file as the body. */
export const masterDataKindParamSchema = z.object({ kind: z.enum(MASTER_DATA_KINDS) });

/**
 * The columns of each master-data file (sharing-log.md, "Master data"): the English name and
 * the Chinese header names that also stand for it, in the order a header is searched (the
 * first name the header has wins). The importers and the upload page both read this.
 */
export interface MasterDataColumn {
  name: string;
  aliases: readonly string[];
  required: boolean;
}
export const MASTER_DATA_COLUMNS: Record<MasterDataKind, readonly MasterDataColumn[]> = {
  departments: [
    { name: 'code', aliases: ['部门代码', '部门编码'], required: true },
    { name: 'name', aliases: ['部门名称'], required: true },
    { name: 'name_en', aliases: ['英文名称'], required: false },
    { name: 'category', aliases: ['类别', '部门类别'], required: false },
    { name: 'active', aliases: ['是否启用'], required: false },
  ],
  catalog: [
    { name: 'code', aliases: ['资源代码', '资源编码'], required: true },
    { name: 'name', aliases: ['资源名称'], required: true },
    { name: 'dept', aliases: ['提供部门', '部门代码'], required: true },
    { name: 'frequency', aliases: ['更新周期'], required: true },
    { name: 'active_from', aliases: ['启用日期'], required: false },
    { name: 'active_to', aliases: ['停用日期'], required: false },
  ],
  calendar: [
    { name: 'date', aliases: ['日期'], required: true },
    { name: 'kind', aliases: ['类型'], required: true },
    { name: 'name', aliases: ['名称'], required: false },
  ],
};

/** The Chinese values a master-data cell may hold instead of the English ones. */
export const FREQUENCY_ZH = {
  realtime: '实时',
  daily: '每日',
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  yearly: '每年',
  on_demand: '按需',
} as const;
export const ACTIVE_ZH = { true: '是', false: '否' } as const;
export const CALENDAR_KIND_ZH = { holiday: '节假日', workday: '调休上班' } as const;

/** GET /api/master-data/templates/{kind}.{format}: a header row and one example row. */
export const MASTER_DATA_TEMPLATE_FORMATS = ['xlsx', 'csv'] as const;
export type MasterDataTemplateFormat = (typeof MASTER_DATA_TEMPLATE_FORMATS)[number];
export const MASTER_DATA_TEMPLATE_FILES = MASTER_DATA_KINDS.flatMap((kind) => MASTER_DATA_TEMPLATE_FORMATS.map((format) => `${kind}.${format}` as const));
export const masterDataTemplateParamSchema = z.object({ file: z.enum(MASTER_DATA_TEMPLATE_FILES) });

export const importOutcomeSchema = z.object({
  read: z.number(),
  upserted: z.number(),
  rejected: z.number(),
  /** Each refused row: its line, the reason, and the reason's code and parameters (messages.ts) for the user's language. */
  rejections: z.array(z.object({ line: z.number(), reason: z.string(), reasonMessage: userMessageSchema.nullable() })),
});
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

/** GET /api/departments */
export const departmentViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  category: z.string().nullable(),
  active: z.boolean(),
});
export type DepartmentView = z.infer<typeof departmentViewSchema>;

/** GET /api/catalog[?dept=CODE] */
export const catalogQuerySchema = z.object({ dept: deptCodeSchema.optional() });
export const resourceViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  dept: z.string(),
  frequency: z.enum(['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'on_demand']),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
});
export type ResourceView = z.infer<typeof resourceViewSchema>;

/** GET /api/calendar, PUT /api/calendar/{date}; `name` is the holiday the day belongs to (春节), for people only. */
export const calendarKindSchema = z.enum(['holiday', 'workday']);
export const CALENDAR_NAME_MAX = 50;
export const calendarEntrySchema = z.object({ date: z.string(), kind: calendarKindSchema, name: z.string().nullable() });
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;
export const calendarDateParamSchema = z.object({ date: dateSchema });
/** A `name` left out keeps the day's stored name; null or '' clears it. */
export const calendarDayRequestSchema = z.object({ kind: calendarKindSchema, name: z.string().trim().max(CALENDAR_NAME_MAX).nullable().optional() });
export type CalendarDayRequest = z.infer<typeof calendarDayRequestSchema>;
