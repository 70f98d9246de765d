import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../common/auth/roles';
import { PageMeta } from '../../common/http/pagination';
import { PROVINCE_CODES } from '../../provinces/provinces.data';

/** A system acts within a role like a person does; none is made an administrator. */
export const CLIENT_ROLES = ROLES.filter((role) => role !== 'admin');

export class CreateApiClientRequest {
  @ApiProperty({ example: 'OSCaR sync of Friends of Battambang Children', description: 'What the system is, for the people who review access.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: CLIENT_ROLES, example: 'ngo_worker' })
  @IsIn(CLIENT_ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for ngo_worker: the agency whose records the system keeps.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ type: [String], example: ['02'], description: 'For inspector and social_worker: the provinces (empty = national).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(25)
  @IsIn(PROVINCE_CODES, { each: true })
  provinceCodes?: string[];
}

export class ApiClientView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'client-3f9a1c0d2b7e4a5f8c6d1e2f', description: 'The `client_id` of the client-credentials grant.' }) clientId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CLIENT_ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ type: [String] }) provinceCodes: string[];
  @ApiProperty({ description: 'false once revoked: its tokens no longer work.' }) active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class CreatedApiClient extends ApiClientView {
  @ApiProperty({ description: 'Shown this once and stored only as a hash: keep it in the system’s secret store.' }) clientSecret: string;
}

export class ApiClientPage extends PageMeta {
  @ApiProperty({ type: [ApiClientView] }) items: ApiClientView[];
}
