import { PROBLEM_TITLES } from '../common/http/problem-titles';
import type { Label } from './label';
import { ACTION_LABELS, GUARD_LABELS } from './lifecycle-labels';
import { RECORD_LABELS } from './record-labels';
/**
 * Every label the API's clients and the dashboard show, in English and Khmer, keyed by
 * `<namespace>.<value>`: one source for GET /labels and the dashboard. Khmer terms follow MoSVY's
 * usage where we know it; docs/labels.md lists those a Khmer-speaking reviewer should check.
 */
type Namespace = Record<string, Label>;

const careSetting: Namespace = {
  residential_care: ['Residential care', 'ការថែទាំតាមមណ្ឌល'],
  kinship_care: ['Kinship care', 'ការថែទាំដោយសាច់ញាតិ'],
  foster_care: ['Foster care', 'ការថែទាំដោយគ្រួសារអ្នកចិញ្ចឹម'],
  parental_care: ['With parents', 'ការថែទាំដោយឪពុកម្ដាយ'],
  independent_living: ['Living independently', 'ការរស់នៅដោយខ្លួនឯង'],
};

const facilityType: Namespace = {
  residential_care_institution: ['Residential care institution', 'មណ្ឌលថែទាំកុមារ'],
  transit_emergency_centre: ['Transit or emergency centre', 'មណ្ឌលស្នាក់នៅបណ្ដោះអាសន្ន'],
  group_home: ['Group home', 'ផ្ទះថែទាំជាក្រុម'],
  pagoda_or_religious_centre: ['Pagoda or religious centre', 'វត្ត ឬមជ្ឈមណ្ឌលសាសនា'],
  boarding_school: ['Boarding school', 'សាលាមានអន្តេវាសិកដ្ឋាន'],
  state_centre: ['State centre', 'មណ្ឌលរបស់រដ្ឋ'],
  not_in_a_facility: ['Not in a facility', 'មិននៅក្នុងមណ្ឌល'],
};

const facilityStatus: Namespace = {
  identified: ['Identified', 'បានកំណត់អត្តសញ្ញាណ'],
  application_pending: ['Application pending', 'កំពុងរង់ចាំពាក្យស្នើសុំ'],
  authorized: ['Authorized', 'មានការអនុញ្ញាត'],
  rejected: ['Rejected', 'បានបដិសេធ'],
  under_remediation: ['Under remediation', 'កំពុងកែលម្អ'],
  suspended: ['Suspended', 'បានផ្អាក'],
  transitioning: ['Transitioning', 'កំពុងផ្លាស់ប្ដូរ'],
  transitioned: ['Transitioned', 'បានផ្លាស់ប្ដូររួច'],
  closed: ['Closed', 'បានបិទ'],
};

const episodeStatus: Namespace = {
  referred: ['Referred', 'បានបញ្ជូន'],
  assessment: ['Assessment', 'កំពុងវាយតម្លៃ'],
  residential_care: ['Residential care', 'ការថែទាំតាមមណ្ឌល'],
  reintegration: ['Reintegration', 'សមាហរណកម្មឡើងវិញ'],
  family_based_care: ['Family-based care', 'ការថែទាំផ្អែកលើគ្រួសារ'],
  closed: ['Closed', 'បានបិទ'],
};

const closeReason: Namespace = {
  goals_met: ['Goals met', 'បានសម្រេចគោលដៅ'],
  aged_out: ['Aged out', 'ហួសអាយុ'],
  died: ['Died', 'បានស្លាប់'],
  moved_or_untraceable: ['Moved or untraceable', 'បានផ្លាស់ទីលំនៅ ឬរកមិនឃើញ'],
  transferred_out: ['Transferred out', 'បានផ្ទេរចេញ'],
  other: ['Other', 'ផ្សេងៗ'],
  at_assessment: ['Closed at assessment', 'បានបិទនៅពេលវាយតម្លៃ'],
};

const sex: Namespace = { female: ['Female', 'ស្រី'], male: ['Male', 'ប្រុស'] };

const ageBand: Namespace = {
  '0-2': ['0-2 years', '០-២ ឆ្នាំ'],
  '3-5': ['3-5 years', '៣-៥ ឆ្នាំ'],
  '6-11': ['6-11 years', '៦-១១ ឆ្នាំ'],
  '12-14': ['12-14 years', '១២-១៤ ឆ្នាំ'],
  '15-17': ['15-17 years', '១៥-១៧ ឆ្នាំ'],
  '18+': ['18 and over', '១៨ ឆ្នាំឡើងទៅ'],
};

