import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authenticated, CurrentCaller, PublicRoute } from '../common/auth/authenticated.decorator';
import type { Caller } from '../common/auth/caller';
import { CallerView } from './dto/caller.view';
import { LoginRequest, LoginResponse } from './dto/login.dto';
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
    return this.auth.login(body, request.ip);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated({ permission: 'profile.read' })
  @ApiOperation({ summary: 'End the token this request carries, at once. Other tokens of the same user go on working.' })
  @ApiNoContentResponse({ description: 'The token no longer works.' })
  logout(@CurrentCaller() caller: Caller): Promise<void> {
    return this.auth.logout(caller);
  }

  @Get('me')
  @Authenticated({ permission: 'profile.read' })
  @ApiOperation({ summary: 'Who the token belongs to: name, role, agency and scope.' })
  @ApiOkResponse({ type: CallerView })
  async me(@CurrentCaller() caller: Caller): Promise<CallerView> {
    const { displayName, agencyName } = await this.auth.names(caller);
    return { userId: caller.userId, username: caller.username, role: caller.role, agencyId: caller.agencyId, provinceCodes: caller.provinceCodes, displayName, agencyName };
  }
}
