import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'a long passphrase', format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <accessToken>`.' })
  accessToken: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires.', example: 3600 })
  expiresIn: number;
}

export const GRANT_TYPES = ['client_credentials', 'password'] as const;

/**
 * The OAuth 2 token request (RFC 6749), as JSON or form-encoded: `client_credentials` for systems
 * (the client may instead send HTTP Basic), `password` for people (the Swagger UI's Authorize dialog).
 */
export class TokenRequest {
  @ApiProperty({ enum: GRANT_TYPES, example: 'client_credentials' })
  @IsIn(GRANT_TYPES)
  grant_type: (typeof GRANT_TYPES)[number];

  @ApiPropertyOptional({ description: 'client_credentials: the API client’s `clientId` (or send HTTP Basic).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  client_id?: string;

  @ApiPropertyOptional({ format: 'password', description: 'client_credentials: the API client’s `clientSecret`.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  client_secret?: string;

  @ApiPropertyOptional({ description: 'password: the username.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username?: string;

  @ApiPropertyOptional({ format: 'password', description: 'password: the password.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password?: string;

  @ApiPropertyOptional({ description: 'Accepted and ignored: what a token may do follows from the account’s role and scope.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  scope?: string;
}

export class TokenResponse extends LoginResponse {
  @ApiProperty({ description: 'The same token, under the name OAuth 2 clients (RFC 6749) read.' })
  access_token: string;

  @ApiProperty({ example: 'Bearer' })
  token_type: 'Bearer';

  @ApiProperty({ example: 3600 })
  expires_in: number;
}