const parentalStatus: Namespace = {
  both_parents_living: ['Both parents living', 'ឪពុកម្ដាយទាំងពីរនៅរស់'],
  one_parent_living: ['One parent living', 'ឪពុក ឬម្ដាយម្នាក់នៅរស់'],
  no_living_parent: ['No living parent', 'គ្មានឪពុកម្ដាយនៅរស់'],
  unknown: ['Unknown', 'មិនដឹង'],
};

const disability: Namespace = { true: ['With a disability', 'មានពិការភាព'], false: ['Without a disability', 'គ្មានពិការភាព'] };

const dimension: Namespace = {
  careSetting: ['Care setting', 'ប្រភេទការថែទាំ'],
  provinceCode: ['Province', 'ខេត្ត'],
  facilityType: ['Facility type', 'ប្រភេទមណ្ឌល'],
  sex: ['Sex', 'ភេទ'],
  ageBand: ['Age', 'អាយុ'],
  disability: ['Disability', 'ពិការភាព'],
  parentalStatus: ['Parents', 'ឪពុកម្ដាយ'],
  type: ['Facility type', 'ប្រភេទមណ្ឌល'],
  status: ['Status', 'ស្ថានភាព'],
  date: ['Date', 'កាលបរិច្ឆេទ'],
  periodFrom: ['From', 'ចាប់ពី'],
  periodTo: ['To', 'ដល់'],
};

const flow: Namespace = {
  referrals: ['Referrals', 'ការបញ្ជូន'],
  admissions: ['Admissions to residential care', 'ការទទួលចូលមណ្ឌល'],
  placedAtGatekeeping: ['Placed in a family at gatekeeping', 'ដាក់ឱ្យនៅជាមួយគ្រួសារនៅពេលវាយតម្លៃ'],
  reintegrations: ['Reintegrations', 'សមាហរណកម្មឡើងវិញ'],
  breakdowns: ['Placement breakdowns', 'ការដាក់ឱ្យនៅមិនបានសម្រេច'],
  reEntries: ['Re-entries', 'ការត្រឡប់ចូលវិញ'],
  closures: ['Closures', 'ការបិទករណី'],
};

const facilityCount: Namespace = {
  facilities: ['Facilities', 'មណ្ឌល'],
  capacity: ['Places', 'ចំនួនកន្លែង'],
  residents: ['Children living there', 'កុមារដែលរស់នៅ'],
  authorized: ['Authorized', 'មានការអនុញ្ញាត'],
  withActiveMou: ['With an MoU in force', 'មានអនុស្សរណៈនៃការយោគយល់គ្នាជាធរមាន'],
  inspectedLast12Months: ['Inspected in the last 12 months', 'បានធ្វើអធិការកិច្ចក្នុងរយៈពេល ១២ ខែចុងក្រោយ'],
  overdueInspections: ['Inspection overdue', 'អធិការកិច្ចហួសកាលកំណត់'],
  transitioned: ['Transitioned', 'បានផ្លាស់ប្ដូររួច'],
  closed: ['Closed', 'បានបិទ'],
};

