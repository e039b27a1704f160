import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  channelDeletedSchema,
  channelInputSchema,
  channelViewSchema,
  deliveriesQuerySchema,
  deliveryViewSchema,
  idParamSchema,
  testQueuedSchema,
  type CurrentUser,
} from '@app/contracts';
import { actorOf, Roles, User } from '../../common/auth-decorators';
import { NotificationsService } from './notifications.service';

class IdParam extends createZodDto(idParamSchema) {}
class ChannelInputDto extends createZodDto(channelInputSchema) {}
class ChannelViewDto extends createZodDto(channelViewSchema) {}
class ChannelDeletedDto extends createZodDto(channelDeletedSchema) {}
class TestQueuedDto extends createZodDto(testQueuedSchema) {}
class DeliveriesQueryDto extends createZodDto(deliveriesQuerySchema) {}
class DeliveryViewDto extends createZodDto(deliveryViewSchema) {}

/** Notification channels and the delivery log: administrators only; a channel's secret is never returned. */
@ApiTags('notifications')
@Controller('notifications')
@Roles('admin')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('channels')
  @ZodResponse({ type: [ChannelViewDto] })
  channels() {
    return this.notifications.channels();
  }

  @Post('channels')
  @ZodResponse({ status: 201, type: ChannelViewDto })
  add(@Body() body: ChannelInputDto, @User() user: CurrentUser) {
    return this.notifications.addChannel(body, actorOf(user));
  }

  @Delete('channels/:id')
  @ZodResponse({ status: 200, type: ChannelDeletedDto })
  remove(@Param() params: IdParam, @User() user: CurrentUser) {
    return this.notifications.deleteChannel(params.id, actorOf(user));
  }

  /** Queues a test message; it is sent in the background and its outcome appears in the delivery log. */
  @Post('channels/:id/test')
  @ZodResponse({ status: 202, type: TestQueuedDto })
  test(@Param() params: IdParam, @User() user: CurrentUser) {
    return this.notifications.test(params.id, actorOf(user));
  }

  @Get('deliveries')
  @ZodResponse({ type: [DeliveryViewDto] })
  deliveries(@Query() query: DeliveriesQueryDto) {
    return this.notifications.deliveries(query);
  }
}
