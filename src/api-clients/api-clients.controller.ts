import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/authenticated.decorator';
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
  create(@Body() body: CreateApiClientRequest): Promise<CreatedApiClient> {
    return this.clients.create(body);
  }

  @Get()
  @Authenticated({ permission: 'api_clients.manage' })
  @ApiOperation({ summary: 'The API clients, newest first.' })
  @ApiOkResponse({ type: ApiClientPage })
  @ApiValidationErrors()
  list(@Query() query: PageQuery): Promise<ApiClientPage> {
    return this.clients.list(query);
  }

  @Get(':id')
  @Authenticated({ permission: 'api_clients.manage' })
  @ApiOperation({ summary: 'One API client (never its secret).' })
  @ApiOkResponse({ type: ApiClientView })
  @ApiNotFoundInScope()
  get(@Param('id', UuidParam) id: string): Promise<ApiClientView> {
    return this.clients.get(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ permission: 'api_clients.manage' })
  @ApiOperation({ summary: 'Revoke an API client: every token it holds stops working at once.' })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was).' })
  @ApiNotFoundInScope()
  revoke(@Param('id', UuidParam) id: string): Promise<void> {
    return this.clients.revoke(id);
  }
}
