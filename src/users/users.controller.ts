import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { ApiIfMatch, ApiNotFoundInScope, ApiValidationErrors } from '../common/http/api-errors.decorator';
import { IfMatch } from '../common/http/request-headers';
import { UuidParam } from '../common/http/uuid-param';
import { CreateUserRequest, UpdateUserRequest, UserListQuery, UserPage, UserView } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Authenticated({ permission: 'users.write' })
  @ApiOperation({ summary: 'Create a user with a role and its scope (agencyId for ngo_worker, provinceCodes for inspector and social_worker).' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: UserView })
  @ApiConflictResponse({ description: 'problem+json `USERNAME_TAKEN`.' })
  @ApiValidationErrors()
  create(@CurrentCaller() caller: Acting, @Body() body: CreateUserRequest): Promise<UserView> {
    return this.users.create(caller, body);
  }

  @Get()
  @Authenticated({ permission: 'users.read' })
  @ApiOperation({ summary: 'List users in your scope: your agency’s (ngo_worker) or your provinces’ (inspector, social_worker).' })
  @ApiOkResponse({ type: UserPage })
  @ApiValidationErrors()
  list(@CurrentCaller() caller: Acting, @Query() query: UserListQuery): Promise<UserPage> {
    return this.users.list(caller, query);
  }

  @Get(':id')
  @Authenticated({ permission: 'users.read' })
  @ApiOperation({ summary: 'One user in your scope.' })
  @ApiOkResponse({ type: UserView })
  @ApiNotFoundInScope()
  get(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<UserView> {
    return this.users.get(caller, id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'users.write' })
  @ApiOperation({ summary: 'Change a user. A new password, role, scope or `active: false` ends the user’s sessions at once.' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiOkResponse({ type: UserView })
  @ApiValidationErrors()
  @ApiNotFoundInScope()
  @ApiIfMatch()
  update(
    @CurrentCaller() caller: Acting,
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateUserRequest,
    @IfMatch() ifMatch?: string,
  ): Promise<UserView> {
    return this.users.update(caller, id, body, ifMatch);
  }
}
