/**
 * The 25 provinces of Cambodia with their official two-digit codes (shared/reference/provinces.csv),
 * and each one's approximate centre [latitude, longitude] from the NCDD gazetteer (via the MIT-licensed
 * pumi project: docs/reference-data.md), for the dashboard's map.
 */
export const PROVINCES: readonly { code: string; nameEn: string; nameKm: string; centre: readonly [number, number] }[] = [
  { code: '01', nameEn: 'Banteay Meanchey', nameKm: 'បន្ទាយមានជ័យ', centre: [13.7989, 102.8863] },
  { code: '02', nameEn: 'Battambang', nameKm: 'បាត់ដំបង', centre: [12.9257, 103.2317] },
  { code: '03', nameEn: 'Kampong Cham', nameKm: 'កំពង់ចាម', centre: [12.1175, 105.208] },
  { code: '04', nameEn: 'Kampong Chhnang', nameKm: 'កំពង់ឆ្នាំង', centre: [12.1382, 104.3354] },
  { code: '05', nameEn: 'Kampong Speu', nameKm: 'កំពង់ស្ពឺ', centre: [11.5775, 104.2714] },
  { code: '06', nameEn: 'Kampong Thom', nameKm: 'កំពង់ធំ', centre: [12.6688, 104.8879] },
  { code: '07', nameEn: 'Kampot', nameKm: 'កំពត', centre: [10.6315, 104.1326] },
  { code: '08', nameEn: 'Kandal', nameKm: 'កណ្ដាល', centre: [11.3963, 105.0208] },
  { code: '09', nameEn: 'Koh Kong', nameKm: 'កោះកុង', centre: [11.6813, 103.0258] },
  { code: '10', nameEn: 'Kratie', nameKm: 'ក្រចេះ', centre: [12.6783, 106.0582] },
  { code: '11', nameEn: 'Mondul Kiri', nameKm: 'មណ្ឌលគិរី', centre: [12.7396, 107.0088] },
  { code: '12', nameEn: 'Phnom Penh', nameKm: 'ភ្នំពេញ', centre: [11.573, 104.8578] },
  { code: '13', nameEn: 'Preah Vihear', nameKm: 'ព្រះវិហារ', centre: [13.7463, 104.974] },
  { code: '14', nameEn: 'Prey Veng', nameKm: 'ព្រៃវែង', centre: [11.366, 105.4557] },
  { code: '15', nameEn: 'Pursat', nameKm: 'ពោធិ៍សាត់', centre: [12.4663, 103.7427] },
  { code: '16', nameEn: 'Ratanak Kiri', nameKm: 'រតនគិរី', centre: [13.9311, 107.0391] },
  { code: '17', nameEn: 'Siem Reap', nameKm: 'សៀមរាប', centre: [13.315, 103.8054] },
  { code: '18', nameEn: 'Preah Sihanouk', nameKm: 'ព្រះសីហនុ', centre: [10.5061, 103.2621] },
  { code: '19', nameEn: 'Stung Treng', nameKm: 'ស្ទឹងត្រែង', centre: [13.8525, 106.089] },
  { code: '20', nameEn: 'Svay Rieng', nameKm: 'ស្វាយរៀង', centre: [11.1942, 105.7973] },
  { code: '21', nameEn: 'Takeo', nameKm: 'តាកែវ', centre: [10.9354, 104.7899] },
  { code: '22', nameEn: 'Oddar Meanchey', nameKm: 'ឧត្ដរមានជ័យ', centre: [14.1586, 103.7828] },
  { code: '23', nameEn: 'Kep', nameKm: 'កែប', centre: [10.4022, 104.2651] },
  { code: '24', nameEn: 'Pailin', nameKm: 'ប៉ៃលិន', centre: [12.8905, 102.6295] },
  { code: '25', nameEn: 'Tboung Khmum', nameKm: 'ត្បូងឃ្មុំ', centre: [11.9501, 105.8246] },
];

export const PROVINCE_CODES: readonly string[] = PROVINCES.map((p) => p.code);
