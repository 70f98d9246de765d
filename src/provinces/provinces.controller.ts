import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/authenticated.decorator';
import { PROVINCES } from './provinces.data';

class ProvinceView {
  @ApiProperty({ example: '02', description: 'Official two-digit code.' }) code: string;
  @ApiProperty({ example: 'Battambang' }) nameEn: string;
  @ApiProperty({ example: 'បាត់ដំបង' }) nameKm: string;
  @ApiProperty({ type: [Number], example: [12.9257, 103.2317], description: 'Approximate centre: latitude, longitude (NCDD gazetteer).' }) centre: readonly [number, number];
}

class ProvinceList {
  @ApiProperty({ type: [ProvinceView] }) items: ProvinceView[];
}

@ApiTags('provinces')
@Controller('provinces')
export class ProvincesController {
  @Get()
  @Authenticated({ permission: 'provinces.read' })
  @ApiOperation({ summary: 'The 25 provinces with their official codes and English and Khmer names.' })
  @ApiOkResponse({ type: ProvinceList })
  list(): ProvinceList {
    return { items: [...PROVINCES] };
  }
}