const indicator: Namespace = {
  entriesIntoCare: ['Entries into care in the period', 'ការចូលក្នុងការថែទាំក្នុងរយៈពេលនេះ'],
  inCare: ['Children in formal care', 'កុមារក្នុងការថែទាំជាផ្លូវការ'],
  ...Object.fromEntries(Object.entries(careSetting).map(([k, [en, km]]) => [`inCare.${k}`, [`In care: ${en.toLowerCase()}`, `ក្នុងការថែទាំ៖ ${km}`] as const])),
  residentialToFamilyRatio: ['Residential to family-based care ratio', 'សមាមាត្រការថែទាំតាមមណ្ឌលធៀបនឹងការថែទាំផ្អែកលើគ្រួសារ'],
  exitsResidentialToFamily: ['Left residential care for a family', 'បានចាកចេញពីមណ្ឌលទៅរស់នៅជាមួយគ្រួសារ'],
  gatekeptPercent: ['Gatekeeping decisions that kept a child out of residential care', 'ការសម្រេចដែលបានការពារកុមារមិនឱ្យចូលមណ្ឌល'],
  deathsInCare: ['Deaths in care', 'ការស្លាប់ក្នុងការថែទាំ'],
  exitsFromResidentialCare: ['Left residential care', 'បានចាកចេញពីមណ្ឌល'],
  'exitsFromResidentialCare.parental_care': ['Left residential care: to parents', 'ចាកចេញពីមណ្ឌល៖ ទៅឪពុកម្ដាយ'],
  'exitsFromResidentialCare.kinship_care': ['Left residential care: to kin', 'ចាកចេញពីមណ្ឌល៖ ទៅសាច់ញាតិ'],
  'exitsFromResidentialCare.foster_care': ['Left residential care: to foster care', 'ចាកចេញពីមណ្ឌល៖ ទៅគ្រួសារអ្នកចិញ្ចឹម'],
  'exitsFromResidentialCare.independent_living': ['Left residential care: to live independently', 'ចាកចេញពីមណ្ឌល៖ រស់នៅដោយខ្លួនឯង'],
  ...Object.fromEntries(
    Object.entries(closeReason)
      .filter(([k]) => k !== 'at_assessment')
      .map(([k, [en, km]]) => [`exitsFromResidentialCare.closed_${k}`, [`Left residential care: case closed, ${en.toLowerCase()}`, `ចាកចេញពីមណ្ឌល៖ បិទករណី ${km}`] as const]),
  ),
  medianResidentialStayMonths: ['Median stay in residential care of those who left', 'រយៈពេលស្នាក់នៅជាមធ្យម (មេដ្យាន) ក្នុងមណ្ឌល'],
  reviewsOnTimePercent: ['Residential care plans reviewed on time', 'ផែនការថែទាំក្នុងមណ្ឌលដែលបានពិនិត្យឡើងវិញទាន់ពេល'],
  followUpVisitsOnTimePercent: ['Family placements visited on time', 'ការដាក់ឱ្យនៅជាមួយគ្រួសារដែលបានចុះតាមដានទាន់ពេល'],
  entriesPer100k: ['Entries into care per 100,000 children', 'ការចូលក្នុងការថែទាំក្នុងកុមារ ១០០.០០០ នាក់'],
  inCarePer100k: ['Children in formal care per 100,000 children', 'កុមារក្នុងការថែទាំជាផ្លូវការក្នុងកុមារ ១០០.០០០ នាក់'],
  residentialCarePer100k: ['Children in residential care per 100,000 children', 'កុមារក្នុងមណ្ឌលក្នុងកុមារ ១០០.០០០ នាក់'],
};

const unit: Namespace = {
  children: ['children', 'នាក់'],
  percent: ['%', '%'],
  ratio: ['ratio', 'សមាមាត្រ'],
  months: ['months', 'ខែ'],
  per_100k: ['per 100,000', 'ក្នុង ១០០.០០០'],
};

