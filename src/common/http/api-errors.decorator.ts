import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiPreconditionFailedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

export const ApiValidationErrors = () =>
  ApiBadRequestResponse({ description: 'problem+json `VALIDATION_FAILED` listing each bad field, or `MALFORMED_JSON`.' });

export const ApiNotFoundInScope = () =>
  ApiNotFoundResponse({ description: 'problem+json `NOT_FOUND`: no such record, or it is outside your scope.' });

export const ApiIfMatch = () =>
  applyDecorators(
    ApiPreconditionFailedResponse({ description: 'problem+json `PRECONDITION_FAILED`: If-Match names an older version.' }),
  );

/** The 422 of a step, listing the reason codes its guards can answer (derived from the transition table). */
export const ApiGuardErrors = (guards: readonly string[]) =>
  ApiUnprocessableEntityResponse({
    description: guards.length
      ? `problem+json \`GUARD_FAILED\` naming the \`guard\`: ${guards.map((g) => `\`${g}\``).join(', ')}.`
      : 'problem+json `GUARD_FAILED` (this action has no guards beyond its body).',
  });

/** The answers every state action shares, documented once; `guards` come from the action's table entry. */
export const ApiTransitionErrors = (guards: readonly string[]) =>
  applyDecorators(
    ApiConflictResponse({
      description: 'problem+json `TRANSITION_NOT_ALLOWED`: not allowed from the current status (or for your role); lists `allowedActions`.',
    }),
    ApiGuardErrors(guards),
    ApiPreconditionFailedResponse({ description: 'problem+json `PRECONDITION_FAILED`: If-Match names an older version.' }),
    ApiNotFoundResponse({ description: 'problem+json `NOT_FOUND`: no such record, or it is outside your scope.' }),
    ApiBadRequestResponse({ description: 'problem+json `VALIDATION_FAILED` listing each bad field.' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag you read; 412 when the record changed since.' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retry with the same key and body replays the first answer.' }),
  );
