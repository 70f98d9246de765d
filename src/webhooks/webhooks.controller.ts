import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { ApiNotFoundInScope, ApiValidationErrors } from '../common/http/api-errors.decorator';
import { PageQuery } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { CreatedWebhookSubscription, CreateWebhookSubscriptionRequest, WebhookDeliveryPage, WebhookSubscriptionPage, WebhookSubscriptionView } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Controller('webhook-subscriptions')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Authenticated({ permission: 'webhooks.manage' })
  @ApiOperation({
    summary:
      'Subscribe a URL to changes: each change the caller may read is POSTed as the change feed’s item, signed as Standard Webhooks says (`webhook-id`, `webhook-timestamp`, `webhook-signature`), at least once, retried with exponential backoff for 24 hours. Answers the `secret` once.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookSubscription })
  @ApiValidationErrors()
  create(@CurrentCaller() caller: Acting, @Body() body: CreateWebhookSubscriptionRequest): Promise<CreatedWebhookSubscription> {
    return this.webhooks.create(caller, body);
  }

  @Get()
  @Authenticated({ permission: 'webhooks.manage' })
  @ApiOperation({ summary: 'Subscriptions, newest first: an ngo_worker’s agency’s, or all for admins.' })
  @ApiOkResponse({ type: WebhookSubscriptionPage })
  @ApiValidationErrors()
  list(@CurrentCaller() caller: Acting, @Query() query: PageQuery): Promise<WebhookSubscriptionPage> {
    return this.webhooks.list(caller, query);
  }

  @Get(':id')
  @Authenticated({ permission: 'webhooks.manage' })
  @ApiOperation({ summary: 'One subscription (never its secret).' })
  @ApiOkResponse({ type: WebhookSubscriptionView })
  @ApiNotFoundInScope()
  get(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<WebhookSubscriptionView> {
    return this.webhooks.get(caller, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ permission: 'webhooks.manage' })
  @ApiOperation({ summary: 'End a subscription: nothing more is sent, and deliveries still waiting are cancelled.' })
  @ApiNoContentResponse({ description: 'Ended (also when it already was).' })
  @ApiNotFoundInScope()
  end(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<void> {
    return this.webhooks.end(caller, id);
  }

  @Get(':id/deliveries')
  @Authenticated({ permission: 'webhooks.manage' })
  @ApiOperation({ summary: 'The deliveries log, newest first (kept 30 days): each change sent, its attempts, the last answer or error, and the next try.' })
  @ApiOkResponse({ type: WebhookDeliveryPage })
  @ApiNotFoundInScope()
  @ApiValidationErrors()
  deliveries(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string, @Query() query: PageQuery): Promise<WebhookDeliveryPage> {
    return this.webhooks.deliveries(caller, id, query);
  }
}
