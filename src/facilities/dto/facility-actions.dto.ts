import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';

export class NoteRequest {
  @ApiPropertyOptional({ description: 'Why, for the status history.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ReasonRequest {
  @ApiProperty({ description: 'Why, for the status history.' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class RequireRemediationRequest extends ReasonRequest {
  @ApiPropertyOptional({ format: 'date', description: 'Default: 60 days from today.' })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string;
}

export class BeginTransitionRequest extends NoteRequest {
  @ApiProperty({ example: 'community-based family support centre', description: 'The service the facility becomes.' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  targetService: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  targetDate: string;
}
