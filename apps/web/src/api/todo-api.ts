import { queryOptions } from '@tanstack/react-query';
import type { DepartmentTodo, TodoExportQuery } from '@app/contracts';
import { apiRequest, apiUrl, withQuery } from './api-client';

const seg = encodeURIComponent;

export const fetchDepartmentTodo = (code: string, signal?: AbortSignal) => apiRequest<DepartmentTodo>(`/departments/${seg(code)}/todo`, { signal });

export const fetchAllTodo = (signal?: AbortSignal) => apiRequest<DepartmentTodo[]>('/todo', { signal });

/** The warnings list as a workbook, with the page's filters; the browser downloads it with the session cookie. */
export const todoXlsxUrl = (filter: Omit<TodoExportQuery, 'asOf'>) => apiUrl(withQuery('/todo.xlsx', filter));

const TODO_ROOT = 'todo';

// The to-do is as of now: refetched every few minutes while a page shows it.
const REFRESH_MS = 5 * 60_000;

export const departmentTodoQuery = (code: string) =>
  queryOptions({ queryKey: [TODO_ROOT, 'department', code] as const, queryFn: ({ signal }) => fetchDepartmentTodo(code, signal), refetchInterval: REFRESH_MS });

export const allTodoQuery = () =>
  queryOptions({ queryKey: [TODO_ROOT, 'all'] as const, queryFn: ({ signal }) => fetchAllTodo(signal), refetchInterval: REFRESH_MS });
