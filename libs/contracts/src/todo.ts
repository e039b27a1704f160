import { z } from 'zod';
import type * as Engine from '@app/scoring';
import { asOfSchema, deptCodeSchema } from './common';

// The to-do document is the engine's output (libs/scoring computeTodo); this is its wire form.

/** GET /api/departments/{code}/todo[?asOf=ISO], GET /api/todo[?asOf=ISO], GET /api/todo.xlsx[?asOf=ISO] */
export const todoQuerySchema = z.object({ asOf: asOfSchema });
export type TodoQuery = z.infer<typeof todoQuerySchema>;

export const todoItemKindSchema = z.enum(['request', 'objection', 'window']);
export type TodoItemKind = z.infer<typeof todoItemKindSchema>;
export const todoStateSchema = z.enum(['overdue', 'atRisk']);
export type TodoState = z.infer<typeof todoStateSchema>;

/** GET /api/todo.xlsx: the warnings page's filters, each optional. */
export const todoExportQuerySchema = z.object({
  asOf: asOfSchema,
  dept: deptCodeSchema.optional(),
  kind: todoItemKindSchema.optional(),
  state: todoStateSchema.optional(),
});
export type TodoExportQuery = z.infer<typeof todoExportQuerySchema>;

export const todoCaseKindSchema = z.enum(['request', 'objection']);
export type TodoCaseKind = z.infer<typeof todoCaseKindSchema>;

export const todoOverdueItemSchema = z.object({
  kind: todoCaseKindSchema,
  id: z.string(),
  resource: z.string(),
  /** The requester, or the department that raised the objection. */
  counterpart: z.string(),
  /** The instant the deadline day ends. */
  deadline: z.string(),
  workdaysOverdue: z.number().int(),
  eventIds: z.array(z.string()),
});
export type TodoOverdueItem = z.infer<typeof todoOverdueItemSchema>;

export const todoAtRiskCaseSchema = z.object({
  kind: todoCaseKindSchema,
  id: z.string(),
  resource: z.string(),
  counterpart: z.string(),
  deadline: z.string(),
  workdaysLeft: z.number().int(),
  eventIds: z.array(z.string()),
});

export const todoAtRiskWindowSchema = z.object({
  kind: z.literal('window'),
  resource: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  workdaysLeft: z.number().int(),
  eventIds: z.array(z.string()),
});

export const todoAtRiskItemSchema = z.union([todoAtRiskCaseSchema, todoAtRiskWindowSchema]);
export type TodoAtRiskItem = z.infer<typeof todoAtRiskItemSchema>;

export const departmentTodoSchema = z.object({
  dept: deptCodeSchema,
  asOf: z.string(),
  overdue: z.array(todoOverdueItemSchema),
  atRisk: z.array(todoAtRiskItemSchema),
});
export type DepartmentTodo = z.infer<typeof departmentTodoSchema>;

/** GET /api/todo: every active department's to-do, in code order. */
export const todoListSchema = z.array(departmentTodoSchema);

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compile-time proof that the wire form and the engine's to-do are the same shape. */
export const TODO_SHAPES_MATCH: [
  Same<DepartmentTodo, Engine.DepartmentTodo>,
  Same<TodoOverdueItem, Engine.OverdueItem>,
  Same<TodoAtRiskItem, Engine.AtRiskItem>,
] = [true, true, true];
