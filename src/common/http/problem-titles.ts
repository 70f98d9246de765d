/**
 * The title of each problem code in English and Khmer (with `Accept-Language: km` the Khmer one is
 * answered). GET /labels serves the same, under `problem.<CODE>`.
 */
export const PROBLEM_TITLES: Record<string, readonly [en: string, km: string]> = {
  VALIDATION_FAILED: ['The request has invalid fields', 'សំណើមានទិន្នន័យមិនត្រឹមត្រូវ'],
  BAD_REQUEST: ['Bad request', 'សំណើមិនត្រឹមត្រូវ'],
  MALFORMED_JSON: ['The body is not valid JSON', 'ខ្លឹមសារមិនមែនជា JSON ត្រឹមត្រូវ'],
  UNAUTHENTICATED: ['Log in first', 'សូមចូលប្រើជាមុនសិន'],
  FORBIDDEN: ['Your role may not do this', 'តួនាទីរបស់អ្នកមិនអាចធ្វើការនេះបានទេ'],
  NOT_FOUND: ['Not found', 'រកមិនឃើញ'],
  METHOD_NOT_ALLOWED: ['Method not allowed', 'វិធីសាស្ត្រនេះមិនត្រូវបានអនុញ្ញាត'],
  NOT_ACCEPTABLE: ['Not acceptable', 'មិនអាចផ្ដល់ទម្រង់នេះបាន'],
  TRANSITION_NOT_ALLOWED: ['Not possible in the record’s current status', 'មិនអាចធ្វើបានក្នុងស្ថានភាពបច្ចុប្បន្ននៃកំណត់ត្រា'],
  GUARD_FAILED: ['A rule of the step is not met', 'លក្ខខណ្ឌនៃជំហាននេះមិនត្រូវបានបំពេញ'],
  CONFLICT: ['This conflicts with a record that exists', 'នេះប៉ះទង្គិចនឹងកំណត់ត្រាដែលមានស្រាប់'],
  CONCURRENT_UPDATE: ['Someone changed the same records at the same moment', 'មានអ្នកផ្សេងកែប្រែកំណត់ត្រាដូចគ្នាក្នុងពេលតែមួយ'],
  OPEN_EPISODE_EXISTS: ['The child already has an open case', 'កុមារមានករណីកំពុងបើករួចហើយ'],
  POSSIBLE_DUPLICATE_FACILITY: ['This facility may already be registered', 'មណ្ឌលនេះប្រហែលជាបានចុះបញ្ជីរួចហើយ'],
  EXTERNAL_ID_EXISTS: ['This externalId is already used by the agency', 'externalId នេះស្ថាប័នបានប្រើរួចហើយ'],
  USERNAME_TAKEN: ['This username is taken', 'ឈ្មោះអ្នកប្រើនេះមានគេប្រើហើយ'],
  IDEMPOTENCY_KEY_REUSED: ['This Idempotency-Key was used for another request', 'Idempotency-Key នេះបានប្រើសម្រាប់សំណើផ្សេង'],
  PRECONDITION_FAILED: ['The record changed since you read it', 'កំណត់ត្រាបានផ្លាស់ប្ដូរតាំងពីអ្នកបានអាន'],
  PRECONDITION_REQUIRED: ['Send If-Match', 'សូមផ្ញើ If-Match'],
  PAYLOAD_TOO_LARGE: ['The body is too large', 'ខ្លឹមសារធំពេក'],
  URI_TOO_LONG: ['The address is too long', 'អាសយដ្ឋានវែងពេក'],
  BAD_URL: ['The address could not be read', 'មិនអាចអានអាសយដ្ឋានបាន'],
  UNSUPPORTED_MEDIA_TYPE: ['This content type is not accepted', 'ប្រភេទខ្លឹមសារនេះមិនត្រូវបានទទួលយក'],
  TOO_MANY_REQUESTS: ['Too many attempts: wait and try again', 'ការព្យាយាមច្រើនពេក៖ សូមរង់ចាំ ហើយព្យាយាមម្ដងទៀត'],
  INTERNAL_ERROR: ['Something went wrong on our side', 'មានបញ្ហានៅផ្នែកប្រព័ន្ធ'],
  DATABASE_UNAVAILABLE: ['The database is not answering for the moment', 'មូលដ្ឋានទិន្នន័យមិនឆ្លើយតបមួយរយៈ'],
  SHUTTING_DOWN: ['The server is stopping', 'ម៉ាស៊ីនមេកំពុងបិទ'],
};

/** The Khmer title of a problem when the client asks for Khmer first (`Accept-Language: km`), else undefined. */
export function khmerTitle(code: string, acceptLanguage: string | string[] | undefined): string | undefined {
  const first = (Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage)?.split(',')[0]?.trim() ?? '';
  return /^km\b/i.test(first) ? PROBLEM_TITLES[code]?.[1] : undefined;
}
