import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service';
import { findOneById } from '../common/database/find-one';
import type { Acting } from '../common/database/unit-of-work';
import { Page, PageQuery, paginate } from '../common/http/pagination';
import { hashPassword } from '../users/passwords';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { ApiClientView, CreateApiClientRequest, CreatedApiClient } from './dto/api-client.dto';

const view = (client: User): ApiClientView => ({
  id: client.id,
  clientId: client.username,
  name: client.displayName,
  role: client.role,
  agencyId: client.agencyId,
  provinceCodes: client.provinceCodes,
  active: client.active,
  createdAt: client.createdAt,
  updatedAt: client.updatedAt,
});

/** Accounts of systems: a client id and a generated secret, kept as an argon2 hash like a password. */
@Injectable()
export class ApiClientsService {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  private scoped(caller: Acting) {
    return caller.work.manager.createQueryBuilder(User, 'u').where(`u.kind = 'api_client'`);
  }

  async create(caller: Acting, request: CreateApiClientRequest): Promise<CreatedApiClient> {
    const shape = { role: request.role, agencyId: request.agencyId ?? null, provinceCodes: request.provinceCodes ?? [] };
    await this.users.checkRoleShape(caller, shape);
    const clientSecret = randomBytes(32).toString('base64url');
    const client = await caller.work.manager.save(
      caller.work.manager.create(User, {
        kind: 'api_client',
        username: `client-${randomBytes(12).toString('hex')}`,
        displayName: request.name,
        passwordHash: await hashPassword(clientSecret),
        ...shape,
      }),
    );
    this.audit.record(caller.work, { action: 'api_client.create', entityType: 'user', entityId: client.id, changes: { kind: 'api_client', ...shape } });
    return { ...view(client), clientSecret };
  }

  async get(caller: Acting, id: string): Promise<ApiClientView> {
    return view(await findOneById(this.scoped(caller), id, 'API client'));
  }

  async list(caller: Acting, query: PageQuery): Promise<Page<ApiClientView>> {
    const page = await paginate(this.scoped(caller), query);
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  }

  /** Ends the client: its tokens stop working on their next request, as a deactivated user's do. */
  async revoke(caller: Acting, id: string): Promise<void> {
    const client = await findOneById(this.scoped(caller), id, 'API client', true);
    if (!client.active) return;
    await caller.work.manager.query('UPDATE users SET active = false, token_version = token_version + 1, version = version + 1, updated_at = now() WHERE id = $1', [id]);
    this.audit.record(caller.work, { action: 'api_client.revoke', entityType: 'user', entityId: id, changes: { active: { from: true, to: false } } });
  }
}
