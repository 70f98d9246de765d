import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { FEED_ENTITY_TYPES, type FeedEntityType } from '../../changes/domain/feed-entity-types';
import { ChangeItem } from '../../changes/dto/changes.dto';
import { PageMeta } from '../../common/http/pagination';

export class CreateWebhookSubscriptionRequest {
  @ApiProperty({ example: 'https://oscar.example.org/hooks/rcf', description: 'http(s); not on a loopback or private address unless the server allows it.' })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false, allow_underscores: true }, { message: 'url must be an http or https URL' })
  url: string;

  @ApiProperty({ type: [String], enum: FEED_ENTITY_TYPES, example: ['care_episode', 'child'], description: 'Which changes to deliver: the change feed’s entity types.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(FEED_ENTITY_TYPES.length)
  @ArrayUnique()
  @IsIn(FEED_ENTITY_TYPES, { each: true })
  entityTypes: FeedEntityType[];

  @ApiPropertyOptional({ example: 'OSCaR: cases of Friends of Battambang Children' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  description?: string;
}

export class WebhookSubscriptionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: [String], enum: FEED_ENTITY_TYPES }) entityTypes: FeedEntityType[];
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ format: 'uuid', description: 'Whose scope deliveries follow: the account that subscribed, as it is now.' }) ownerId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ description: 'false once ended (DELETE): nothing more is delivered.' }) active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt: Date | null;
}

export class CreatedWebhookSubscription extends WebhookSubscriptionView {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'Shown this once: verify each delivery’s `webhook-signature` with it (Standard Webhooks).' })
  secret: string;
}

export class WebhookSubscriptionPage extends PageMeta {
  @ApiProperty({ type: [WebhookSubscriptionView] }) items: WebhookSubscriptionView[];
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;

export class WebhookDeliveryView {
  @ApiProperty({ format: 'uuid', description: 'Sent as `webhook-id`: the same on every attempt, so a receiver can drop repeats.' }) id: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, description: '`failed`: given up after 24 hours of retries; `cancelled`: the subscription ended first.' })
  status: (typeof DELIVERY_STATUSES)[number];
  @ApiProperty({ type: ChangeItem }) change: ChangeItem;
  @ApiProperty() attempts: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastAttemptAt: Date | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The HTTP status the receiver last answered.' }) lastResponseStatus: number | null;
  @ApiProperty({ nullable: true, type: String, example: 'timeout after 10000 ms' }) lastError: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'The next try, while pending.' }) nextAttemptAt: Date | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) deliveredAt: Date | null;
}

export class WebhookDeliveryPage extends PageMeta {
  @ApiProperty({ type: [WebhookDeliveryView], description: 'Newest first.' }) items: WebhookDeliveryView[];
}
