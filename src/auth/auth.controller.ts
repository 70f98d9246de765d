import { Body, Controller, Get, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConsumes, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authenticated, CurrentCaller, PublicRoute } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { CallerView } from './dto/caller.view';
import { LoginRequest, LoginResponse, TokenRequest, TokenResponse } from './dto/login.dto';
import { ApiValidationErrors } from '../common/http/api-errors.decorator';
import { basicCredentials } from './basic-credentials';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @PublicRoute()
  @ApiOperation({ summary: 'Exchange a username and password for a bearer token (60 minutes).' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password, or a deactivated account.' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; see `Retry-After`.' })
  login(@Body() body: LoginRequest, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.auth.login(body, { address: request.ip, requestId: String(request.id) });
  }

  @Post('token')
  @HttpCode(200)
  @PublicRoute()
  @ApiOperation({
    summary:
      'The OAuth 2 token endpoint: `grant_type=client_credentials` for an API client (its id and secret in the body or as HTTP Basic), or `grant_type=password` for a person. JSON or form-encoded.',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOkResponse({ type: TokenResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong credentials, or a revoked client or deactivated account (problem+json `UNAUTHENTICATED`, with OAuth’s `error`).' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; see `Retry-After`.' })
  @ApiValidationErrors()
  token(@Body() body: TokenRequest, @Headers('authorization') authorization: string | undefined, @Req() request: FastifyRequest): Promise<TokenResponse> {
    return this.auth.token(body, basicCredentials(authorization), { address: request.ip, requestId: String(request.id) });
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated({ permission: 'profile.read' })
  @ApiOperation({ summary: 'End the token this request carries, at once. Other tokens of the same user go on working.' })
  @ApiNoContentResponse({ description: 'The token no longer works.' })
  logout(@CurrentCaller() caller: Acting): Promise<void> {
    return this.auth.logout(caller);
  }

  @Get('me')
  @Authenticated({ permission: 'profile.read' })
  @ApiOperation({ summary: 'Who the token belongs to: name, role, agency and scope.' })
  @ApiOkResponse({ type: CallerView })
  async me(@CurrentCaller() caller: Acting): Promise<CallerView> {
    const { displayName, agencyName } = await this.auth.names(caller);
    return { userId: caller.userId, username: caller.username, role: caller.role, agencyId: caller.agencyId, provinceCodes: caller.provinceCodes, displayName, agencyName };
  }
}
