import { ApiProperty } from '@nestjs/swagger';

export class RegistryEventView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'authorize' }) action: string;
  @ApiProperty({ nullable: true, type: String, description: 'null for the creation.' }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) recordedAt: Date;
}

export class RegistryEventList {
  @ApiProperty({ type: [RegistryEventView] }) items: RegistryEventView[];
}
