import { Agency } from '../../agencies/agency.entity';
import { AuditEvent } from '../../audit/audit-event.entity';
import { Province } from '../../provinces/province.entity';
import { User } from '../../users/user.entity';
import { IdempotencyRecord } from '../http/idempotency-record.entity';

export const ENTITIES = [Agency, User, Province, AuditEvent, IdempotencyRecord];
