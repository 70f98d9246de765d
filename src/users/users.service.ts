import { Injectable } from '@nestjs/common';
import { Agency } from '../agencies/agency.entity';
import { AuditService } from '../audit/audit.service';
import { describeChanges, describeCreation } from '../audit/changes';
import { hashPassword } from './passwords';
import type { Role } from '../common/auth/roles';
import { applyScope } from '../common/auth/scope';
import { Conflict, FieldError, ValidationFailed } from '../common/errors/domain-errors';
import { checkIfMatch } from '../common/http/etag';
import { Page, paginate } from '../common/http/pagination';
import { findOneById } from '../common/database/find-one';
import type { Acting } from '../common/database/unit-of-work';
import { updateVersioned } from '../common/database/versioned-update';
import { passwordProblems } from './domain/password-policy';
import { CreateUserRequest, UpdateUserRequest, UserListQuery, UserView } from './dto/user.dto';
import { User } from './user.entity';

const SAFE_FIELDS = ['username', 'role', 'agencyId', 'provinceCodes', 'active'] as const;
/** Changing any of these ends every session the user has. */
const ACCESS_FIELDS = ['password', 'role', 'agencyId', 'provinceCodes', 'active'] as const;

export function toUserView(user: User): UserView {
  const { passwordHash: _hash, tokenVersion: _tokenVersion, agency: _agency, kind: _kind, ...view } = user;
  return view;
}

function checkPassword(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) throw new ValidationFailed([{ field: 'password', messages: problems }]);
}

@Injectable()
export class UsersService {
  constructor(
    private readonly audit: AuditService,
  ) {}

  private scoped(caller: Acting) {
    // Systems' accounts are managed at /api-clients, not here.
    const query = caller.work.manager.createQueryBuilder(User, 'u').where(`u.kind = 'person'`);
    return applyScope(query, caller, { agencyIds: 'ARRAY[u.agency_id]', provinceCodes: 'u.province_codes' });
  }

  async create(caller: Acting, request: CreateUserRequest): Promise<UserView> {
    const username = request.username.toLowerCase();
    checkPassword(request.password, username);
    const shape = { role: request.role, agencyId: request.agencyId ?? null, provinceCodes: request.provinceCodes ?? [] };
    await this.checkRoleShape(caller, shape);
    if (await caller.work.manager.existsBy(User, { username })) {
      throw new Conflict('USERNAME_TAKEN', 'Another user already has this username.');
    }
    const user = await caller.work.manager.save(
      caller.work.manager.create(User, {
        username,
        displayName: request.displayName,
        passwordHash: await hashPassword(request.password),
        ...shape,
      }),
    );
    this.audit.record(caller.work, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      changes: describeCreation<User>({ username, displayName: request.displayName, ...shape }, SAFE_FIELDS),
    });
    return toUserView(user);
  }

  async get(caller: Acting, id: string): Promise<UserView> {
    return toUserView(await findOneById(this.scoped(caller), id, 'user'));
  }

  async list(caller: Acting, query: UserListQuery): Promise<Page<UserView>> {
    const qb = this.scoped(caller);
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.agencyId) qb.andWhere('u.agency_id = :agencyId', { agencyId: query.agencyId });
    const page = await paginate(qb, query);
    return { items: page.items.map(toUserView), nextCursor: page.nextCursor };
  }

  async update(caller: Acting, id: string, request: UpdateUserRequest, ifMatch?: string): Promise<UserView> {
    const user = await findOneById(this.scoped(caller), id, 'user', true);
    checkIfMatch(ifMatch, user);
    const role = request.role ?? user.role;
    const roleChanged = request.role !== undefined && request.role !== user.role;
    // A new role drops scope fields that do not fit it unless new ones are sent.
    const shape = {
      role,
      agencyId: request.agencyId !== undefined ? request.agencyId : roleChanged && !['ngo_worker', 'social_worker'].includes(role) ? null : user.agencyId,
      provinceCodes:
        request.provinceCodes ?? (roleChanged && !['inspector', 'social_worker'].includes(role) ? [] : user.provinceCodes),
    };
    await this.checkRoleShape(caller, shape);
    const { password, ...rest } = request;
    if (password !== undefined) checkPassword(password, user.username);
    const next: Partial<User> & { password?: string } = { ...rest, ...shape };
    const changes = describeChanges<User & { password?: string }>(user, next, SAFE_FIELDS);
    if (password !== undefined) changes.password = 'changed';
    const accessChanged = ACCESS_FIELDS.some((field) => field in changes);
    await updateVersioned(caller.work.manager, User, user, {
      ...rest,
      ...shape,
      passwordHash: password !== undefined ? await hashPassword(password) : user.passwordHash,
      tokenVersion: accessChanged ? user.tokenVersion + 1 : user.tokenVersion,
    });
    this.audit.record(caller.work, { action: 'user.update', entityType: 'user', entityId: id, changes });
    return toUserView(user);
  }

  /**
   * ngo_workers belong to exactly one agency; a social worker may name its office (a government
   * agency), which its actions then carry; inspectors and social workers have provinces; nobody else
   * has either.
   */
  async checkRoleShape(caller: Acting, shape: { role: Role; agencyId: string | null; provinceCodes: string[] }): Promise<void> {
    const errors: FieldError[] = [];
    if (shape.role === 'ngo_worker' && !shape.agencyId) {
      errors.push({ field: 'agencyId', messages: ['agencyId is required for an ngo_worker'] });
    }
    if (!['ngo_worker', 'social_worker'].includes(shape.role) && shape.agencyId) {
      errors.push({ field: 'agencyId', messages: [`agencyId is only for ngo_worker and social_worker (its office), not ${shape.role}`] });
    }
    if (!['inspector', 'social_worker'].includes(shape.role) && shape.provinceCodes.length > 0) {
      errors.push({ field: 'provinceCodes', messages: [`provinceCodes are only for inspector and social_worker, not ${shape.role}`] });
    }
    const agency = shape.agencyId ? await caller.work.manager.findOneBy(Agency, { id: shape.agencyId }) : null;
    if (shape.agencyId && !agency) errors.push({ field: 'agencyId', messages: ['no agency has this id'] });
    if (shape.role === 'social_worker' && agency && agency.type !== 'government') {
      errors.push({ field: 'agencyId', messages: ['a social worker’s office is a government agency'] });
    }
    if (errors.length > 0) throw new ValidationFailed(errors);
  }
}