const dashboard: Namespace = {
  title: ['Children in care: Cambodia', 'កុមារក្នុងការថែទាំ៖ កម្ពុជា'],
  subtitle: ['From residential care to families: figures for planners', 'ពីការថែទាំតាមមណ្ឌលទៅកាន់គ្រួសារ៖ តួលេខសម្រាប់អ្នករៀបចំផែនការ'],
  language: ['Language', 'ភាសា'],
  logIn: ['Log in', 'ចូលប្រើ'],
  logOut: ['Log out', 'ចាកចេញ'],
  username: ['Username', 'ឈ្មោះអ្នកប្រើ'],
  password: ['Password', 'ពាក្យសម្ងាត់'],
  loginFailed: ['The username or password is wrong, or the account may not read figures.', 'ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ ឬគណនីនេះមិនអាចមើលតួលេខបានទេ។'],
  loginHint: ['Planners and admins.', 'សម្រាប់អ្នករៀបចំផែនការ និងអ្នកគ្រប់គ្រង។'],
  baseline: ['Baseline', 'កាលបរិច្ឆេទមូលដ្ឋាន'],
  province: ['Province', 'ខេត្ត'],
  nation: ['Whole country', 'ទូទាំងប្រទេស'],
  headline: ['The headline', 'ចំណុចសំខាន់'],
  residentialNow: ['In residential care now', 'ក្នុងមណ្ឌលឥឡូវនេះ'],
  residentialAtBaseline: ['In residential care at the baseline', 'ក្នុងមណ្ឌលនៅកាលបរិច្ឆេទមូលដ្ឋាន'],
  reductionPercent: ['Reduction since the baseline', 'ការថយចុះតាំងពីកាលបរិច្ឆេទមូលដ្ឋាន'],
  residentialToFamilyRatio: ['Residential per child in family-based care', 'កុមារក្នុងមណ្ឌលធៀបនឹងកុមារម្នាក់ក្នុងគ្រួសារ'],
  gatekeptAdmissionsPercent: ['Gatekeeping decisions that avoided residential care', 'ការសម្រេចដែលជៀសវាងការចូលមណ្ឌល'],
  bySetting: ['Children by care setting, month by month', 'កុមារតាមប្រភេទការថែទាំ ប្រចាំខែ'],
  provinces: ['Provinces side by side: residential care now and its change', 'ប្រៀបធៀបខេត្ត៖ ការថែទាំតាមមណ្ឌលឥឡូវនេះ និងការប្រែប្រួល'],
  change: ['Change since the baseline', 'ការប្រែប្រួលតាំងពីកាលបរិច្ឆេទមូលដ្ឋាន'],
  map: ['Map of province centres', 'ផែនទីទីតាំងកណ្ដាលខេត្ត'],
  flows: ['Flows by month', 'លំហូរប្រចាំខែ'],
  compliance: ['Registry compliance by province', 'ការអនុលោមតាមបញ្ជីតាមខេត្ត'],
  indicators: ['Formal-care indicators since the baseline', 'សូចនាករការថែទាំជាផ្លូវការតាំងពីកាលបរិច្ឆេទមូលដ្ឋាន'],
  indicator: ['Indicator', 'សូចនាករ'],
  value: ['Value', 'តម្លៃ'],
  unit: ['Unit', 'ឯកតា'],
  month: ['Month', 'ខែ'],
  showTable: ['Show the numbers', 'បង្ហាញតួលេខ'],
  showChart: ['Show the chart', 'បង្ហាញគំនូសតាង'],
  downloadCsv: ['Download CSV', 'ទាញយក CSV'],
  fewerThan5: ['fewer than 5', 'តិចជាង ៥'],
  withheld: ['withheld (it uses a count below 5)', 'មិនបង្ហាញ (ប្រើចំនួនតិចជាង ៥)'],
  residentialNowShort: ['Now', 'ឥឡូវនេះ'],
  atBaselineShort: ['At the baseline', 'នៅកាលបរិច្ឆេទមូលដ្ឋាន'],
  legend: [
    'Counts of children are protected: each is moved by at most 2 so that no child can be singled out, and 1 to 4 is shown as “fewer than 5”.',
    'ចំនួនកុមារត្រូវបានការពារ៖ ចំនួននីមួយៗអាចខុសពីការពិតយ៉ាងច្រើន ២ ដើម្បីកុំឱ្យអាចកំណត់អត្តសញ្ញាណកុមារណាម្នាក់បាន ហើយចំនួន ១ ដល់ ៤ បង្ហាញថា «តិចជាង ៥»។',
  ],
  legendExact: ['You are an admin: these numbers are exact.', 'អ្នកជាអ្នកគ្រប់គ្រង៖ តួលេខទាំងនេះពិតប្រាកដ។'],
  empty: ['There is no data for this choice yet.', 'មិនទាន់មានទិន្នន័យសម្រាប់ជម្រើសនេះទេ។'],
  failed: ['The figures could not be loaded. Try again; if it keeps failing, tell the system’s administrator.', 'មិនអាចផ្ទុកតួលេខបានទេ។ សូមព្យាយាមម្ដងទៀត ប្រសិនបើនៅតែបរាជ័យ សូមប្រាប់អ្នកគ្រប់គ្រងប្រព័ន្ធ។'],
  sessionEnded: ['Your session has ended: log in again.', 'វគ្គរបស់អ្នកបានបញ្ចប់៖ សូមចូលប្រើម្ដងទៀត។'],
  loading: ['Loading…', 'កំពុងផ្ទុក…'],
  asOf: ['Figures on', 'តួលេខនៅថ្ងៃ'],
  total: ['Total', 'សរុប'],
};

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_KM = ['មករា', 'កុម្ភៈ', 'មីនា', 'មេសា', 'ឧសភា', 'មិថុនា', 'កក្កដា', 'សីហា', 'កញ្ញា', 'តុលា', 'វិច្ឆិកា', 'ធ្នូ'];
const month: Namespace = Object.fromEntries(MONTHS_EN.map((en, i) => [String(i + 1), [en, MONTHS_KM[i]] as const]));

export const LABELS: Record<string, Namespace> = {
  ...RECORD_LABELS,
  action: ACTION_LABELS,
  guard: GUARD_LABELS,
  problem: PROBLEM_TITLES,
  careSetting,
  placementType: Object.fromEntries(Object.entries(careSetting).filter(([k]) => k !== 'residential_care')),
  facilityType,
  facilityStatus,
  episodeStatus,
  closeReason,
  sex,
  ageBand,
  parentalStatus,
  disability,
  dimension,
  flow,
  facilityCount,
  indicator,
  unit,
  month,
  dashboard,
};

export const LANGUAGES = ['en', 'km'] as const;
export type Language = (typeof LANGUAGES)[number];

/** All labels in one language, keyed `<namespace>.<value>`. */
export function labelsIn(lang: Language): Record<string, string> {
  const index = lang === 'en' ? 0 : 1;
  return Object.fromEntries(Object.entries(LABELS).flatMap(([ns, labels]) => Object.entries(labels).map(([key, label]) => [`${ns}.${key}`, label[index]])));
}
