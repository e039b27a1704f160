import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { departmentTodoSchema, deptParamSchema, todoExportQuerySchema, todoQuerySchema, type CurrentUser } from '@app/contracts';
import { Roles, User } from '../../common/auth-decorators';
import { contentDisposition } from '../../common/export/content-disposition';
import { TODO_XLSX_TYPE, TodoService } from './todo.service';

class DeptParam extends createZodDto(deptParamSchema) {}
class TodoQuery extends createZodDto(todoQuerySchema) {}
class TodoExportQuery extends createZodDto(todoExportQuerySchema) {}
class DepartmentTodoDto extends createZodDto(departmentTodoSchema) {}

/** To-do and early warnings (scoring.md): a department's own, or every department's for leaders and inspectors; admins read none. */
@ApiTags('todo')
@Controller()
export class TodoController {
  constructor(private readonly todo: TodoService) {}

  @Get('departments/:code/todo')
  @Roles('leader', 'inspector', 'department')
  @ZodResponse({ type: DepartmentTodoDto })
  department(@Param() params: DeptParam, @Query() query: TodoQuery, @User() user: CurrentUser) {
    return this.todo.department(user, params.code, query.asOf);
  }

  @Get('todo')
  @Roles('leader', 'inspector')
  @ZodResponse({ type: [DepartmentTodoDto] })
  all(@Query() query: TodoQuery) {
    return this.todo.all(query.asOf);
  }

  /** The warnings page's list as a workbook, with the page's filters. */
  @Get('todo.xlsx')
  @Roles('leader', 'inspector')
  @Header('Cache-Control', 'no-store')
  @ApiProduces(TODO_XLSX_TYPE)
  async xlsx(@Query() query: TodoExportQuery): Promise<StreamableFile> {
    const { bytes, filename } = await this.todo.workbook(query);
    return new StreamableFile(bytes, { type: TODO_XLSX_TYPE, disposition: contentDisposition(filename), length: bytes.length });
  }
}
