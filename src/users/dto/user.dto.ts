import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../common/auth/roles';
import { PageMeta, PageQuery } from '../../common/http/pagination';
import { PROVINCE_CODES } from '../../provinces/provinces.data';
import { Nullable } from '../../common/http/nullable';

export class CreateUserRequest {
  @ApiProperty({ example: 'sokha.inspector', description: '3-64 letters, digits, dots, dashes or underscores; stored in lower case.' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3-64 letters, digits, dots, dashes or underscores' })
  username: string;

  @ApiProperty({ format: 'password', minLength: 12, example: 'rice fields at dawn in Battambang' })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password: string;

  @ApiProperty({ example: 'Sokha Chan' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for ngo_worker, not allowed otherwise.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['02'],
    description: 'For inspector and social_worker: the provinces they work in (empty = national). Not allowed for other roles.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(25)
  @IsIn(PROVINCE_CODES, { each: true })
  provinceCodes?: string[];
}

export class UpdateUserRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ format: 'password', example: 'a new passphrase for the rainy season' }) @IsOptional() @IsString() @MinLength(12) @MaxLength(256) password?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) @IsOptional() @Nullable() @IsUUID() agencyId?: string | null;
  @ApiPropertyOptional({ type: [String], example: ['02'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(25)
  @IsIn(PROVINCE_CODES, { each: true })
  provinceCodes?: string[];
  @ApiPropertyOptional({ description: 'false deactivates the user: its tokens stop working at once.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() agencyId?: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) agencyId: string | null;
  @ApiProperty({ type: [String] }) provinceCodes: string[];
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class UserPage extends PageMeta {
  @ApiProperty({ type: [UserView] }) items: UserView[];
}
