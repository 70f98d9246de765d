import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OccurredOnRequest } from '../dto/episode-requests.dto';
import { HANDOVER_STATUSES, type HandoverDecisionBody, type HandoverStatus, type RequestHandoverBody } from '../domain/handover.transitions';

export class RequestHandoverRequest extends OccurredOnRequest implements RequestHandoverBody {
  @ApiProperty({ format: 'uuid', description: 'The agency asked to take over the case.' }) @IsUUID() toAgencyId: string;
  @ApiProperty({ example: 'Our programme in this province closes in March.' }) @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

export class HandoverDecisionRequest extends OccurredOnRequest implements HandoverDecisionBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class HandoverView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fromAgencyId: string;
  @ApiProperty({ format: 'uuid' }) toAgencyId: string;
  @ApiProperty({ enum: HANDOVER_STATUSES }) status: HandoverStatus;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'uuid' }) requestedById: string;
  @ApiProperty({ format: 'date' }) requestedOn: string;
}
