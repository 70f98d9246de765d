import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageMeta, PageQuery } from '../../common/http/pagination';
import { AGENCY_TYPES, type AgencyType } from '../agency.entity';
import { Nullable } from '../../common/http/nullable';

export class CreateAgencyRequest {
  @ApiProperty({ example: 'Friends of Battambang Children' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: AGENCY_TYPES })
  @IsIn(AGENCY_TYPES)
  type: AgencyType;

  @ApiPropertyOptional({ example: 'MOI-2019-0412', nullable: true, type: String })
  @IsOptional()
  @Nullable()
  @IsString()
  @MaxLength(100)
  registrationNumber?: string;
}

export class UpdateAgencyRequest extends PartialType(CreateAgencyRequest) {}

export class AgencyListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGENCY_TYPES })
  @IsOptional()
  @IsIn(AGENCY_TYPES)
  type?: AgencyType;

  @ApiPropertyOptional({ description: 'Part of the name, any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class AgencyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: AGENCY_TYPES }) type: AgencyType;
  @ApiProperty({ nullable: true, type: String }) registrationNumber: string | null;
  @ApiProperty({ description: 'Increases with every change; the ETag is built from it.' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class AgencyPage extends PageMeta {
  @ApiProperty({ type: [AgencyView] }) items: AgencyView[];
}
