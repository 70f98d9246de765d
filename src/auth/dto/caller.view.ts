import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../common/auth/roles';

export class CallerView {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  username: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  agencyId: string | null;

  @ApiProperty({ type: [String], description: 'Empty means national scope.' })
  provinceCodes: string[];

  @ApiProperty({ example: 'Sophea Chan', description: 'The name the user is shown by.' })
  displayName: string;

  @ApiProperty({ nullable: true, type: String, example: 'Friends of Battambang Children', description: 'The agency the user works for.' })
  agencyName: string | null;
}
