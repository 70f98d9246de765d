import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Authenticated } from '../common/auth/authenticated.decorator';
import { ApiValidationErrors } from '../common/http/api-errors.decorator';
import { PLACE_LEVELS, PlacesService, type Place, type PlaceLevel } from './places.service';

class PlaceQuery {
  @ApiPropertyOptional({ enum: PLACE_LEVELS }) @IsOptional() @IsIn(PLACE_LEVELS) level?: PlaceLevel;
  @ApiPropertyOptional({ example: '0203', description: 'The places inside this one.' }) @IsOptional() @Matches(/^\d{2,6}$/) parentCode?: string;
  @ApiPropertyOptional({ description: 'Part of a name, in Latin or Khmer script, or the start of a code.' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 2000, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(2000) limit?: number;
}

class PlaceView implements Place {
  @ApiProperty({ example: '020301' }) code: string;
  @ApiProperty({ nullable: true, type: String, example: '0203' }) parentCode: string | null;
  @ApiProperty({ enum: PLACE_LEVELS }) level: PlaceLevel;
  @ApiProperty({ example: 'Khum' }) unitLatin: string;
  @ApiProperty({ example: 'Commune' }) unitEn: string;
  @ApiProperty({ example: 'Svay Por' }) nameEn: string;
  @ApiProperty({ example: 'ស្វាយប៉ោ' }) nameKm: string;
  @ApiProperty({ type: [Number], nullable: true, description: 'Approximate centre: latitude, longitude, where known.' }) centre: [number, number] | null;
}

class PlaceList {
  @ApiProperty({ type: [PlaceView], description: 'In code order.' }) items: PlaceView[];
}

@ApiTags('provinces')
@Controller('places')
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get()
  @Authenticated({ permission: 'provinces.read' })
  @ApiOperation({ summary: 'The official gazetteer (NCDD): 25 provinces, 210 districts, 1,652 communes, 14,578 villages, with their codes and Latin and Khmer names.' })
  @ApiOkResponse({ type: PlaceList })
  @ApiValidationErrors()
  async list(@Query() query: PlaceQuery): Promise<PlaceList> {
    return { items: await this.places.list(query) };
  }
}
