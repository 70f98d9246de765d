import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../common/auth/authenticated.decorator';
import type { Acting } from '../common/database/unit-of-work';
import { ApiNotFoundInScope, ApiValidationErrors } from '../common/http/api-errors.decorator';
import { PageQuery } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { ApiClientPage, ApiClientView, CreateApiClientRequest, CreatedApiClient } from './dto/api-client.dto';
import { ApiClientsService } from './api-clients.service';

@ApiTags('api-clients')
@Controller('api-clients')
export class ApiClientsController {
  constructor(private readonly clients: ApiClientsService) {}

  @Post()
  @Authenticated({ permission: 'api_clients.manage' })
  @ApiOperation({ summary: 'Give a system an account: answers `clientId` and `clientSecret` (once) for `POST /auth/token` with `grant_type=client_credentials`.' })
  @ApiCreatedResponse({ type: CreatedApiClient })
  @ApiValidationErrors()
  create(@CurrentCaller() caller: Acting, @Body() body: CreateApiClientRequest): Promise<CreatedApiClient> {
    return this.clients.create(caller, body);
  }

  @Get()
  @Authenticated({ permission: 'api_clients.manage' })
  @ApiOperation({ summary: 'The API clients, newest first.' })
  @ApiOkResponse({ type: ApiClientPage })
  @ApiValidationErrors()
  list(@CurrentCaller() caller: Acting, @Query() query: PageQuery): Promise<ApiClientPage> {
    return this.clients.list(caller, query);
  }

  @Get(':id')
  @Authenticated({ permission: 'api_clients.manage' })
  @ApiOperation({ summary: 'One API client (never its secret).' })
  @ApiOkResponse({ type: ApiClientView })
  @ApiNotFoundInScope()
  get(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<ApiClientView> {
    return this.clients.get(caller, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ permission: 'api_clients.manage' })
  @ApiOperation({ summary: 'Revoke an API client: every token it holds stops working at once.' })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was).' })
  @ApiNotFoundInScope()
  revoke(@CurrentCaller() caller: Acting, @Param('id', UuidParam) id: string): Promise<void> {
    return this.clients.revoke(caller, id);
  }
}
