export { INSTITUTIONS } from './data';
export { searchInstitutions, findInstitution, type InstitutionSearchOptions } from './search';
export type { Institution } from './types';
