import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate } from '../../common/http/date-field';
import type { NoteBody, ReasonBody, RemediationBody, TransitionPlanBody } from '../domain/facility.bodies';

export class NoteRequest implements NoteBody {
  @ApiPropertyOptional({ description: 'Why, for the status history.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ReasonRequest implements ReasonBody {
  @ApiProperty({ description: 'Why, for the status history.' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class RequireRemediationRequest extends ReasonRequest implements RemediationBody {
  @ApiPropertyOptional({ format: 'date', description: 'Default: 60 days from today.' })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string;
}

export class BeginTransitionRequest extends NoteRequest implements TransitionPlanBody {
  @ApiProperty({ example: 'community-based family support centre', description: 'The service the facility becomes.' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  targetService: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  targetDate: string;
}
