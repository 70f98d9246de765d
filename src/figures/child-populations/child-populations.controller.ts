import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentCaller } from '../../common/auth/authenticated.decorator';
import type { Acting } from '../../common/database/unit-of-work';
import { ApiNotFoundInScope, ApiValidationErrors } from '../../common/http/api-errors.decorator';
import { NotFound } from '../../common/errors/domain-errors';
import { PROVINCE_CODES } from '../../provinces/provinces.data';
import { ChildPopulation, ChildPopulationBody, ChildPopulationList } from '../dto/indicators.dto';
import { ChildPopulationsService } from './child-populations.service';

@ApiTags('figures')
@Controller('child-populations')
export class ChildPopulationsController {
  constructor(private readonly populations: ChildPopulationsService) {}

  @Get()
  @Authenticated({ permission: 'figures.read' })
  @ApiOperation({ summary: 'The child population of each province by year, the denominator of the indicators’ rates per 100,000.' })
  @ApiOkResponse({ type: ChildPopulationList })
  async list(@CurrentCaller() caller: Acting): Promise<ChildPopulationList> {
    return { items: await this.populations.list(caller.work) };
  }

  @Put(':provinceCode')
  @Authenticated({ permission: 'populations.write' })
  @ApiOperation({ summary: 'Set the number of children living in a province in a year (admins).' })
  @ApiOkResponse({ type: ChildPopulation })
  @ApiValidationErrors()
  @ApiNotFoundInScope()
  set(@CurrentCaller() caller: Acting, @Param('provinceCode') provinceCode: string, @Body() body: ChildPopulationBody): Promise<ChildPopulation> {
    if (!PROVINCE_CODES.includes(provinceCode)) throw new NotFound('province');
    return this.populations.set(caller.work, provinceCode, body);
  }
}
