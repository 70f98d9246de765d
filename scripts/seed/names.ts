/** Common Cambodian given and family names, in Latin transliteration and Khmer script. */
export const GIVEN_NAMES: readonly [string, string, 'female' | 'male' | 'any'][] = [
  ['Sophea', 'សុភា', 'female'], ['Sreymom', 'ស្រីមុំ', 'female'], ['Srey Neang', 'ស្រីនាង', 'female'], ['Chantha', 'ចន្ថា', 'female'],
  ['Bopha', 'បុប្ផា', 'female'], ['Sokha', 'សុខា', 'any'], ['Channary', 'ចន្នារី', 'female'], ['Kunthea', 'គន្ធា', 'female'],
  ['Sreyleak', 'ស្រីល័ក្ខ', 'female'], ['Malis', 'ម្លិះ', 'female'], ['Rachana', 'រចនា', 'female'], ['Sothea', 'សុធា', 'female'],
  ['Pisey', 'ពិសី', 'female'], ['Vanna', 'វណ្ណា', 'any'], ['Dara', 'តារា', 'male'], ['Vuthy', 'វុទ្ធី', 'male'],
  ['Rithy', 'រិទ្ធី', 'male'], ['Sovann', 'សុវណ្ណ', 'male'], ['Kosal', 'កុសល', 'male'], ['Piseth', 'ពិសិដ្ឋ', 'male'],
  ['Vibol', 'វិបុល', 'male'], ['Sopheak', 'សុភ័ក្ត្រ', 'male'], ['Chanthou', 'ចន្ធូ', 'male'], ['Samnang', 'សំណាង', 'any'],
  ['Visal', 'វិសាល', 'male'], ['Bunthoeun', 'ប៊ុនធឿន', 'male'], ['Makara', 'មករា', 'male'], ['Rotha', 'រដ្ឋា', 'male'],
  ['Sothy', 'សុធី', 'male'], ['Veasna', 'វាសនា', 'any'], ['Kimhong', 'គីមហុង', 'male'], ['Seyha', 'សីហា', 'male'],
];

export const FAMILY_NAMES: readonly [string, string][] = [
  ['Chan', 'ចាន់'], ['Sok', 'សុខ'], ['Kim', 'គីម'], ['Heng', 'ហេង'], ['Meas', 'មាស'], ['Chea', 'ជា'], ['Ouk', 'អ៊ុក'],
  ['Touch', 'ទូច'], ['Pich', 'ពេជ្រ'], ['Keo', 'កែវ'], ['Seng', 'សេង'], ['Ly', 'លី'], ['Nhem', 'ញ៉ែម'], ['Prak', 'ប្រាក់'],
  ['Chhim', 'ឈឹម'], ['Long', 'ឡុង'], ['Mao', 'ម៉ៅ'], ['Nuon', 'នួន'], ['Phan', 'ផាន'], ['Sam', 'សំ'], ['Tep', 'ទេព'],
  ['Yim', 'យឹម'], ['Hem', 'ហែម'], ['Khun', 'ឃុន'], ['Rin', 'រិន'],
];

/** Most children are in 9 of the 25 provinces, as the 2014-15 mapping found. */
export const PROVINCE_WEIGHTS: Record<string, number> = {
  '12': 18, '17': 16, '02': 12, '08': 8, '18': 7, '03': 6, '21': 5, '07': 4, '01': 4,
};
