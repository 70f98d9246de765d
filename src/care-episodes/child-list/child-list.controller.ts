import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChildPage } from '../../children/dto/child.dto';
import { Authenticated, CurrentCaller } from '../../common/auth/authenticated.decorator';
import type { Acting } from '../../common/database/unit-of-work';
import { ApiValidationErrors } from '../../common/http/api-errors.decorator';
import { ChildListQuery } from './child-list.dto';
import { ChildListService } from './child-list.service';

@ApiTags('children')
@Controller('children')
export class ChildListController {
  constructor(private readonly children: ChildListService) {}

  @Get()
  @Authenticated({ permission: 'children.read' })
  @ApiOperation({ operationId: 'Children_list', summary: 'Children in your scope. Every list is written to the audit log.' })
  @ApiOkResponse({ type: ChildPage })
  @ApiValidationErrors()
  list(@CurrentCaller() caller: Acting, @Query() query: ChildListQuery): Promise<ChildPage> {
    return this.children.list(caller, query);
  }
}
